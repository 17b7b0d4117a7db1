import { siteBaseUrl } from '~/utils/links.server'
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm'
import { meeting, meetingInvitation, meetingRegistration, parliament, user } from '#db/schema/index'
import {
  interpretationLanguages,
  type AttendanceMode,
  type InterpretationLanguage,
  type MeetingFormat,
  type RegistrationState,
  type Role,
} from '#db/enums'
import { recordAuditEvent } from '~/utils/audit.server'
import { activeRegistrationStates, isInvited } from '~/features/meetings/invitations.server'
import type { MeetingViewer } from '~/features/meetings/access.server'
import { hasRole } from '~/utils/auth.server'
import { csvDocument } from '~/utils/csv'
import { getDb } from '~/utils/db.server'
import {
  sendParticipantMessage,
  sendParticipationMail,
  type ParticipationMailKind,
} from '~/features/meetings/participation-mail.server'
import { atomically, type Tx } from '~/utils/transaction.server'

type MeetingRow = typeof meeting.$inferSelect
type Actor = { id: number; role: Role }
type MailOptions = { baseUrl?: string; now?: Date }

export type RegistrationInput = {
  attendanceMode: AttendanceMode
  interpretation: InterpretationLanguage[]
  accessibilityNeeds: string
  dietaryNeeds: string
}

/** Why a registration (or a change to one) is refused; keys of `participation.refused.*`. */
export type RegistrationRefusal =
  | 'notFound'
  | 'closed'
  | 'deadlinePassed'
  | 'notInvited'
  | 'modeNotOffered'
  | 'declined'
  | 'notRegistered'
  | 'forbidden'

type Refused = { ok: false; reason: RegistrationRefusal }
const refuse = (reason: RegistrationRefusal): Refused => ({ ok: false, reason })

/** The attendance modes a meeting's format offers. */
export function modesFor(format: MeetingFormat): AttendanceMode[] {
  return format === 'hybrid' ? ['in_person', 'online'] : [format]
}

const isActive = (state: RegistrationState) => (activeRegistrationStates as readonly string[]).includes(state)

/** Registration is possible only for a published meeting that has not ended. */
const isOpen = (m: MeetingRow, now: Date) => m.state === 'published' && m.endsAt > now

function parseInterpretation(value: string): InterpretationLanguage[] {
  return value
    .split(',')
    .filter((v): v is InterpretationLanguage => (interpretationLanguages as readonly string[]).includes(v))
}

function getMeetingTx(tx: Tx, meetingId: number) {
  return tx.select().from(meeting).where(eq(meeting.id, meetingId)).get()
}

function getRegistrationTx(tx: Tx, meetingId: number, userId: number) {
  return tx
    .select()
    .from(meetingRegistration)
    .where(and(eq(meetingRegistration.meetingId, meetingId), eq(meetingRegistration.userId, userId)))
    .get()
}

function confirmedCount(tx: Tx, meetingId: number) {
  return (
    tx
      .select({ n: count() })
      .from(meetingRegistration)
      .where(and(eq(meetingRegistration.meetingId, meetingId), eq(meetingRegistration.state, 'confirmed')))
      .get()?.n ?? 0
  )
}

/**
 * Promotes the first waitlisted (by requested_at) into free seats; runs inside the caller's transaction.
 * Returns the promoted users' ids, to be told by mail after the commit.
 */
function fillSeatsTx(tx: Tx, m: MeetingRow, now: Date): number[] {
  if (!isOpen(m, now)) return []
  const free = m.capacity === null ? Number.MAX_SAFE_INTEGER : m.capacity - confirmedCount(tx, m.id)
  if (free <= 0) return []
  const next = tx
    .select({ id: meetingRegistration.id, userId: meetingRegistration.userId })
    .from(meetingRegistration)
    .where(and(eq(meetingRegistration.meetingId, m.id), eq(meetingRegistration.state, 'waitlisted')))
    .orderBy(asc(meetingRegistration.requestedAt), asc(meetingRegistration.id))
    .limit(Math.min(free, 100_000))
    .all()
  if (!next.length) return []
  tx.update(meetingRegistration)
    .set({ state: 'confirmed', updatedAt: now })
    .where(
      inArray(
        meetingRegistration.id,
        next.map((r) => r.id),
      ),
    )
    .run()
  return next.map((r) => r.userId)
}

