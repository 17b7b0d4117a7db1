// Notifications (issue 17): immediate mail by preference with RFC 8058 headers, digests claimed once per period.
import { eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locale } from '#db/enums'
import { digestSent, notification, outbox, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { verifySignedLink } from '~/utils/signed-link.server'
import { atomically } from '~/utils/transaction.server'
import { listNotifications, markRead, unreadCount } from './centre.server'
import { periodKey, sendDigests } from './digest.server'
import { mailImmediately } from './mail.server'
import { notify } from './notify.server'
import { setDelivery } from './preferences.server'

let people = 0
function addPerson(locale: Locale = 'en') {
  people++
  return getDb()
    .insert(user)
    .values({ email: `notified${people}@example.org`, name: `Notified ${people}`, locale, passwordHash: 'x' })
    .returning({ id: user.id, email: user.email })
    .get()
}

const mailsTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()

function tell(userIds: number[], kind: 'mention' | 'reply' | 'survey_due' = 'mention', actorId: number | null = null) {
  return atomically((tx) =>
    notify(tx, userIds, {
      kind,
      actorId,
      subjectType: 'thread',
      subjectId: 1,
      titleEn: 'Amina mentioned you',
      titleAr: 'أشارت إليك أمينة',
      path: '/groups/1/threads/1',
    }),
  )
}

let actor: { id: number }
beforeAll(() => {
  actor = addPerson()
})

describe('mailImmediately', () => {
  it('mails an immediate kind once, in the person’s language, with one-click unsubscribe headers', () => {
    const ar = addPerson('ar')
    const ids = tell([ar.id, actor.id], 'mention', actor.id)
    expect(ids).toHaveLength(1)
    expect(mailImmediately(ids)).toBe(1)
    expect(mailImmediately(ids)).toBe(0)
    const [mail] = mailsTo(ar.email)
    expect(mail!.subject).toContain('أشارت إليك أمينة')
    const headers = JSON.parse(mail!.headers!) as Record<string, string>
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = new URL(headers['List-Unsubscribe']!.slice(1, -1))
    expect(link.pathname).toBe('/unsubscribe')
    expect(link.searchParams.get('k')).toBe('mention')
    expect(verifySignedLink(['unsubscribe', ar.id, 'mention'], link.searchParams.get('s'))).toBe(true)
    expect(mail!.textBody).toContain(link.toString())
  })

  it('does not mail a kind the person set to never, nor a daily one', () => {
    const a = addPerson()
    atomically((tx) => setDelivery(tx, a.id, 'mention', 'never'))
    expect(mailImmediately(tell([a.id]))).toBe(0)
    expect(mailImmediately(tell([a.id], 'reply'))).toBe(0)
    expect(mailsTo(a.email)).toHaveLength(0)
  })
})

describe('the centre', () => {
  it('counts unread, lists unread first and marks read', () => {
    const a = addPerson()
    const [first] = tell([a.id])
    tell([a.id])
    expect(unreadCount(a.id)).toBe(2)
    atomically((tx) => markRead(tx, a.id, [first!]))
    expect(unreadCount(a.id)).toBe(1)
    expect(listNotifications(a.id).map((n) => n.read)).toEqual([false, true])
    // Someone else's id changes nothing.
    const b = addPerson()
    expect(atomically((tx) => markRead(tx, b.id, [first!]))).toBe(0)
    atomically((tx) => markRead(tx, a.id, 'all'))
    expect(unreadCount(a.id)).toBe(0)
  })
})

describe('digests', () => {
  it('keys days and ISO weeks', () => {
    expect(periodKey('daily', new Date('2026-12-04T10:00:00Z'))).toBe('2026-12-04')
    expect(periodKey('weekly', new Date('2026-12-04T10:00:00Z'))).toBe('2026-W49')
    expect(periodKey('weekly', new Date('2027-01-01T10:00:00Z'))).toBe('2026-W53')
  })

  it('two runs in one period send one mail; a clock moved back sends none', () => {
    const a = addPerson('ar')
    const ids = tell([a.id], 'reply')
    tell([a.id], 'reply')
    const now = new Date('2030-03-10T08:00:00Z')
    const before = mailsTo(a.email).length
    sendDigests('daily', now)
    sendDigests('daily', now)
    const mails = mailsTo(a.email).slice(before)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toMatch(/[\u0600-\u06FF]/)
    expect(mails[0]!.textBody).toContain('/ar/groups/1/threads/1')
    expect(JSON.parse(mails[0]!.headers!)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const rows = getDb().select().from(notification).where(inArray(notification.id, ids)).all()
    expect(rows.every((r) => r.mailedAt !== null)).toBe(true)
    // New unread notifications, then the clock goes back a day: no second digest for an earlier period.
    tell([a.id], 'reply')
    sendDigests('daily', new Date('2030-03-09T08:00:00Z'))
    expect(mailsTo(a.email).slice(before)).toHaveLength(1)
    expect(
      getDb()
        .select()
        .from(digestSent)
        .where(eq(digestSent.userId, a.id))
        .all()
        .map((r) => r.periodKey),
    ).toEqual(['2030-03-10'])
    // The next day it goes, listing only what was not mailed.
    sendDigests('daily', new Date('2030-03-11T08:00:00Z'))
    expect(mailsTo(a.email).slice(before)).toHaveLength(2)
  })

  it('leaves out what was read, mailed, or of another period', () => {
    const a = addPerson()
    const [read] = tell([a.id], 'reply')
    atomically((tx) => markRead(tx, a.id, [read!]))
    tell([a.id], 'survey_due') // weekly by default
    const before = mailsTo(a.email).length
    sendDigests('daily', new Date('2030-04-01T08:00:00Z'))
    expect(mailsTo(a.email).length).toBe(before)
    sendDigests('weekly', new Date('2030-04-01T08:00:00Z'))
    expect(mailsTo(a.email).length).toBe(before + 1)
  })
})
