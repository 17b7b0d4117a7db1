import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { calendarFeed, meeting, meetingRegistration, user } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { generateSecret, hashSecret } from '~/utils/secret.server'
import { atomically } from '~/utils/transaction.server'
import type { IcsEntry } from './ics.server'

// A member's personal calendar feed: a secret URL (/meetings/feed/<token>.ics) a calendar app polls. Only the
// token's SHA-256 is stored, so the URL is shown once; a new one replaces the old, and it can be turned off.

/** The member's own feed is what changed, and they changed it. */
const auditFeed = (tx: Tx, userId: number, action: 'calendarFeed.created' | 'calendarFeed.revoked') =>
  recordAuditEvent({ actorId: userId, action, targetType: 'user', targetId: userId }, tx)

/**
 * A new secret for the user (any earlier one stops working), with its audit row. Returns the token, which is not
 * stored.
 */
export function createCalendarFeed(userId: number, now = new Date()) {
  const token = generateSecret()
  const tokenHash = hashSecret(token)
  atomically((tx) => {
    tx.insert(calendarFeed)
      .values({ userId, tokenHash, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeed.userId, set: { tokenHash, createdAt: now } })
      .run()
    auditFeed(tx, userId, 'calendarFeed.created')
  })
  return token
}

/** Turns the user's feed off (audited); false when there was none (nothing is written). */
export function revokeCalendarFeed(userId: number) {
  return atomically((tx) => {
    const revoked = tx.delete(calendarFeed).where(eq(calendarFeed.userId, userId)).run().changes > 0
    if (revoked) auditFeed(tx, userId, 'calendarFeed.revoked')
    return revoked
  })
}

/** When the user's current feed address was made, or null when they have none. */
export function getCalendarFeed(userId: number) {
  return (
    getDb()
      .select({ createdAt: calendarFeed.createdAt })
      .from(calendarFeed)
      .where(eq(calendarFeed.userId, userId))
      .get() ?? null
  )
}

export function hasCalendarFeed(userId: number) {
  return getCalendarFeed(userId) !== null
}

/** The (active) owner of a feed token; null for an unknown, replaced or revoked token, or a deactivated account. */
export function userForFeedToken(token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null
  return (
    getDb()
      .select({ id: user.id, name: user.name, locale: user.locale })
      .from(calendarFeed)
      .innerJoin(user, eq(user.id, calendarFeed.userId))
      .where(and(eq(calendarFeed.tokenHash, hashSecret(token)), eq(user.isActive, true)))
      .get() ?? null
  )
}

/** The registration states a feed shows, and how: a seat is confirmed, the others wait. */
const feedStates = ['confirmed', 'pending', 'waitlisted'] as const

/**
 * The events of a member's feed: the meetings they registered for (not the registrations they or a coordinator
 * cancelled or declined), soonest first; the online link only where their seat is confirmed.
 */
export function listFeedEntries(userId: number): IcsEntry[] {
  const rows = getDb()
    .select({ meeting, state: meetingRegistration.state })
    .from(meetingRegistration)
    .innerJoin(meeting, eq(meeting.id, meetingRegistration.meetingId))
    .where(
      and(
        eq(meetingRegistration.userId, userId),
        inArray(meetingRegistration.state, [...feedStates]),
        ne(meeting.state, 'draft'),
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(1000)
    .all()
  return rows.map(({ meeting: m, state }) => ({
    meeting: m,
    showOnlineLink: state === 'confirmed',
    status: state === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
  }))
}