function recipients(userIds: number[]) {
  if (!userIds.length) return []
  return getDb()
    .select({ id: user.id, email: user.email, locale: user.locale })
    .from(user)
    .where(inArray(user.id, userIds))
    .all()
}

function mailUsers(tx: Tx, kind: ParticipationMailKind, userIds: number[], m: MeetingRow, baseUrl: string | undefined) {
  for (const r of recipients(userIds)) sendParticipationMail(tx, kind, r, m, baseUrl ?? siteBaseUrl())
}

const mailKindOf: Partial<Record<RegistrationState, ParticipationMailKind>> = {
  confirmed: 'confirmed',
  pending: 'pending',
  waitlisted: 'waitlisted',
}

export type RegisterResult = { ok: true; state: RegistrationState; updated: boolean; promoted: number } | Refused

/**
 * Registers a member for a meeting, or changes the details of their standing registration. The seat check
 * and the write happen in one IMMEDIATE transaction: SQLite's write lock is taken before the seats are
 * counted, so two members asking for the last seat at once (even from two processes) never both get it.
 * A member has one row per meeting; registering again after cancelling reuses it (and joins the queue anew).
 */
export function register(
  meetingId: number,
  who: { id: number; role: Role; parliamentId: number | null },
  input: RegistrationInput,
  options: MailOptions = {},
): RegisterResult {
  const now = options.now ?? new Date()
  const details = {
    attendanceMode: input.attendanceMode,
    interpretation: [...new Set(input.interpretation)].filter((l) => interpretationLanguages.includes(l)).join(','),
    accessibilityNeeds: input.accessibilityNeeds.trim(),
    dietaryNeeds: input.dietaryNeeds.trim(),
  }
  return atomically((tx0) => {
    const outcome = getDb().transaction(
      (tx) => {
        const m = getMeetingTx(tx, meetingId)
        if (!m) return refuse('notFound')
        if (!isOpen(m, now)) return refuse('closed')
        if (!modesFor(m.format).includes(input.attendanceMode)) return refuse('modeNotOffered')
        const existing = getRegistrationTx(tx, meetingId, who.id)
        if (existing && isActive(existing.state)) {
          tx.update(meetingRegistration)
            .set({ ...details, updatedAt: now })
            .where(eq(meetingRegistration.id, existing.id))
            .run()
          return { ok: true as const, m, state: existing.state, updated: true, promoted: [] as number[] }
        }
        if (existing?.state === 'declined') return refuse('declined')
        if (m.registrationDeadline && m.registrationDeadline <= now) return refuse('deadlinePassed')
        if (m.visibility === 'invitation' && !hasRole(who, 'coordinator') && !isInvited(meetingId, who, tx))
          return refuse('notInvited')
        // Seats freed earlier go to those already waiting before anyone new.
        const promoted = fillSeatsTx(tx, m, now)
        const state: RegistrationState = m.requiresApproval
          ? 'pending'
          : m.capacity !== null && confirmedCount(tx, m.id) >= m.capacity
            ? 'waitlisted'
            : 'confirmed'
        const row = { ...details, state, requestedAt: now, attended: null, updatedAt: now }
        if (existing) tx.update(meetingRegistration).set(row).where(eq(meetingRegistration.id, existing.id)).run()
        else
          tx.insert(meetingRegistration)
            .values({ ...row, meetingId, userId: who.id, createdAt: now })
            .run()
        return { ok: true as const, m, state, updated: false, promoted }
      },
      { behavior: 'immediate' },
    )
    if (!outcome.ok) return outcome
    recordAuditEvent(
      {
        actorId: who.id,
        action: outcome.updated ? 'meeting.registration.update' : 'meeting.registration.create',
        targetType: 'meeting',
        targetId: meetingId,
        details: { state: outcome.state, attendanceMode: details.attendanceMode },
      },
      tx0,
    )
    const kind = mailKindOf[outcome.state]
    if (!outcome.updated && kind) mailUsers(tx0, kind, [who.id], outcome.m, options.baseUrl)
    mailUsers(tx0, 'promoted', outcome.promoted, outcome.m, options.baseUrl)
    return { ok: true, state: outcome.state, updated: outcome.updated, promoted: outcome.promoted.length }
  })
}

export type ChangeResult = { ok: true; state: RegistrationState; promoted: number } | Refused

/**
 * Cancels a standing registration, by the member or a coordinator. When it held a seat, the first on the
 * waitlist is promoted (and told by mail); the member gets the cancellation by mail.
 */
