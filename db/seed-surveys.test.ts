import { count, eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { listProposals } from '~/features/surveys/proposal.server'
import { loadQuestionnaire, type Questionnaire } from '~/features/surveys/questionnaire.server'
import { computeResults } from '~/features/surveys/results.server'
import { questionKinds } from '~/features/surveys/vocabulary'
import { getDb } from '~/utils/db.server'
import {
  auditEvent,
  mechanismProposal,
  outbox,
  parliament,
  survey,
  surveyAnswer,
  surveyAnswerChoice,
  surveyOption,
  surveyQuestion,
  surveyResponse,
  surveySection,
  user,
} from './schema/index'
import { seedDemo } from './seed'
import { demoSurveyParliaments, demoSurveyRespondents, demoSurveyTitleEn } from './seed-surveys'

let surveyId: number
let q: Questionnaire
let mailBefore: number

beforeAll(async () => {
  await seedDemo(getDb())
  surveyId = getDb().select({ id: survey.id }).from(survey).where(eq(survey.titleEn, demoSurveyTitleEn)).get()!.id
  q = loadQuestionnaire(surveyId)!
  mailBefore = getDb().select({ n: count() }).from(outbox).get()!.n
})

const arabicLetter = /[\u0621-\u064A]/

function responseStatuses() {
  return Object.fromEntries(
    getDb()
      .select({ name: parliament.nameEn, status: surveyResponse.status })
      .from(surveyResponse)
      .innerJoin(parliament, eq(parliament.id, surveyResponse.parliamentId))
      .where(eq(surveyResponse.surveyId, surveyId))
      .all()
      .map((r) => [r.name, r.status]),
  )
}

describe('the demo questionnaire', () => {
  it('is open until weeks after the seed, in both languages, and says it was written for the demo', () => {
    expect(q).toMatchObject({ status: 'open', titleAr: 'استجابات البرلمانات للإرهاب والتطرف العنيف، 2026' })
    expect(q.deadline!.getTime()).toBeGreaterThan(Date.now() + 21 * 86_400_000)
    expect(q.reminderDays).toBe(0)
    expect(q.introEn).toMatch(/^Demo questionnaire written for this portal/)
    expect(q.introAr).toMatch(/^استبيان تجريبي كُتب لهذه البوابة/)
  })

  it('asks about a dozen questions of every kind in 2–3 sections, every word in both languages', () => {
    expect(q.sections.length).toBeGreaterThanOrEqual(2)
    expect(q.sections.length).toBeLessThanOrEqual(3)
    expect(q.questions.length).toBeGreaterThanOrEqual(11)
    expect(q.questions.length).toBeLessThanOrEqual(14)
    expect([...new Set(q.questions.map((x) => x.kind))].sort()).toEqual([...questionKinds].sort())
    const words = [
      ...q.sections.flatMap((s) => [[s.titleEn, s.titleAr] as const]),
      ...q.questions.flatMap((x) => [
        [x.textEn, x.textAr] as const,
        ...x.options.map((o) => [o.labelEn, o.labelAr] as const),
      ]),
    ]
    for (const [en, ar] of words) {
      expect(en, ar).toBeTruthy()
      expect(ar, en).toMatch(arabicLetter)
      expect(ar, en).not.toMatch(/[A-Za-z]{3}/)
    }
    expect(q.questions.filter((x) => x.helpEn && x.helpAr).length).toBeGreaterThanOrEqual(5)
    expect(q.questions.filter((x) => x.isRequired).length).toBeGreaterThanOrEqual(3)
    expect(q.questions.some((x) => !x.isRequired)).toBe(true)
    for (const x of q.questions.filter((x) => x.kind === 'scale' || x.kind === 'matrix'))
      expect([x.scaleLowEn, x.scaleLowAr, x.scaleHighEn, x.scaleHighAr].every(Boolean), x.textEn).toBe(true)
    const number = q.questions.find((x) => x.kind === 'number')!
    expect(number).toMatchObject({ unitEn: 'per cent', unitAr: 'في المئة', numberMin: 0, numberMax: 100 })
  })

  it('shows the mechanism question only if the question before it is answered yes', () => {
    const mechanism = q.questions.find((x) => x.kind === 'mechanism')!
    const source = q.questions.find((x) => x.id === mechanism.conditionQuestionId)!
    expect(source.kind).toBe('yes_no')
    expect(mechanism.conditionValue).toBe('yes')
    expect(source.number).toBeLessThan(mechanism.number)
  })

  it('was sent to the demo parliaments: six submitted, one started, two not begun', () => {
    expect(responseStatuses()).toEqual({
      'Shura Council of Qatar': 'started',
      'UK House of Commons': 'submitted',
      'OSCE Parliamentary Assembly': 'submitted',
      'Parliamentary Assembly of the Mediterranean': 'submitted',
      'Arab Parliament': 'submitted',
      ParlAmericas: 'submitted',
      'Parliamentary Assembly of the Council of Europe': 'submitted',
      'Asian Parliamentary Assembly': 'invited',
      'Inter-Parliamentary Union': 'invited',
    })
    expect(Object.keys(responseStatuses()).sort()).toEqual([...demoSurveyParliaments].sort())
    // Each written by a member of its own parliament.
    const writers = getDb()
      .select({ parliament: surveyResponse.parliamentId, by: user.parliamentId, email: user.email })
      .from(surveyResponse)
      .innerJoin(user, eq(user.id, surveyResponse.lastActivityById))
      .where(eq(surveyResponse.surveyId, surveyId))
      .all()
    expect(writers).toHaveLength(7)
    for (const w of writers) expect(w.by).toBe(w.parliament)
    expect(writers.map((w) => w.email)).toContain('member@demo.parlnet.example')
  })

  it('has published results that count each option of a multiple choice on its own', () => {
    expect(q.resultsPublishedAt).not.toBeNull()
    const results = computeResults(q, { aggregatesOnly: true })
    expect(results).toMatchObject({ invited: 9, submitted: 6 })
    const sources = q.questions.find((x) => x.kind === 'multiple_choice')!
    const figures = results.questions.find((r) => r.questionId === sources.id)!.overall
    const counts = Object.fromEntries(figures.counts.map((c) => [c.key, c.count]))
    expect(sources.options.map((o) => counts[String(o.id)] ?? 0)).toEqual([4, 2, 3, 3, 3])
    // Of the three parliaments that have a dedicated body, one described it (the others may pick it later).
    const mechanism = q.questions.find((x) => x.kind === 'mechanism')!
    expect(results.questions.find((r) => r.questionId === mechanism.id)!.overall.answered).toBe(1)
  })

  it('has one new mechanism waiting for review, from the OSCE Parliamentary Assembly', () => {
    const pending = listProposals('pending').filter((p) => p.surveyId === surveyId)
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatchObject({
      parliamentNameEn: 'OSCE Parliamentary Assembly',
      kind: 'committee',
      nameAr: 'اللجنة المخصصة لمكافحة الإرهاب',
      mechanismId: null,
    })
  })

  it('mailed nobody, though the changes were audited as the pages would have', () => {
    const addresses = getDb().select({ to: outbox.toAddress }).from(outbox).all()
    expect(addresses.filter((a) => a.to.endsWith('@demo.parlnet.example'))).toEqual([])
    const mentions = getDb().select({ subject: outbox.subject }).from(outbox).all()
    expect(
      mentions.filter((m) => /terrorism and violent extremism, 2026|والتطرف العنيف، 2026/.test(m.subject)),
    ).toEqual([])
    const actions = getDb()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(inArray(auditEvent.action, ['survey.create', 'survey.send', 'survey.results_published']))
      .all()
      .map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['survey.create', 'survey.send', 'survey.results_published']))
    // The sending did invite the seven demo members (the mails were queued, then taken back).
    const sent = getDb()
      .select({ details: auditEvent.details })
      .from(auditEvent)
      .where(eq(auditEvent.action, 'survey.send'))
      .all()
      .map((a) => JSON.parse(a.details!) as { parliaments: number; mails: number })
    expect(sent).toContainEqual(expect.objectContaining({ parliaments: 9, mails: 7 }))
    const respondents = getDb()
      .select({ email: user.email, role: user.role, isActive: user.isActive })
      .from(user)
      .where(
        inArray(
          user.email,
          demoSurveyRespondents.map((r) => r.email),
        ),
      )
      .all()
    expect(respondents).toHaveLength(demoSurveyRespondents.length)
    for (const r of respondents) expect(r).toMatchObject({ role: 'member', isActive: true })
  })

  it('adds nothing when the demo is loaded again', async () => {
    const tables = [
      survey,
      surveySection,
      surveyQuestion,
      surveyOption,
      surveyResponse,
      surveyAnswer,
      surveyAnswerChoice,
      mechanismProposal,
      user,
      auditEvent,
      outbox,
    ]
    const before = tables.map((t) => getDb().select({ n: count() }).from(t).get()!.n)
    await seedDemo(getDb())
    expect(tables.map((t) => getDb().select({ n: count() }).from(t).get()!.n)).toEqual(before)
    expect(before.at(-1)).toBe(mailBefore)
  })
})
