// The questionnaires' reminder (issue 16): due `reminderDays` before the deadline, to the members of parliaments that
// have not submitted, in each one's language; claimed once, so that no run sends it twice.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { outbox, surveyResponse } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addParliament, addPerson, addSentSurvey } from './answer.test-helpers'
import { sendDueSurveyReminders } from './reminders.server'

const DAY = 86_400_000
let P: number
let Q: number
let R: number
let pMember: ReturnType<typeof addPerson>
let qMembers: ReturnType<typeof addPerson>[]
beforeAll(() => {
  P = addParliament('Reminded P')
  Q = addParliament('Reminded Q')
  R = addParliament('Reminded R')
  pMember = addPerson(P)
  qMembers = [addPerson(Q, 'member', 'ar'), addPerson(Q, 'member', 'en')]
  addPerson(R)
  // A coordinator and an inactive member of Q are not reminded.
  addPerson(null, 'coordinator')
  const inactive = addPerson(Q)
  getDb().run(`update user set is_active = 0 where id = ${inactive.id}`)
})

const mailsTo = (emails: string[]) =>
  getDb()
    .select()
    .from(outbox)
    .all()
    .filter((m) => emails.includes(m.toAddress))

describe('the reminder before the deadline', () => {
  it('goes only to the parliaments that have not submitted, once, in each member’s language', () => {
    const now = new Date()
    const s = addSentSurvey([P, Q], { deadline: new Date(now.getTime() + 5 * DAY), reminderDays: 7 })
    getDb()
      .update(surveyResponse)
      .set({ status: 'submitted', submittedAt: now })
      .where(eq(surveyResponse.parliamentId, P))
      .run()
    const before = getDb().select().from(outbox).all().length
    expect(sendDueSurveyReminders(now)).toBe(1)
    const sent = getDb().select().from(outbox).all().slice(before)
    expect(sent.map((m) => m.toAddress).sort()).toEqual(qMembers.map((m) => m.email).sort())
    expect(sent.find((m) => m.locale === 'ar')!.subject).toMatch(/[\u0600-\u06FF]/)
    expect(sent[0]!.textBody).toContain(`/surveys/${s.id}/respond`)
    expect(mailsTo([pMember.email])).toHaveLength(0)
    // A second run, or a later one, sends nothing more.
    expect(sendDueSurveyReminders(now)).toBe(0)
    expect(sendDueSurveyReminders(new Date(now.getTime() + DAY))).toBe(0)
    expect(getDb().select().from(outbox).all().length - before).toBe(2)
  })

  it('is not sent before its window, after the deadline, for a closed survey, or with no reminder days', () => {
    const now = new Date()
    addSentSurvey([R], { deadline: new Date(now.getTime() + 10 * DAY), reminderDays: 7 })
    addSentSurvey([R], { deadline: new Date(now.getTime() - DAY), reminderDays: 7 })
    addSentSurvey([R], { deadline: new Date(now.getTime() + DAY), status: 'closed' })
    addSentSurvey([R], { deadline: new Date(now.getTime() + DAY), reminderDays: 0 })
    addSentSurvey([R], { deadline: null })
    expect(sendDueSurveyReminders(now)).toBe(0)
    // Three days later the first one's window has opened.
    expect(sendDueSurveyReminders(new Date(now.getTime() + 3 * DAY + 1000))).toBe(1)
  })
})