export function cancelRegistration(
  meetingId: number,
  userId: number,
  actor: Actor,
  options: MailOptions = {},
): ChangeResult {
  if (actor.id !== userId && !hasRole(actor, 'coordinator')) return refuse('forbidden')
  const now = options.now ?? new Date()
  return atomically((tx0) => {
    const outcome = getDb().transaction(
      (tx) => {
        const m = getMeetingTx(tx, meetingId)
        if (!m) return refuse('notFound')
        const reg = getRegistrationTx(tx, meetingId, userId)
        if (!reg || !isActive(reg.state)) return refuse('notRegistered')
        if (m.endsAt <= now) return refuse('closed')
        tx.update(meetingRegistration)
          .set({ state: 'cancelled', updatedAt: now })
          .where(eq(meetingRegistration.id, reg.id))
          .run()
        const promoted = reg.state === 'confirmed' ? fillSeatsTx(tx, m, now) : []
        return { ok: true as const, m, from: reg.state, promoted }
      },
      { behavior: 'immediate' },
    )
    if (!outcome.ok) return outcome
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'meeting.registration.cancel',
        targetType: 'meeting',
        targetId: meetingId,
        details: { userId, from: outcome.from, promoted: outcome.promoted },
      },
      tx0,
    )
    mailUsers(tx0, 'cancelled', [userId], outcome.m, options.baseUrl)
    mailUsers(tx0, 'promoted', outcome.promoted, outcome.m, options.baseUrl)
    return { ok: true, state: 'cancelled', promoted: outcome.promoted.length }
  })
}

/**
 * A coordinator approves a pending registration: confirmed when a seat is free (after those already on the
 * waitlist), otherwise waitlisted. Told by mail either way.
 */
export function approveRegistration(
  meetingId: number,
  userId: number,
  actor: Actor,
  options: MailOptions = {},
): ChangeResult {
  if (!hasRole(actor, 'coordinator')) return refuse('forbidden')
  const now = options.now ?? new Date()
  return atomically((tx0) => {
    const outcome = getDb().transaction(
      (tx) => {
        const m = getMeetingTx(tx, meetingId)
        if (!m) return refuse('notFound')
        if (!isOpen(m, now)) return refuse('closed')
        const reg = getRegistrationTx(tx, meetingId, userId)
        if (!reg || reg.state !== 'pending') return refuse('notRegistered')
        const promoted = fillSeatsTx(tx, m, now)
        const state: RegistrationState =
          m.capacity !== null && confirmedCount(tx, m.id) >= m.capacity ? 'waitlisted' : 'confirmed'
        tx.update(meetingRegistration).set({ state, updatedAt: now }).where(eq(meetingRegistration.id, reg.id)).run()
        return { ok: true as const, m, state, promoted }
      },
      { behavior: 'immediate' },
    )
    if (!outcome.ok) return outcome
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'meeting.registration.approve',
        targetType: 'meeting',
        targetId: meetingId,
        details: { userId, state: outcome.state },
      },
      tx0,
    )
    mailUsers(tx0, outcome.state === 'confirmed' ? 'approved' : 'waitlisted', [userId], outcome.m, options.baseUrl)
    mailUsers(tx0, 'promoted', outcome.promoted, outcome.m, options.baseUrl)
    return { ok: true, state: outcome.state, promoted: outcome.promoted.length }
  })
}

/** A coordinator declines a pending (or waitlisted) registration; the member is told by mail. */
export function declineRegistration(
  meetingId: number,
  userId: number,
  actor: Actor,
  options: MailOptions = {},
): ChangeResult {
  if (!hasRole(actor, 'coordinator')) return refuse('forbidden')
  const now = options.now ?? new Date()
  return atomically((tx0) => {
    const outcome = getDb().transaction(
      (tx) => {
        const m = getMeetingTx(tx, meetingId)
        if (!m) return refuse('notFound')
        const reg = getRegistrationTx(tx, meetingId, userId)
        if (!reg || (reg.state !== 'pending' && reg.state !== 'waitlisted')) return refuse('notRegistered')
        tx.update(meetingRegistration)
          .set({ state: 'declined', updatedAt: now })
          .where(eq(meetingRegistration.id, reg.id))
          .run()
        return { ok: true as const, m, from: reg.state }
      },
      { behavior: 'immediate' },
    )
    if (!outcome.ok) return outcome
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'meeting.registration.decline',
        targetType: 'meeting',
        targetId: meetingId,
        details: { userId, from: outcome.from },
      },
      tx0,
    )
    mailUsers(tx0, 'declined', [userId], outcome.m, options.baseUrl)
    return { ok: true, state: 'declined', promoted: 0 }
  })
}

