// What is read and done about a meeting's participants once registered: the lists (participants, waitlist,
// CSV), attendance, the coordinators' messages, and the viewer's participation and "my meetings".
import { siteBaseUrl } from '~/utils/links.server'
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm'
import { meeting, meetingInvitation, meetingRegistration, parliament, user } from '#db/schema/index'
import {
  interpretationLanguages,
  type AttendanceMode,
  type InterpretationLanguage,
  type RegistrationState,
} from '#db/enums'
import { csvDocument } from '~/utils/csv'
import { getDb, preparedQuery } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { canManageMeeting, type MeetingViewer } from './access.server'
import { isInvited } from './invitations.server'
import { auditMeeting } from './meeting-audit.server'
import { sendParticipantMessage } from './participation-mail.server'
import { getMeeting } from './meeting.server'
import { getRegistrationTx, isActive, isOpen, modesFor } from './registration.server'

type Actor = { id: number }
type MailOptions = { baseUrl?: string; now?: Date }

function parseInterpretation(value: string): InterpretationLanguage[] {
  return value
    .split(',')
    .filter((v): v is InterpretationLanguage => (interpretationLanguages as readonly string[]).includes(v))
}

/**
 * Marks who attended (true), who did not (false) or unmarks (null); only confirmed registrations. Returns how
 * many changed. For coordinators: the route's guard (requireManagedMeeting) lets no one else here.
 */
export function setAttendance(meetingId: number, marks: { userId: number; attended: boolean | null }[], actor: Actor) {
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
    if (changed) auditMeeting(tx, actor.id, 'meeting.attendance', meetingId, { changed })
  })
  return changed
}

/** A registration as the lists and the viewer's participation show it. */
type RegistrationDetails = {
  state: RegistrationState
  attendanceMode: AttendanceMode
  interpretation: InterpretationLanguage[]
  accessibilityNeeds: string
  dietaryNeeds: string
  attended: boolean | null
}

export type ParticipantRow = RegistrationDetails & {
  userId: number
  name: string
  email: string
  locale: 'en' | 'ar'
  parliamentId: number | null
  parliamentNameEn: string | null
  parliamentNameAr: string | null
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
 * a header and footer of their own language, with its audit row. Returns the number of mails.
 */
export function messageParticipants(
  meetingId: number,
  message: { subject: string; body: string; includeWaitlisted: boolean },
  actor: Actor,
  options: MailOptions = {},
) {
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
    auditMeeting(tx, actor.id, 'meeting.message', meetingId, {
      subject: message.subject,
      recipients: people.length,
      includeWaitlisted: message.includeWaitlisted,
    })
    return people.length
  })
}

/** Whether the user holds a confirmed seat (the meeting page then shows the online link). */
export function isConfirmedParticipant(meetingId: number, userId: number) {
  return Boolean(confirmedSeat().get({ meetingId, userId }))
}

const confirmedSeat = preparedQuery((db) =>
  db
    .select({ id: meetingRegistration.id })
    .from(meetingRegistration)
    .where(
      and(
        eq(meetingRegistration.meetingId, sql.placeholder('meetingId')),
        eq(meetingRegistration.userId, sql.placeholder('userId')),
        eq(meetingRegistration.state, 'confirmed'),
      ),
    )
    .prepare(),
)

/** Why the viewer cannot register, or what will happen when they do (`full`: they will be waitlisted). */
export type ParticipationReason = 'closed' | 'deadlinePassed' | 'notInvited' | 'full' | 'signInRequired' | 'declined'

export type Participation = {
  invited: boolean
  registration:
    | (RegistrationDetails & {
        /** Milliseconds since the epoch. */
        requestedAt: number
      })
    | null
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

// The seats taken and the length of the waitlist, in one read built once (confirmedCount counts the first alone,
// inside the transactions that give seats).
const seatCounts = preparedQuery((db) =>
  db
    .select({
      confirmed: sql<number>`count(*) filter (where ${meetingRegistration.state} = 'confirmed')`,
      waiting: sql<number>`count(*) filter (where ${meetingRegistration.state} = 'waitlisted')`,
    })
    .from(meetingRegistration)
    .where(eq(meetingRegistration.meetingId, sql.placeholder('meetingId')))
    .prepare(),
)

/** What the meeting page and the register page show about the viewer and the seats. */
export function getParticipation(meetingId: number, viewer: MeetingViewer, now = new Date()): Participation | null {
  const db = getDb()
  const m = getMeeting(meetingId)
  if (!m) return null
  const reg = viewer ? getRegistrationTx(db, meetingId, viewer.id) : undefined
  const { confirmed, waiting } = seatCounts().get({ meetingId }) ?? { confirmed: 0, waiting: 0 }
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
  else if (m.visibility === 'invitation' && !invited && !canManageMeeting(viewer)) reason = 'notInvited'
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
