import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm'
import {
  meeting,
  meetingInvitation,
  meetingRegistration,
  meetingReminder,
  user,
  type ReminderKind,
} from '#db/schema/index'
import { sendMeetingMail, type MailMeeting, type Recipient } from './calendar-mail.server'
import { getDb } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'

// The reminders of issue 5: the day before a meeting (to its confirmed participants) and on the eve of its
// registration deadline (to invitees who have not answered). A (meeting, user, kind) row is written before the
// mail is sent, and a mail is sent only when that row is new: a second run, a restart or two processes running
// at once never send one twice (a crash between the two at worst loses one reminder).

const DAY = 24 * 60 * 60 * 1000

const mailColumns = {
  id: meeting.id,
  titleEn: meeting.titleEn,
  titleAr: meeting.titleAr,
  format: meeting.format,
  address: meeting.address,
  city: meeting.city,
  countryCode: meeting.countryCode,
  timeZone: meeting.timeZone,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  registrationDeadline: meeting.registrationDeadline,
}
const recipientColumns = { userId: user.id, email: user.email, name: user.name, locale: user.locale }

type Due = { meeting: MailMeeting; userId: number; recipient: Recipient }

/** Confirmed participants of published meetings that start within the next 24 hours. */
function dueDayBefore(now: Date): Due[] {
  return getDb()
    .select({ meeting: mailColumns, recipient: recipientColumns })
    .from(meetingRegistration)
    .innerJoin(meeting, eq(meeting.id, meetingRegistration.meetingId))
    .innerJoin(user, eq(user.id, meetingRegistration.userId))
    .where(
      and(
        eq(meeting.state, 'published'),
        gt(meeting.startsAt, now),
        lte(meeting.startsAt, new Date(now.getTime() + DAY)),
        eq(meetingRegistration.state, 'confirmed'),
        eq(user.isActive, true),
      ),
    )
    .all()
    .map(({ meeting: m, recipient: r }) => ({ meeting: m, userId: r.userId, recipient: r }))
}

/**
 * Invitees (invited themselves or through their parliament) with no registration at all, of published meetings
 * whose registration deadline falls within the next 24 hours.
 */
function dueDeadlineEve(now: Date): Due[] {
  const invited = sql`exists (select 1 from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meeting.id}
    and (${meetingInvitation.userId} = ${user.id}
      or (${user.parliamentId} is not null and ${meetingInvitation.parliamentId} = ${user.parliamentId})))`
  const unanswered = sql`not exists (select 1 from ${meetingRegistration} where ${meetingRegistration.meetingId} = ${meeting.id}
    and ${meetingRegistration.userId} = ${user.id})`
  return getDb()
    .select({ meeting: mailColumns, recipient: recipientColumns })
    .from(meeting)
    .innerJoin(user, eq(user.isActive, true))
    .where(
      and(
        eq(meeting.state, 'published'),
        isNotNull(meeting.registrationDeadline),
        gt(meeting.registrationDeadline, now),
        lte(meeting.registrationDeadline, new Date(now.getTime() + DAY)),
        gt(meeting.startsAt, now),
        invited,
        unanswered,
      ),
    )
    .all()
    .map(({ meeting: m, recipient: r }) => ({ meeting: m, userId: r.userId, recipient: r }))
}

/** Claims a reminder: true only for the run that wrote the row (and must therefore send it). */
function claim(meetingId: number, userId: number, kind: ReminderKind, now: Date) {
  return (
    getDb().insert(meetingReminder).values({ meetingId, userId, kind, sentAt: now }).onConflictDoNothing().run()
      .changes > 0
  )
}

/** Sends the reminders that are due at `now` and not sent yet; returns how many of each kind went out. */
export async function sendDueReminders(now = new Date()) {
  const counts = { dayBefore: 0, deadlineEve: 0 }
  const runs: [ReminderKind, keyof typeof counts, Due[]][] = [
    ['day_before', 'dayBefore', dueDayBefore(now)],
    ['deadline_eve', 'deadlineEve', dueDeadlineEve(now)],
  ]
  for (const [kind, key, due] of runs) {
    for (const d of due) {
      // The claim and the queued mail commit together: a crash between them can neither lose nor repeat it.
      const claimed = atomically((tx) => {
        if (!claim(d.meeting.id, d.userId, kind, now)) return false
        sendMeetingMail(tx, key, d.recipient, d.meeting)
        return true
      })
      if (claimed) counts[key]++
    }
  }
  return counts
}

const TEN_MINUTES = 10 * 60 * 1000
const globalForReminders = globalThis as unknown as {
  __parlnetReminders?: ReturnType<typeof setInterval>
}
let running = false

/** Runs the reminders now and every 10 minutes in the server process (one timer, which never keeps it alive). */
export function startReminderScheduler() {
  const run = async () => {
    if (running) return
    running = true
    try {
      const counts = await sendDueReminders()
      if (counts.dayBefore || counts.deadlineEve) {
        console.log(`reminders: sent ${counts.dayBefore} day-before and ${counts.deadlineEve} deadline reminder(s)`)
      }
    } catch (error) {
      console.error('reminders: run failed', error)
    } finally {
      running = false
    }
  }
  void run()
  if (globalForReminders.__parlnetReminders) clearInterval(globalForReminders.__parlnetReminders)
  globalForReminders.__parlnetReminders = setInterval(() => void run(), TEN_MINUTES)
  globalForReminders.__parlnetReminders.unref()
}