/**
 * Promotes from the waitlist while seats are free (e.g. after a coordinator raised the capacity or removed
 * it); each promoted member is told by mail. Returns how many were promoted.
 */
export function fillFreeSeats(meetingId: number, options: MailOptions = {}) {
  const now = options.now ?? new Date()
  return atomically((tx0) => {
    const outcome = getDb().transaction(
      (tx) => {
        const m = getMeetingTx(tx, meetingId)
        return m ? { m, promoted: fillSeatsTx(tx, m, now) } : null
      },
      { behavior: 'immediate' },
    )
    if (!outcome || !outcome.promoted.length) return 0
    recordAuditEvent(
      {
        actorId: null,
        action: 'meeting.registration.promote',
        targetType: 'meeting',
        targetId: meetingId,
        details: { promoted: outcome.promoted },
      },
      tx0,
    )
    mailUsers(tx0, 'promoted', outcome.promoted, outcome.m, options.baseUrl)
    return outcome.promoted.length
  })
}

/** Marks who attended (true), who did not (false) or unmarks (null); only confirmed registrations. */
export function setAttendance(meetingId: number, marks: { userId: number; attended: boolean | null }[], actor: Actor) {
  if (!hasRole(actor, 'coordinator')) return 0
  const now = new Date()
  let changed = 0
  atomically((tx) => {
    for (const mark of marks) {
      changed += tx
        .update(meetingRegistration)
        .set({ attended: mark.attended, updatedAt: now })
        .where(
          and(
            eq(meetingRegistration.meetingId, meetingId),
            eq(meetingRegistration.userId, mark.userId),
            eq(meetingRegistration.state, 'confirmed'),
            sql`${meetingRegistration.attended} is not ${mark.attended === null ? null : Number(mark.attended)}`,
          ),
        )
        .run().changes
    }
    if (changed) {
      recordAuditEvent(
        {
          actorId: actor.id,
          action: 'meeting.attendance',
          targetType: 'meeting',
          targetId: meetingId,
          details: { changed },
        },
        tx,
      )
    }
  })
  return changed
}

export type ParticipantRow = {
  userId: number
  name: string
  email: string
  locale: 'en' | 'ar'
  parliamentId: number | null
  parliamentNameEn: string | null
  parliamentNameAr: string | null
  state: RegistrationState
  attendanceMode: AttendanceMode
  interpretation: InterpretationLanguage[]
  accessibilityNeeds: string
  dietaryNeeds: string
  attended: boolean | null
  requestedAt: Date
}

/** Every registration of the meeting (all states), by parliament then name. */
export function listParticipants(meetingId: number): ParticipantRow[] {
  return getDb()
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      locale: user.locale,
      parliamentId: user.parliamentId,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      state: meetingRegistration.state,
      attendanceMode: meetingRegistration.attendanceMode,
      interpretation: meetingRegistration.interpretation,
      accessibilityNeeds: meetingRegistration.accessibilityNeeds,
      dietaryNeeds: meetingRegistration.dietaryNeeds,
      attended: meetingRegistration.attended,
      requestedAt: meetingRegistration.requestedAt,
    })
    .from(meetingRegistration)
    .innerJoin(user, eq(user.id, meetingRegistration.userId))
    .leftJoin(parliament, eq(parliament.id, user.parliamentId))
    .where(eq(meetingRegistration.meetingId, meetingId))
    .orderBy(
      asc(sql`coalesce(nullif(${parliament.nameEn}, ''), ${parliament.nameAr}, '~')`),
      asc(sql`lower(${user.name})`),
      asc(user.id),
    )
    .all()
    .map((r) => ({ ...r, interpretation: parseInterpretation(r.interpretation) }))
}

/** The waitlist in its order (first to be promoted first). */
export function listWaitlist(meetingId: number) {
  return getDb()
    .select({ userId: user.id, name: user.name, email: user.email, requestedAt: meetingRegistration.requestedAt })
    .from(meetingRegistration)
    .innerJoin(user, eq(user.id, meetingRegistration.userId))
    .where(and(eq(meetingRegistration.meetingId, meetingId), eq(meetingRegistration.state, 'waitlisted')))
    .orderBy(asc(meetingRegistration.requestedAt), asc(meetingRegistration.id))
    .all()
}

