import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { meeting, outbox } from '#db/schema/index'
import { addMeeting, addUser, register } from '../../../test/calendar-helper'
import { getDb } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { notifyMeetingCancelled, notifyMeetingChanged } from './notices.server'

const mailsTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()

function setup(state: 'published' | 'draft' = 'published') {
  const m = addMeeting({
    titleEn: 'Regional workshop',
    titleAr: 'ورشة العمل الإقليمية',
    state,
    publishedAt: state === 'published' ? new Date() : null,
    timeZone: 'Europe/London',
    city: 'London',
    countryCode: 'GB',
    format: 'in_person',
    address: '1 Parliament Square',
    startsAt: new Date('2027-03-27T09:00:00Z'),
    endsAt: new Date('2027-03-30T15:00:00Z'),
  })
  const people = {
    confirmed: addUser({ locale: 'ar', name: 'سارة' }),
    pending: addUser({ locale: 'en', name: 'Pat' }),
    waitlisted: addUser({ locale: 'en', name: 'Wen' }),
    cancelled: addUser(),
    declined: addUser(),
  }
  for (const [s, u] of Object.entries(people)) register(m.id, u.id, s as keyof typeof people)
  return { m, people }
}

describe('change and cancellation notices', () => {
  it('tell confirmed, pending and waitlisted registrants what changed, each in their language', async () => {
    const { m, people } = setup()
    expect(
      atomically((tx) =>
        notifyMeetingChanged(tx, m.id, { time: true, venue: false }, { baseUrl: 'https://parlnet.example.org' }),
      ),
    ).toBe(3)
    const en = mailsTo(people.pending.email)
    expect(en).toHaveLength(1)
    expect(en[0]).toMatchObject({ locale: 'en', subject: 'Change to Regional workshop' })
    expect(en[0]!.textBody).toContain('Hello Pat,')
    expect(en[0]!.textBody).toContain(
      'New dates and times: Mar 27, 2027, 9:00 AM – Mar 30, 2027, 4:00 PM (United Kingdom Time)',
    )
    expect(en[0]!.textBody).not.toContain('New venue')
    expect(en[0]!.textBody).toContain(`https://parlnet.example.org/en/meetings/${m.id}`)
    expect(en[0]!.textBody).toContain(`https://parlnet.example.org/meetings/${m.id}/calendar.ics?lang=en`)
    const ar = mailsTo(people.confirmed.email)
    expect(ar).toHaveLength(1)
    expect(ar[0]).toMatchObject({ locale: 'ar', subject: 'تغيير في «ورشة العمل الإقليمية»' })
    expect(ar[0]!.textBody).toContain('مرحبًا سارة،')
    expect(ar[0]!.textBody).toContain('المواعيد الجديدة:')
    expect(mailsTo(people.waitlisted.email)).toHaveLength(1)
    expect(mailsTo(people.cancelled.email)).toHaveLength(0)
    expect(mailsTo(people.declined.email)).toHaveLength(0)

    expect(atomically((tx) => notifyMeetingChanged(tx, m.id, { time: false, venue: true }))).toBe(3)
    const venue = mailsTo(people.pending.email)[1]!
    expect(venue.textBody).toContain('New venue: 1 Parliament Square, London, United Kingdom')
    expect(venue.textBody).not.toContain('New dates')
    expect(atomically((tx) => notifyMeetingChanged(tx, m.id, { time: false, venue: false }))).toBe(0)
  })

  it('tell the same registrants that the meeting is cancelled', async () => {
    const { m, people } = setup()
    // Not cancelled (yet): nothing is sent.
    expect(atomically((tx) => notifyMeetingCancelled(tx, m.id))).toBe(0)
    getDb().update(meeting).set({ state: 'cancelled', cancelledAt: new Date() }).where(eq(meeting.id, m.id)).run()
    expect(atomically((tx) => notifyMeetingCancelled(tx, m.id))).toBe(3)
    expect(mailsTo(people.waitlisted.email)[0]!.subject).toBe('Cancelled: Regional workshop')
    expect(mailsTo(people.waitlisted.email)[0]!.textBody).toContain('has been cancelled')
    expect(mailsTo(people.confirmed.email)[0]!.subject).toBe('أُلغي: «ورشة العمل الإقليمية»')
    expect(mailsTo(people.cancelled.email)).toHaveLength(0)
    // Changes to a cancelled meeting are not announced.
    expect(atomically((tx) => notifyMeetingChanged(tx, m.id, { time: true, venue: true }))).toBe(0)
  })

  it('send nothing for a draft, nor when a never-published draft is cancelled', async () => {
    const { m, people } = setup('draft')
    expect(atomically((tx) => notifyMeetingChanged(tx, m.id, { time: true, venue: true }))).toBe(0)
    getDb().update(meeting).set({ state: 'cancelled' }).where(eq(meeting.id, m.id)).run()
    expect(atomically((tx) => notifyMeetingCancelled(tx, m.id))).toBe(0)
    expect(mailsTo(people.confirmed.email)).toHaveLength(0)
    expect(atomically((tx) => notifyMeetingChanged(tx, 9_999_999, { time: true, venue: true }))).toBe(0)
  })
})
