// Registering for a meeting and changing a registration (cancel, approve, decline, fill free seats): the seat
// check and the write in one IMMEDIATE transaction each, the audit and the mails after.
import { siteBaseUrl } from '~/utils/links.server'
import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { meeting, meetingRegistration, user } from '#db/schema/index'
import {
  interpretationLanguages,
  type AttendanceMode,
  type InterpretationLanguage,
  type MeetingFormat,
  type RegistrationState,
  type Role,
} from '#db/enums'
import { recordAuditEvent } from '~/utils/audit.server'
import { activeRegistrationStates, isInvited } from './invitations.server'
import { hasRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { sendParticipationMail, type ParticipationMailKind } from './participation-mail.server'
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

export const isActive = (state: RegistrationState) => (activeRegistrationStates as readonly string[]).includes(state)

/** Registration is possible only for a published meeting that has not ended. */
export const isOpen = (m: MeetingRow, now: Date) => m.state === 'published' && m.endsAt > now

function getMeetingTx(tx: Tx, meetingId: number) {
  return tx.select().from(meeting).where(eq(meeting.id, meetingId)).get()
}

export function getRegistrationTx(tx: Tx, meetingId: number, userId: number) {
  return tx
    .select()
    .from(meetingRegistration)
    .where(and(eq(meetingRegistration.meetingId, meetingId), eq(meetingRegistration.userId, userId)))
    .get()
}

export function confirmedCount(tx: Tx, meetingId: number) {
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