/** The participants as CSV (BOM, formula injection neutralised), for coordinators. */
export function exportParticipantsCsv(meetingId: number) {
  const header = [
    'name',
    'email',
    'parliament_en',
    'parliament_ar',
    'state',
    'attendance_mode',
    'interpretation',
    'accessibility_needs',
    'dietary_needs',
    'attended',
    'requested_at',
  ]
  const rows = listParticipants(meetingId).map((p) => [
    p.name,
    p.email,
    p.parliamentNameEn,
    p.parliamentNameAr,
    p.state,
    p.attendanceMode,
    p.interpretation.join(' '),
    p.accessibilityNeeds,
    p.dietaryNeeds,
    p.attended === null ? '' : p.attended ? 'yes' : 'no',
    p.requestedAt.toISOString(),
  ])
  return csvDocument(header, rows)
}

/**
 * Sends the coordinators' message to every confirmed participant (and the waitlisted when asked), each in
 * a header and footer of their own language. Returns the number of mails.
 */
export function messageParticipants(
  meetingId: number,
  message: { subject: string; body: string; includeWaitlisted: boolean },
  actor: Actor,
  options: MailOptions = {},
) {
  if (!hasRole(actor, 'coordinator')) return 0
  const db = getDb()
  const m = db.select().from(meeting).where(eq(meeting.id, meetingId)).get()
  if (!m) return 0
  const states: RegistrationState[] = message.includeWaitlisted ? ['confirmed', 'waitlisted'] : ['confirmed']
  const people = db
    .select({ email: user.email, locale: user.locale })
    .from(meetingRegistration)
    .innerJoin(user, eq(user.id, meetingRegistration.userId))
    .where(
      and(
        eq(meetingRegistration.meetingId, meetingId),
        inArray(meetingRegistration.state, states),
        eq(user.isActive, true),
      ),
    )
    .all()
  return atomically((tx) => {
    for (const p of people) sendParticipantMessage(tx, p, m, message, options.baseUrl ?? siteBaseUrl())
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'meeting.message',
        targetType: 'meeting',
        targetId: meetingId,
        details: { subject: message.subject, recipients: people.length, includeWaitlisted: message.includeWaitlisted },
      },
      tx,
    )
    return people.length
  })
}

/** Whether the user holds a confirmed seat (the meeting page then shows the online link). */
export function isConfirmedParticipant(meetingId: number, userId: number) {
  return Boolean(
    getDb()
      .select({ id: meetingRegistration.id })
      .from(meetingRegistration)
      .where(
        and(
          eq(meetingRegistration.meetingId, meetingId),
          eq(meetingRegistration.userId, userId),
          eq(meetingRegistration.state, 'confirmed'),
        ),
      )
      .get(),
  )
}

/** Why the viewer cannot register, or what will happen when they do (`full`: they will be waitlisted). */
export type ParticipationReason = 'closed' | 'deadlinePassed' | 'notInvited' | 'full' | 'signInRequired' | 'declined'

export type Participation = {
  invited: boolean
  registration: {
    state: RegistrationState
    attendanceMode: AttendanceMode
    interpretation: InterpretationLanguage[]
    accessibilityNeeds: string
    dietaryNeeds: string
    attended: boolean | null
    /** Milliseconds since the epoch. */
    requestedAt: number
  } | null
  /** Seats still free; null when the meeting has no limit. */
  seatsLeft: number | null
  capacity: number | null
  /** 1 for the first on the waitlist; null when not waitlisted. */
  waitlistPosition: number | null
  /** Whether a (new) registration would be accepted now. False while the viewer holds one. */
  canRegister: boolean
  reason: ParticipationReason | null
  requiresApproval: boolean
  /** Milliseconds since the epoch, or null. */
  registrationDeadline: number | null
  timeZone: string
  modes: AttendanceMode[]
}

