import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { meetingInvitation, meetingReminder, outbox } from '#db/schema/index'
import { addMeeting, addParliament, addUser, register } from '../../../test/calendar-helper'
import { getDb } from '~/utils/db.server'
import { sendDueReminders } from './reminders.server'

const hour = 3600 * 1000
const mailsTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()

// Each test runs at its own fixed "now", years apart, so the other tests' meetings are never due.
describe('day-before reminders', () => {
  it('go once to each confirmed participant, in their language, and never before they are due', async () => {
    const now = new Date('2031-03-10T12:00:00Z')
    const m = addMeeting({
      titleEn: 'Doha coordination meeting',
      titleAr: 'اجتماع الدوحة التنسيقي',
      address: 'Sheraton Grand Doha',
      startsAt: new Date(now.getTime() + 20 * hour), // 11 March, 08:00Z = 11:00 in Doha
      endsAt: new Date(now.getTime() + 70 * hour),
    })
    const ar = addUser({ locale: 'ar', name: 'أمل' })
    const en = addUser({ locale: 'en', name: 'Grace' })
    const waiting = addUser()
    const gone = addUser({ isActive: false })
    register(m.id, ar.id, 'confirmed')
    register(m.id, en.id, 'confirmed')
    register(m.id, waiting.id, 'waitlisted')
    register(m.id, gone.id, 'confirmed')

    // The day before the reminder is due: nothing yet.
    expect(await sendDueReminders(new Date(now.getTime() - 24 * hour))).toEqual({ dayBefore: 0, deadlineEve: 0 })
    expect(mailsTo(en.email)).toHaveLength(0)

    expect(await sendDueReminders(now)).toEqual({ dayBefore: 2, deadlineEve: 0 })
    // A second run (or a restart) sends nothing more.
    expect(await sendDueReminders(new Date(now.getTime() + 10 * 60 * 1000))).toEqual({ dayBefore: 0, deadlineEve: 0 })

    const [enMail] = mailsTo(en.email)
    expect(mailsTo(en.email)).toHaveLength(1)
    expect(enMail).toMatchObject({ locale: 'en' })
    expect(enMail!.subject).toBe('Reminder: Doha coordination meeting begins on Mar 11, 2031, 11:00 AM')
    expect(enMail!.textBody).toContain('Hello Grace,')
    expect(enMail!.textBody).toContain('(Arabian Standard Time)')
    expect(enMail!.textBody).toContain('Where: Sheraton Grand Doha, Doha, Qatar, and online')
    expect(enMail!.textBody).toContain(`/en/meetings/${m.id}`)
    expect(enMail!.textBody).not.toContain('meet.example.org')

    const arMails = mailsTo(ar.email)
    expect(arMails).toHaveLength(1)
    expect(arMails[0]!.locale).toBe('ar')
    expect(arMails[0]!.subject).toContain('تذكير: يبدأ «اجتماع الدوحة التنسيقي»')
    expect(arMails[0]!.textBody).toContain('مرحبًا أمل،')
    expect(arMails[0]!.textBody).toContain('التوقيت العربي الرسمي')
    expect(arMails[0]!.textBody).toContain(`/ar/meetings/${m.id}`)

    expect(mailsTo(waiting.email)).toHaveLength(0)
    expect(mailsTo(gone.email)).toHaveLength(0)
    const rows = getDb().select().from(meetingReminder).where(eq(meetingReminder.meetingId, m.id)).all()
    expect(rows.map((r) => r.kind)).toEqual(['day_before', 'day_before'])
  })

  it('are sent once even by two runs at the same moment', async () => {
    const now = new Date('2031-11-20T06:00:00Z')
    const m = addMeeting({ startsAt: new Date(now.getTime() + 2 * hour), endsAt: new Date(now.getTime() + 9 * hour) })
    const people = [addUser(), addUser({ locale: 'ar' }), addUser()]
    for (const u of people) register(m.id, u.id, 'confirmed')
    const [a, b] = await Promise.all([sendDueReminders(now), sendDueReminders(now)])
    expect(a.dayBefore + b.dayBefore).toBe(3)
    for (const u of people) expect(mailsTo(u.email)).toHaveLength(1)
  })

  it('skip meetings already started, drafts and cancelled ones', async () => {
    const now = new Date('2032-06-01T12:00:00Z')
    const u = addUser()
    const started = addMeeting({ startsAt: new Date(now.getTime() - hour), endsAt: new Date(now.getTime() + 5 * hour) })
    const draft = addMeeting({
      state: 'draft',
      startsAt: new Date(now.getTime() + hour),
      endsAt: new Date(now.getTime() + 5 * hour),
    })
    const off = addMeeting({
      state: 'cancelled',
      startsAt: new Date(now.getTime() + hour),
      endsAt: new Date(now.getTime() + 5 * hour),
    })
    for (const m of [started, draft, off]) register(m.id, u.id, 'confirmed')
    expect(await sendDueReminders(now)).toEqual({ dayBefore: 0, deadlineEve: 0 })
    expect(mailsTo(u.email)).toHaveLength(0)
  })
})

describe('registration-deadline reminders', () => {
  it('go once to invitees (themselves or through their parliament) who have not answered', async () => {
    const now = new Date('2033-09-01T08:00:00Z')
    const parliamentId = addParliament()
    const m = addMeeting({
      titleEn: 'Webinar on victims',
      titleAr: '',
      format: 'online',
      visibility: 'invitation',
      startsAt: new Date(now.getTime() + 10 * 24 * hour),
      endsAt: new Date(now.getTime() + 10 * 24 * hour + 2 * hour),
      registrationDeadline: new Date(now.getTime() + 12 * hour),
    })
    const direct = addUser({ locale: 'ar' })
    const viaParliament = addUser({ parliamentId })
    const registered = addUser({ parliamentId })
    const cancelledOwn = addUser({ parliamentId })
    const outsider = addUser()
    const inactive = addUser({ parliamentId, isActive: false })
    getDb()
      .insert(meetingInvitation)
      .values([
        { meetingId: m.id, userId: direct.id },
        { meetingId: m.id, parliamentId },
      ])
      .run()
    register(m.id, registered.id, 'confirmed')
    register(m.id, cancelledOwn.id, 'cancelled')

    // Two days before the deadline: not yet.
    expect((await sendDueReminders(new Date(now.getTime() - 36 * hour))).deadlineEve).toBe(0)
    expect((await sendDueReminders(now)).deadlineEve).toBe(2)
    expect((await sendDueReminders(new Date(now.getTime() + hour))).deadlineEve).toBe(0)

    expect(mailsTo(viaParliament.email)).toHaveLength(1)
    const mail = mailsTo(viaParliament.email)[0]!
    expect(mail.subject).toMatch(/^Registration for Webinar on victims closes on /)
    expect(mail.textBody).toContain('Where: Online')
    expect(mailsTo(direct.email)[0]!.subject).toContain('يُغلق باب التسجيل في «Webinar on victims»')
    for (const u of [registered, cancelledOwn, outsider, inactive]) expect(mailsTo(u.email)).toHaveLength(0)
    const claimed = getDb()
      .select()
      .from(meetingReminder)
      .where(and(eq(meetingReminder.meetingId, m.id), eq(meetingReminder.kind, 'deadline_eve')))
      .all()
    expect(claimed).toHaveLength(2)
  })
})
