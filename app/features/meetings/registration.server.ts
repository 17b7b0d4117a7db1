// Registering for a meeting and changing a registration (cancel, approve, decline, fill free seats): the seat
// check, the write, its audit row and its mails in one IMMEDIATE transaction each (the mails go out after it).
// Who may make each change is the routes' guards' to say (guards.server.ts), before they call these.
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
import { getDb } from '~/utils/db.server'
import { siteBaseUrl } from '~/utils/links.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically, type Tx } from '~/utils/transaction.server'
import { canManageMeeting } from './access.server'
import type { MeetingsError } from './errors'
import { activeRegistrationStates, isInvited } from './invitations.server'
import { auditMeeting } from './meeting-audit.server'
import { sendParticipationMail, type ParticipationMailKind } from './participation-mail.server'

type MeetingRow = typeof meeting.$inferSelect
type Actor = { id: number }
type MailOptions = { baseUrl?: string; now?: Date }

export type RegistrationInput = {
  attendanceMode: AttendanceMode
  interpretation: InterpretationLanguage[]
  accessibilityNeeds: string
  dietaryNeeds: string
}

/** Why a registration (or a change to one) is refused; its text: errorKey (errors.ts). */
export type RegistrationRefusal = Extract<
  MeetingsError,
  'notFound' | 'closed' | 'deadlinePassed' | 'notInvited' | 'modeNotOffered' | 'declined' | 'notRegistered'
>

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

type Registered = { state: RegistrationState; updated: boolean; promoted: number }
type Changed = { state: RegistrationState; promoted: number }
export type RegisterResult = Result<Registered, RegistrationRefusal>
export type ChangeResult = Result<Changed, RegistrationRefusal>
/** A change to one member's registration (`userId`), made by `actor`. */
export type RegistrationChange = (
  meetingId: number,
  userId: number,
  actor: Actor,
  options?: MailOptions,
) => ChangeResult

/**
 * Runs a change to the meeting's registrations in one IMMEDIATE transaction: SQLite's write lock is taken before
 * anything is read, so two processes never count the same free seat. `change` writes, audits and queues its mails.
 */
function changeMeeting<T>(
  meetingId: number,
  change: (tx: Tx, m: MeetingRow) => Result<T, RegistrationRefusal>,
): Result<T, RegistrationRefusal> {
  return atomically((tx) => {
    const m = getMeetingTx(tx, meetingId)
    return m ? change(tx, m) : fail('notFound')
  })
}

/**
 * Registers a member for a meeting, or changes the details of their standing registration. The seat check and
 * the write happen in one IMMEDIATE transaction (changeMeeting), so two members asking for the last seat at once
 * (even from two processes) never both get it. A member has one row per meeting; registering again after
 * cancelling reuses it (and joins the queue anew).
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
  const audit = (tx: Tx, updated: boolean, state: RegistrationState) =>
    auditMeeting(tx, who.id, updated ? 'meeting.registration.update' : 'meeting.registration.create', meetingId, {
      state,
      attendanceMode: details.attendanceMode,
    })
  return changeMeeting<Registered>(meetingId, (tx, m) => {
    if (!isOpen(m, now)) return fail('closed')
    if (!modesFor(m.format).includes(input.attendanceMode)) return fail('modeNotOffered')
    const existing = getRegistrationTx(tx, meetingId, who.id)
    if (existing && isActive(existing.state)) {
      tx.update(meetingRegistration)
        .set({ ...details, updatedAt: now })
        .where(eq(meetingRegistration.id, existing.id))
        .run()
      audit(tx, true, existing.state)
      return ok({ state: existing.state, updated: true, promoted: 0 })
    }
    if (existing?.state === 'declined') return fail('declined')
    if (m.registrationDeadline && m.registrationDeadline <= now) return fail('deadlinePassed')
    // Coordinators may take part in any meeting (access.server.ts); the invitation is the rule for everyone else.
    if (m.visibility === 'invitation' && !canManageMeeting(who) && !isInvited(meetingId, who, tx))
      return fail('notInvited')
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
    audit(tx, false, state)
    const kind = mailKindOf[state]
    if (kind) mailUsers(tx, kind, [who.id], m, options.baseUrl)
    mailUsers(tx, 'promoted', promoted, m, options.baseUrl)
    return ok({ state, updated: false, promoted: promoted.length })
  })
}

/**
 * Cancels a standing registration, by the member or a coordinator (requireRegistrationChange). When it held a
 * seat, the first on the waitlist is promoted (and told by mail); the member gets the cancellation by mail.
 */