/** What the meeting page and the register page show about the viewer and the seats. */
export function getParticipation(meetingId: number, viewer: MeetingViewer, now = new Date()): Participation | null {
  const db = getDb()
  const m = db.select().from(meeting).where(eq(meeting.id, meetingId)).get()
  if (!m) return null
  const reg = viewer ? getRegistrationTx(db, meetingId, viewer.id) : undefined
  const confirmed = confirmedCount(db, meetingId)
  const waiting =
    db
      .select({ n: count() })
      .from(meetingRegistration)
      .where(and(eq(meetingRegistration.meetingId, meetingId), eq(meetingRegistration.state, 'waitlisted')))
      .get()?.n ?? 0
  const seatsLeft = m.capacity === null ? null : Math.max(0, m.capacity - confirmed)
  let waitlistPosition: number | null = null
  if (reg?.state === 'waitlisted') {
    const ahead =
      db
        .select({ n: count() })
        .from(meetingRegistration)
        .where(
          and(
            eq(meetingRegistration.meetingId, meetingId),
            eq(meetingRegistration.state, 'waitlisted'),
            or(
              lt(meetingRegistration.requestedAt, reg.requestedAt),
              and(eq(meetingRegistration.requestedAt, reg.requestedAt), lt(meetingRegistration.id, reg.id)),
            ),
          ),
        )
        .get()?.n ?? 0
    waitlistPosition = ahead + 1
  }
  const invited = viewer ? isInvited(meetingId, viewer) : false
  const holds = Boolean(reg && isActive(reg.state))
  let reason: ParticipationReason | null = null
  if (!isOpen(m, now)) reason = 'closed'
  else if (holds) reason = null
  else if (m.registrationDeadline && m.registrationDeadline <= now) reason = 'deadlinePassed'
  else if (!viewer) reason = 'signInRequired'
  else if (reg?.state === 'declined') reason = 'declined'
  else if (m.visibility === 'invitation' && !invited && !hasRole(viewer, 'coordinator')) reason = 'notInvited'
  else if (seatsLeft === 0 || (seatsLeft !== null && waiting > 0)) reason = 'full'
  return {
    invited,
    registration: reg
      ? {
          state: reg.state,
          attendanceMode: reg.attendanceMode,
          interpretation: parseInterpretation(reg.interpretation),
          accessibilityNeeds: reg.accessibilityNeeds,
          dietaryNeeds: reg.dietaryNeeds,
          attended: reg.attended,
          requestedAt: reg.requestedAt.getTime(),
        }
      : null,
    seatsLeft,
    capacity: m.capacity,
    waitlistPosition,
    canRegister: !holds && (reason === null || reason === 'full'),
    reason,
    requiresApproval: m.requiresApproval,
    registrationDeadline: m.registrationDeadline?.getTime() ?? null,
    timeZone: m.timeZone,
    modes: modesFor(m.format),
  }
}

const myMeetingColumns = {
  id: meeting.id,
  titleEn: meeting.titleEn,
  titleAr: meeting.titleAr,
  city: meeting.city,
  format: meeting.format,
  timeZone: meeting.timeZone,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  state: meeting.state,
  registrationDeadline: meeting.registrationDeadline,
}

/**
 * "My meetings": invitations not answered yet (published meetings that have not ended and where the member
 * has no registration at all), and the member's registrations, upcoming (soonest first) and past.
 */
export function listMyMeetings(viewer: { id: number; parliamentId: number | null }, now = new Date()) {
  const db = getDb()
  const target = viewer.parliamentId
    ? sql`(${meetingInvitation.userId} = ${viewer.id} or ${meetingInvitation.parliamentId} = ${viewer.parliamentId})`
    : sql`${meetingInvitation.userId} = ${viewer.id}`
  const invitations = db
    .select(myMeetingColumns)
    .from(meeting)
    .where(
      and(
        eq(meeting.state, 'published'),
        gt(meeting.endsAt, now),
        sql`exists (select 1 from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meeting.id} and ${target})`,
        sql`not exists (select 1 from ${meetingRegistration} where ${meetingRegistration.meetingId} = ${meeting.id} and ${meetingRegistration.userId} = ${viewer.id})`,
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .all()
  const registrations = db
    .select({
      ...myMeetingColumns,
      registrationState: meetingRegistration.state,
      attendanceMode: meetingRegistration.attendanceMode,
    })
    .from(meetingRegistration)
    .innerJoin(meeting, eq(meeting.id, meetingRegistration.meetingId))
    .where(and(eq(meetingRegistration.userId, viewer.id), sql`${meeting.state} <> 'draft'`))
    .orderBy(desc(meeting.startsAt))
    .all()
  return {
    invitations,
    upcoming: registrations.filter((r) => r.endsAt > now).reverse(),
    past: registrations.filter((r) => r.endsAt <= now),
  }
}
