import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, calendarFeed, user } from '#db/schema/index'
import { addMeeting, addUser, parseEvents, register } from '../../../test/calendar-helper'
import { getDb } from '~/utils/db.server'
import { meetingsToIcs } from './ics.server'
import { hashSecret } from '~/utils/secret.server'
import {
  createCalendarFeed,
  hasCalendarFeed,
  listFeedEntries,
  revokeCalendarFeed,
  userForFeedToken,
} from './calendar-feed.server'
import { isConfirmedParticipant } from './participants.server'

const day = 24 * 3600 * 1000
const soon = (days: number) => new Date(Date.now() + days * day)

/** The feed's audit rows of the user, oldest first: [action, actor]. */
const feedAudits = (userId: number) =>
  getDb()
    .select({ action: auditEvent.action, actorId: auditEvent.actorId })
    .from(auditEvent)
    .where(and(eq(auditEvent.targetType, 'user'), eq(auditEvent.targetId, String(userId))))
    .orderBy(auditEvent.id)
    .all()
    .map((r) => [r.action, r.actorId])

describe('personal calendar feeds', () => {
  it('audits each new address and each revocation, as the member’s own act; a revocation of nothing writes nothing', () => {
    const u = addUser()
    createCalendarFeed(u.id)
    createCalendarFeed(u.id)
    expect(revokeCalendarFeed(u.id)).toBe(true)
    expect(revokeCalendarFeed(u.id)).toBe(false)
    expect(feedAudits(u.id)).toEqual([
      ['calendarFeed.created', u.id],
      ['calendarFeed.created', u.id],
      ['calendarFeed.revoked', u.id],
    ])
  })

  it('stores only the hash of the token; a new one replaces the old; revoking turns it off', () => {
    const u = addUser({ locale: 'ar' })
    expect(hasCalendarFeed(u.id)).toBe(false)
    const first = createCalendarFeed(u.id)
    expect(first).toMatch(/^[a-z2-7]{32}$/)
    const row = getDb().select().from(calendarFeed).where(eq(calendarFeed.userId, u.id)).get()!
    expect(row.tokenHash).toBe(hashSecret(first))
    expect(JSON.stringify(row)).not.toContain(first)
    expect(userForFeedToken(first)).toMatchObject({ id: u.id, locale: 'ar' })

    const second = createCalendarFeed(u.id)
    expect(second).not.toBe(first)
    expect(userForFeedToken(first)).toBeNull()
    expect(userForFeedToken(second)?.id).toBe(u.id)

    expect(revokeCalendarFeed(u.id)).toBe(true)
    expect(userForFeedToken(second)).toBeNull()
    expect(hasCalendarFeed(u.id)).toBe(false)
    expect(revokeCalendarFeed(u.id)).toBe(false)
  })

  it('refuses malformed tokens and the tokens of deactivated accounts', () => {
    const u = addUser()
    const token = createCalendarFeed(u.id)
    expect(userForFeedToken('')).toBeNull()
    expect(userForFeedToken(`${token}x`)).toBeNull()
    expect(userForFeedToken(token.toUpperCase())).toBeNull()
    getDb().update(user).set({ isActive: false }).where(eq(user.id, u.id)).run()
    expect(userForFeedToken(token)).toBeNull()
  })

  it('holds the meetings the member registered for, with statuses, and online links only for confirmed seats', () => {
    const u = addUser()
    const confirmed = addMeeting({ titleEn: 'Confirmed one', startsAt: soon(10), endsAt: soon(11) })
    const waitlisted = addMeeting({
      titleEn: 'Waitlisted one',
      startsAt: soon(5),
      endsAt: soon(6),
      onlineUrl: 'https://meet.example.org/wait',
    })
    const pending = addMeeting({ titleEn: 'Pending one', startsAt: soon(20), endsAt: soon(21) })
    const off = addMeeting({ titleEn: 'Called off', startsAt: soon(30), endsAt: soon(31), state: 'cancelled' })
    const dropped = addMeeting({ titleEn: 'Dropped by me', startsAt: soon(7), endsAt: soon(8) })
    const declined = addMeeting({ titleEn: 'Declined', startsAt: soon(8), endsAt: soon(9) })
    addMeeting({ titleEn: 'Not registered', startsAt: soon(9), endsAt: soon(10) })
    register(confirmed.id, u.id, 'confirmed')
    register(waitlisted.id, u.id, 'waitlisted')
    register(pending.id, u.id, 'pending')
    register(off.id, u.id, 'confirmed')
    register(dropped.id, u.id, 'cancelled')
    register(declined.id, u.id, 'declined')

    const entries = listFeedEntries(u.id)
    expect(entries.map((e) => [e.meeting.titleEn, e.status, e.showOnlineLink])).toEqual([
      ['Waitlisted one', 'TENTATIVE', false],
      ['Confirmed one', 'CONFIRMED', true],
      ['Pending one', 'TENTATIVE', false],
      ['Called off', 'CONFIRMED', true],
    ])
    const { events } = parseEvents(meetingsToIcs(entries, { lang: 'en', baseUrl: 'https://parlnet.example.org' }))
    expect(events.map((e) => [e.summary, e.status])).toEqual([
      ['Waitlisted one', 'TENTATIVE'],
      ['Confirmed one', 'CONFIRMED'],
      ['Pending one', 'TENTATIVE'],
      ['Cancelled: Called off', 'CANCELLED'],
    ])
    expect(events[0]!.conference).toBeNull()
    expect(events[1]!.conference).toBe('https://meet.example.org/room-42')
    expect(events[3]!.conference).toBeNull()

    expect(isConfirmedParticipant(confirmed.id, u.id)).toBe(true)
    expect(isConfirmedParticipant(waitlisted.id, u.id)).toBe(false)
    expect(isConfirmedParticipant(dropped.id, u.id)).toBe(false)
  })
})
