import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { outbox, user } from '#db/schema/index'
import type { Locale, Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { siteBaseUrl } from '~/utils/links.server'
import { notifyAssignee, notifyCoordinators, notifyRequester } from './mail.server'

const base = siteBaseUrl()
const r = { id: 7, subject: 'Review of the draft law on terrorism financing' }
const withParliament = { ...r, parliamentName: { en: 'Shura Council of Qatar', ar: 'مجلس الشورى القطري' } }

const mailsTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()
const outboxSize = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .get()!.n

function addUser(email: string, role: Role, locale: Locale, isActive = true) {
  getDb()
    .insert(user)
    .values({ email, name: email.split('@')[0]!, role, locale, isActive, passwordHash: 'x' })
    .run()
  return { email, locale }
}

describe('notifyRequester', () => {
  it('writes one mail in the recipient’s language, with the reason of a decline and the link in that language', async () => {
    const before = outboxSize()
    notifyRequester(
      getDb(),
      r,
      { email: 'nour@example.org', locale: 'ar' },
      { kind: 'state', state: 'declined', reason: 'لا يدخل في نطاق البرنامج' },
    )
    expect(outboxSize()).toBe(before + 1)
    const [mail] = mailsTo('nour@example.org')
    expect(mail).toMatchObject({ locale: 'ar', subject: `رُفض الطلب رقم 7: ${r.subject}` })
    expect(mail!.textBody).toContain('لا يدخل في نطاق البرنامج')
    expect(mail!.textBody).toContain(`${base}/ar/requests/7`)
    expect(mail!.textBody).not.toContain('/en/requests/')
    expect(mail!.textBody).not.toMatch(/\{\{|declined/)
  })

  it('writes in English for an English recipient', async () => {
    notifyRequester(
      getDb(),
      r,
      { email: 'john@example.org', locale: 'en' },
      { kind: 'state', state: 'declined', reason: 'Outside the mandate of the programme' },
    )
    const [mail] = mailsTo('john@example.org')
    expect(mail).toMatchObject({ locale: 'en', subject: `Request no. 7 is declined: ${r.subject}` })
    expect(mail!.textBody).toContain('Outside the mandate of the programme')
    expect(mail!.textBody).toContain(`${base}/en/requests/7`)
  })

  it.each([
    ['submitted', { kind: 'submitted' } as const, 'تسلّمنا الطلب رقم 7'],
    ['under review', { kind: 'state', state: 'under_review', reason: null } as const, 'قيد الدراسة'],
    ['completed', { kind: 'state', state: 'completed', reason: null } as const, 'أُنجز الطلب رقم 7'],
    ['a message', { kind: 'message', from: 'Layla', body: 'متى تبدأون؟' } as const, 'رسالة جديدة'],
    ['an output', { kind: 'output', title: 'دليل الصياغة التشريعية' } as const, 'أُضيفت نتيجة'],
    ['assigned', { kind: 'assigned', name: 'Layla' } as const, 'أحد المنسقين'],
  ])('has an Arabic text for %s', async (_label, notice, subjectPart) => {
    const email = `ar-${Math.random().toString(36).slice(2)}@example.org`
    notifyRequester(getDb(), r, { email, locale: 'ar' }, notice)
    const mails = mailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain(subjectPart)
    expect(mails[0]!.textBody).toContain(`${base}/ar/requests/7`)
    expect(`${mails[0]!.subject}\n${mails[0]!.textBody}`).not.toMatch(/\{\{|mail\./)
    if (notice.kind === 'message') expect(mails[0]!.textBody).toContain('متى تبدأون؟')
    if (notice.kind === 'output') expect(mails[0]!.textBody).toContain('دليل الصياغة التشريعية')
  })

  it('writes nothing when the requester’s account is gone', async () => {
    const before = outboxSize()
    notifyRequester(getDb(), r, null, { kind: 'state', state: 'accepted', reason: null })
    expect(outboxSize()).toBe(before)
  })
})

describe('notifyCoordinators', () => {
  let english: { email: string; locale: Locale }
  let arabic: { email: string; locale: Locale }

  beforeAll(() => {
    english = addUser('coord.en@example.org', 'coordinator', 'en')
    arabic = addUser('coord.ar@example.org', 'coordinator', 'ar')
    addUser('coord.gone@example.org', 'coordinator', 'en', false)
    addUser('member@example.org', 'member', 'en')
  })

  it('mails every active coordinator of a new request, each in their language', async () => {
    const before = outboxSize()
    notifyCoordinators(getDb(), withParliament, { kind: 'newRequest' })
    expect(outboxSize()).toBe(before + 2)
    expect(mailsTo(english.email)).toEqual([
      expect.objectContaining({ locale: 'en', subject: `New request no. 7 from Shura Council of Qatar: ${r.subject}` }),
    ])
    expect(mailsTo(english.email)[0]!.textBody).toContain(`${base}/en/requests/7`)
    expect(mailsTo(arabic.email)).toEqual([
      expect.objectContaining({ locale: 'ar', subject: `طلب جديد رقم 7 من مجلس الشورى القطري: ${r.subject}` }),
    ])
    expect(mailsTo(arabic.email)[0]!.textBody).toContain(`${base}/ar/requests/7`)
    expect(mailsTo('coord.gone@example.org')).toEqual([])
    expect(mailsTo('member@example.org')).toEqual([])
  })

  it('a new request goes to every coordinator even when one is already named', async () => {
    const before = outboxSize()
    notifyCoordinators(getDb(), withParliament, { kind: 'newRequest' }, arabic)
    expect(outboxSize()).toBe(before + 2)
  })

  it('mails only the coordinator in charge of a reply, when there is one', async () => {
    const before = outboxSize()
    const arabicBefore = mailsTo(arabic.email).length
    notifyCoordinators(
      getDb(),
      withParliament,
      { kind: 'reply', from: 'Nour', body: 'Here is the annex you asked for.' },
      english,
    )
    expect(outboxSize()).toBe(before + 1)
    expect(mailsTo(arabic.email)).toHaveLength(arabicBefore)
    const reply = mailsTo(english.email).at(-1)!
    expect(reply).toMatchObject({ locale: 'en', subject: `Reply on request no. 7: ${r.subject}` })
    expect(reply.textBody).toContain('Here is the annex you asked for.')
    expect(reply.textBody).toContain('Shura Council of Qatar')
    expect(reply.textBody).toContain(`${base}/en/requests/7`)
  })

  it('mails every coordinator of a reply when nobody is in charge', async () => {
    const before = outboxSize()
    notifyCoordinators(getDb(), withParliament, { kind: 'reply', from: 'Nour', body: 'Any news?' })
    expect(outboxSize()).toBe(before + 2)
    expect(mailsTo(arabic.email).at(-1)).toMatchObject({ locale: 'ar', subject: `ردّ بشأن الطلب رقم 7: ${r.subject}` })
  })

  it('falls back to the other language of the parliament’s name', async () => {
    notifyCoordinators(
      getDb(),
      { ...r, id: 8, parliamentName: { en: 'Council of Oman', ar: '' } },
      { kind: 'newRequest' },
    )
    expect(mailsTo(arabic.email).at(-1)!.subject).toBe(`طلب جديد رقم 8 من Council of Oman: ${r.subject}`)
  })
})

describe('notifyAssignee', () => {
  it('tells the coordinator put in charge, in their language, who did it', async () => {
    notifyAssignee(getDb(), r, { email: 'layla@example.org', locale: 'ar' }, 'Demo Coordinator')
    const [mail] = mailsTo('layla@example.org')
    expect(mail).toMatchObject({ locale: 'ar', subject: `أنت مسؤول عن الطلب رقم 7: ${r.subject}` })
    expect(mail!.textBody).toContain('Demo Coordinator')
    expect(mail!.textBody).toContain(`${base}/ar/requests/7`)
  })
})