export const cancelRegistration: RegistrationChange = (meetingId, userId, actor, options = {}) => {
  const now = options.now ?? new Date()
  return changeMeeting<Changed>(meetingId, (tx, m) => {
    const reg = getRegistrationTx(tx, meetingId, userId)
    if (!reg || !isActive(reg.state)) return fail('notRegistered')
    if (m.endsAt <= now) return fail('closed')
    setState(tx, reg.id, 'cancelled', now)
    const promoted = reg.state === 'confirmed' ? fillSeatsTx(tx, m, now) : []
    auditMeeting(tx, actor.id, 'meeting.registration.cancel', meetingId, { userId, from: reg.state, promoted })
    mailUsers(tx, 'cancelled', [userId], m, options.baseUrl)
    mailUsers(tx, 'promoted', promoted, m, options.baseUrl)
    return ok({ state: 'cancelled', promoted: promoted.length })
  })
}

/**
 * A coordinator approves a pending registration: confirmed when a seat is free (after those already on the
 * waitlist), otherwise waitlisted. Told by mail either way.
 */
export const approveRegistration: RegistrationChange = (meetingId, userId, actor, options = {}) => {
  const now = options.now ?? new Date()
  return changeMeeting<Changed>(meetingId, (tx, m) => {
    if (!isOpen(m, now)) return fail('closed')
    const reg = getRegistrationTx(tx, meetingId, userId)
    if (!reg || reg.state !== 'pending') return fail('notRegistered')
    const promoted = fillSeatsTx(tx, m, now)
    const state: RegistrationState =
      m.capacity !== null && confirmedCount(tx, m.id) >= m.capacity ? 'waitlisted' : 'confirmed'
    setState(tx, reg.id, state, now)
    auditMeeting(tx, actor.id, 'meeting.registration.approve', meetingId, { userId, state })
    mailUsers(tx, state === 'confirmed' ? 'approved' : 'waitlisted', [userId], m, options.baseUrl)
    mailUsers(tx, 'promoted', promoted, m, options.baseUrl)
    return ok({ state, promoted: promoted.length })
  })
}

/** A coordinator declines a pending (or waitlisted) registration; the member is told by mail. */
export const declineRegistration: RegistrationChange = (meetingId, userId, actor, options = {}) => {
  const now = options.now ?? new Date()
  return changeMeeting<Changed>(meetingId, (tx, m) => {
    const reg = getRegistrationTx(tx, meetingId, userId)
    if (!reg || (reg.state !== 'pending' && reg.state !== 'waitlisted')) return fail('notRegistered')
    setState(tx, reg.id, 'declined', now)
    auditMeeting(tx, actor.id, 'meeting.registration.decline', meetingId, { userId, from: reg.state })
    mailUsers(tx, 'declined', [userId], m, options.baseUrl)
    return ok({ state: 'declined', promoted: 0 })
  })
}

function setState(tx: Tx, registrationId: number, state: RegistrationState, now: Date) {
  tx.update(meetingRegistration).set({ state, updatedAt: now }).where(eq(meetingRegistration.id, registrationId)).run()
}

/**
 * Promotes from the waitlist while seats are free (e.g. after a coordinator raised the capacity or removed
 * it); each promoted member is told by mail. Returns how many were promoted.
 */
export function fillFreeSeats(meetingId: number, options: MailOptions = {}) {
  const now = options.now ?? new Date()
  const filled = changeMeeting(meetingId, (tx, m) => {
    const promoted = fillSeatsTx(tx, m, now)
    if (!promoted.length) return ok(0)
    auditMeeting(tx, null, 'meeting.registration.promote', meetingId, { promoted })
    mailUsers(tx, 'promoted', promoted, m, options.baseUrl)
    return ok(promoted.length)
  })
  return filled.ok ? filled.value : 0
}
