import { and, eq, inArray } from 'drizzle-orm'
import { meeting, meetingRegistration, user } from '#db/schema/index'
import { sendMeetingMail, type Recipient } from './calendar-mail.server'
import { getDb, type Tx } from '~/utils/db.server'

// Tells a meeting's registrants (confirmed, pending or waitlisted) that its time or venue changed, or that it is
// cancelled: one mail each, in their language. Queued in the transaction of the change (the mails go out after its commit).

export type MeetingChangeFlags = { time: boolean; venue: boolean }
type NoticeOptions = {
  /** The site's address for the links (absoluteUrl's base); PUBLIC_URL or the local default otherwise. */
  baseUrl?: string
}

function registrants(meetingId: number): Recipient[] {
  return getDb()
    .select({ email: user.email, name: user.name, locale: user.locale })
    .from(meetingRegistration)
    .innerJoin(user, eq(user.id, meetingRegistration.userId))
    .where(
      and(
        eq(meetingRegistration.meetingId, meetingId),
        inArray(meetingRegistration.state, ['confirmed', 'pending', 'waitlisted']),
        eq(user.isActive, true),
      ),
    )
    .orderBy(meetingRegistration.id)
    .all()
}

function loadMeeting(id: number) {
  return getDb().select().from(meeting).where(eq(meeting.id, id)).get() ?? null
}

/** Mails the registrants what changed (new dates and times, new venue or format); returns how many were sent. */
export function notifyMeetingChanged(
  tx: Tx,
  meetingId: number,
  change: MeetingChangeFlags,
  options: NoticeOptions = {},
) {
  const m = loadMeeting(meetingId)
  if (!m || m.state === 'draft' || m.state === 'cancelled' || (!change.time && !change.venue)) return 0
  const recipients = registrants(meetingId)
  for (const to of recipients) sendMeetingMail(tx, 'changed', to, m, { ...options, change })
  return recipients.length
}

/** Mails the registrants that the (cancelled) meeting is off, unless it was never published; returns how many. */
export function notifyMeetingCancelled(tx: Tx, meetingId: number, options: NoticeOptions = {}) {
  const m = loadMeeting(meetingId)
  if (!m || m.state !== 'cancelled' || !m.publishedAt) return 0
  const recipients = registrants(meetingId)
  for (const to of recipients) sendMeetingMail(tx, 'cancelled', to, m, options)
  return recipients.length
}
