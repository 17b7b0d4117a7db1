// Answering a questionnaire on a parliament's behalf (issue 16): every kind saved and checked against its question,
// display conditions applied on the server, required answers at submission, the deadline, the revision check,
// one submission, a coordinator's reopening, and every refusal writing nothing.
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, mechanismProposal, outbox, survey, surveyResponse } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createPendingUpload } from '~/utils/pending-upload.server'
import { addMechanism, addParliament, addPerson, addSentSurvey, snapshot } from './answer.test-helpers'
import { answerPrefix, readAnswerForm } from './answer-schemas'
import { countSurveysToAnswer } from './pending.server'
import {
  answersFor,
  getResponseOf,
  loadAnswers,
  reopenResponse,
  saveResponse,
  type ResponseRow,
  type SaveResult,
} from './response.server'

let P: number
let Q: number
let alia: ReturnType<typeof addPerson>
let badr: ReturnType<typeof addPerson>
let qMember: ReturnType<typeof addPerson>
let coordinator: ReturnType<typeof addPerson>
let ownMechanism: number
let foreignMechanism: number
beforeAll(() => {
  P = addParliament('Parliament of P')
  Q = addParliament('Parliament of Q')
  alia = addPerson(P, 'member', 'ar')
  badr = addPerson(P, 'member', 'en')
  qMember = addPerson(Q)
  coordinator = addPerson(null, 'coordinator')
  ownMechanism = addMechanism(P, 'P committee')
  foreignMechanism = addMechanism(Q, 'Q committee')
})

type Sent = ReturnType<typeof addSentSurvey>
const name = (s: Sent, key: string, part = '') => `${answerPrefix}q${s.q[key]}${part}`
const respondent = (u: ReturnType<typeof addPerson>) => ({ id: u.id, name: u.name, parliamentId: u.parliamentId! })

/** The form a member would post: [field, value] pairs. */
function post(s: Sent, pairs: [string, string][], by = alia, opts: { submit?: boolean; base?: number } = {}) {
  const form = new FormData()
  for (const [k, v] of pairs) form.append(k, v)
  const questionnaire = s.load()
  const r = getResponseOf(s.id, by.parliamentId!)!
  return saveResponse(
    questionnaire,
    r,
    {
      baseRevision: opts.base ?? r.revision,
      values: readAnswerForm(form, questionnaire.questions),
      submit: opts.submit ?? false,
    },
    respondent(by),
  )
}

/** Every required answer of `everyKind`, with Q3 "no" (so the long text is hidden). */
function complete(s: Sent): [string, string][] {
  return [
    [name(s, 'single'), String(s.o.single!.High)],
    [name(s, 'yesNo'), 'no'],
    [name(s, 'number'), '120'],
    [name(s, 'matrix', `.r${s.o.matrix!.Laws}`), '4'],
    [name(s, 'matrix', `.r${s.o.matrix!.Oversight}`), '2'],
  ]
}

const answersOf = (s: Sent, parliamentId = P) => {
  const r = getResponseOf(s.id, parliamentId)!
  return answersFor(s.load().questions, loadAnswers(r.id))
}
const refused = (result: SaveResult) => {
  if (result.ok) throw new Error('expected a refusal')
  return result
}

describe('saving answers', () => {
  it('saves an answer of every kind, in the column its kind uses, and marks the response started', () => {
    const s = addSentSurvey([P, Q])
    const upload = createPendingUpload(
      { sha256: 'a'.repeat(64), size: 3, mediaType: 'application/pdf' },
      alia.id,
      'report.pdf',
    )
    const result = post(s, [
      [name(s, 'single'), String(s.o.single!.Low)],
      [name(s, 'multiple'), String(s.o.multiple!.A)],
      [name(s, 'multiple'), String(s.o.multiple!.C)],
      [name(s, 'yesNo'), 'yes'],
      [name(s, 'scale'), '4'],
      [name(s, 'number'), '٢٥٫5'],
      [name(s, 'details'), '  Cross-border recruitment online.  '],
      [name(s, 'date'), '2024-02-29'],
      [name(s, 'short'), 'Committee on security'],
      [name(s, 'matrix', `.r${s.o.matrix!.Laws}`), '5'],
      [name(s, 'file'), upload.id],
      [name(s, 'mechanism', '.mechanismId'), String(ownMechanism)],
    ])
    expect(result).toEqual({ ok: true, value: { revision: 1, submitted: false } })
    const a = answersOf(s)
    expect(a.get(s.q.single!)).toEqual({ kind: 'single_choice', optionId: s.o.single!.Low })
    expect(a.get(s.q.multiple!)).toEqual({ kind: 'multiple_choice', optionIds: [s.o.multiple!.A, s.o.multiple!.C] })
    expect(a.get(s.q.yesNo!)).toEqual({ kind: 'yes_no', choice: 'yes' })
    expect(a.get(s.q.scale!)).toEqual({ kind: 'scale', value: 4 })
    expect(a.get(s.q.number!)).toEqual({ kind: 'number', value: 25.5 })
    expect(a.get(s.q.details!)).toEqual({ kind: 'long_text', text: 'Cross-border recruitment online.' })
    expect(a.get(s.q.date!)).toEqual({ kind: 'date', text: '2024-02-29' })
    expect(a.get(s.q.short!)).toEqual({ kind: 'short_text', text: 'Committee on security' })
    expect(a.get(s.q.matrix!)).toEqual({ kind: 'matrix', rows: { [s.o.matrix!.Laws!]: 5 } })
    expect(a.get(s.q.file!)).toMatchObject({ kind: 'file' })
    expect(a.get(s.q.mechanism!)).toEqual({ kind: 'mechanism', mechanismId: ownMechanism })
    const r = getResponseOf(s.id, P)!
    expect(r).toMatchObject({ status: 'started', revision: 1, lastActivityById: alia.id, submittedAt: null })
    expect(loadAnswers(r.id).files.get(s.q.file!)?.name).toBe('report.pdf')
    // The other parliament's response is untouched.
    expect(getResponseOf(s.id, Q)).toMatchObject({ status: 'invited', revision: 0 })
    const audit = getDb()
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.targetId, String(r.id)))
      .all()
    expect(audit.map((e) => e.action)).toContain('survey.response_saved')
  })

  it('keeps the file already given when the form sends none, and clears an answer emptied', () => {
    const s = addSentSurvey([P])
    const upload = createPendingUpload(
      { sha256: 'b'.repeat(64), size: 3, mediaType: 'application/pdf' },
      alia.id,
      'a.pdf',
    )
    post(s, [
      [name(s, 'file'), upload.id],
      [name(s, 'short'), 'First words'],
    ])
    expect(post(s, [[name(s, 'short'), '']], badr).ok).toBe(true)
    const a = answersOf(s)
    expect(a.get(s.q.file!)).toMatchObject({ kind: 'file' })
    expect(a.has(s.q.short!)).toBe(false)
    expect(getResponseOf(s.id, P)).toMatchObject({ revision: 2, lastActivityById: badr.id })
  })

  const bad: [string, (s: Sent) => [string, string][], string, string][] = [
    ['a number above its bounds', (s) => [[name(s, 'number'), '1001']], 'number', 'numberTooLarge'],
    ['a number below its bounds', (s) => [[name(s, 'number'), '-1']], 'number', 'numberTooSmall'],
    ['a number that is no number', (s) => [[name(s, 'number'), '12abc']], 'number', 'numberInvalid'],
    ['an option of another question', (s) => [[name(s, 'single'), String(s.o.multiple!.A)]], 'single', 'optionUnknown'],
    ['an option that does not exist', (s) => [[name(s, 'multiple'), '999999']], 'multiple', 'optionUnknown'],
    [
      'two options for a single choice',
      (s) => [
        [name(s, 'single'), String(s.o.single!.Low)],
        [name(s, 'single'), String(s.o.single!.High)],
      ],
      'single',
      'tooManyOptions',
    ],
    ['a yes/no of another word', (s) => [[name(s, 'yesNo'), 'maybe']], 'yesNo', 'choiceInvalid'],
    ['a scale of 6', (s) => [[name(s, 'scale'), '6']], 'scale', 'scaleInvalid'],
    ['a date that is no day', (s) => [[name(s, 'date'), '2025-02-29']], 'date', 'dateInvalid'],
    ['a short text too long', (s) => [[name(s, 'short'), 'x'.repeat(301)]], 'short', 'tooLong'],
    ['a text with NUL', (s) => [[name(s, 'short'), 'a\u0000b']], 'short', 'invalidCharacters'],
    [
      'a matrix row of another question',
      (s) => [[name(s, 'matrix', `.r${s.o.single!.Low}`), '3']],
      'matrix',
      'optionUnknown',
    ],
    ['a matrix value of 0', (s) => [[name(s, 'matrix', `.r${s.o.matrix!.Laws}`), '0']], 'matrix', 'scaleInvalid'],
    [
      'a mechanism of another parliament',
      (s) => [[name(s, 'mechanism', '.mechanismId'), String(foreignMechanism)]],
      'mechanism',
      'mechanismUnknown',
    ],
    [
      'a new mechanism without a name',
      (s) => [
        [name(s, 'mechanism', '.mechanismId'), 'new'],
        [name(s, 'mechanism', '.proposal.kind'), 'committee'],
      ],
      'mechanism',
      'mechanismNameRequired',
    ],
    [
      'a new mechanism of no kind',
      (s) => [
        [name(s, 'mechanism', '.mechanismId'), 'new'],
        [name(s, 'mechanism', '.proposal.nameEn'), 'Oversight unit'],
        [name(s, 'mechanism', '.proposal.kind'), 'army'],
      ],
      'mechanism',
      'mechanismKindRequired',
    ],
    [
      'a new mechanism from the future',
      (s) => [
        [name(s, 'mechanism', '.mechanismId'), 'new'],
        [name(s, 'mechanism', '.proposal.nameEn'), 'Oversight unit'],
        [name(s, 'mechanism', '.proposal.kind'), 'committee'],
        [name(s, 'mechanism', '.proposal.year'), '2999'],
      ],
      'mechanism',
      'mechanismYearInvalid',
    ],
    ['an upload that is not theirs', (s) => [[name(s, 'file'), 'a'.repeat(32)]], 'file', 'fileMissing'],
  ]
  it.each(bad)('refuses %s, naming the question, and writes nothing', (_, pairs, key, error) => {
    const s = addSentSurvey([P])
    post(s, [[name(s, 'short'), 'Kept as it was']])
    const before = snapshot()
    const result = refused(post(s, [...pairs(s), [name(s, 'scale'), '3']]))
    expect(result.error).toBe('invalidAnswers')
    expect('fieldErrors' in result && result.fieldErrors).toEqual({ [s.q[key]!]: error })
    expect(snapshot()).toEqual(before)
    expect(answersOf(s).get(s.q.short!)).toEqual({ kind: 'short_text', text: 'Kept as it was' })
  })

  it('clears the answers of questions its display conditions hide, and does not require them', () => {
    const s = addSentSurvey([P])
    post(s, [
      [name(s, 'yesNo'), 'yes'],
      [name(s, 'details'), 'Shown and answered'],
    ])
    expect(answersOf(s).has(s.q.details!)).toBe(true)
    // "no" hides Q6: the words typed there (the form still holds them) are cleared, and its answer is not required.
    const r = post(s, [...complete(s), [name(s, 'details'), 'Still in the form']], alia, { submit: true })
    expect(r.ok).toBe(true)
    expect(answersOf(s).has(s.q.details!)).toBe(false)
  })

  it('refuses a submission missing a shown required answer or a matrix row, naming each, and writes nothing', () => {
    const s = addSentSurvey([P])
    post(s, [[name(s, 'short'), 'A draft']])
    const before = snapshot()
    const pairs = complete(s)
      .filter(([k]) => k !== name(s, 'number') && !k.endsWith(`.r${s.o.matrix!.Oversight}`))
      .map(([k, v]): [string, string] => (k === name(s, 'yesNo') ? [k, 'yes'] : [k, v]))
    const result = refused(post(s, pairs, alia, { submit: true }))
    expect(result.error).toBe('incomplete')
    expect('fieldErrors' in result && result.fieldErrors).toEqual({
      [s.q.number!]: 'required',
      [s.q.details!]: 'required',
      [s.q.matrix!]: 'matrixIncomplete',
    })
    expect(snapshot()).toEqual(before)
    // Saving the same incomplete answers as a draft is fine.
    expect(post(s, pairs).ok).toBe(true)
  })
})

describe('when answers are taken', () => {
  it('refuses answers after the deadline, or to a survey not open, and writes nothing', () => {
    const late = addSentSurvey([P], { deadline: new Date(Date.now() - 1000) })
    const closed = addSentSurvey([P], { status: 'closed' })
    const draft = addSentSurvey([P], { status: 'draft' })
    const before = snapshot()
    expect(refused(post(late, complete(late))).error).toBe('deadlinePassed')
    expect(refused(post(late, complete(late), alia, { submit: true })).error).toBe('deadlinePassed')
    expect(refused(post(closed, complete(closed))).error).toBe('surveyNotOpen')
    expect(refused(post(draft, complete(draft))).error).toBe('surveyNotOpen')
    expect(snapshot()).toEqual(before)
  })

  it('refuses a save made from an older revision, saying whose is newer, and writes nothing', () => {
    const s = addSentSurvey([P])
    // Both colleagues opened the form at revision 0; Alia saved first.
    expect(post(s, [[name(s, 'short'), 'Alia’s words']], alia, { base: 0 }).ok).toBe(true)
    const before = snapshot()
    const result = refused(post(s, [[name(s, 'short'), 'Badr’s words']], badr, { base: 0 }))
    expect(result.error).toBe('staleRevision')
    expect('current' in result && result.current).toMatchObject({ revision: 1, byId: alia.id })
    expect(snapshot()).toEqual(before)
    expect(answersOf(s).get(s.q.short!)).toEqual({ kind: 'short_text', text: 'Alia’s words' })
    // From the newer revision, Badr's save goes through.
    expect(post(s, [[name(s, 'short'), 'Badr’s words']], badr, { base: 1 }).ok).toBe(true)
  })

  it('is submitted once: the members are thanked in their language, and later saves are refused', () => {
    const s = addSentSurvey([P])
    const mails = () => getDb().select().from(outbox).all().length
    const sent = mails()
    expect(post(s, complete(s), badr, { submit: true })).toEqual({ ok: true, value: { revision: 1, submitted: true } })
    const r = getResponseOf(s.id, P)!
    expect(r).toMatchObject({ status: 'submitted', submittedById: badr.id })
    expect(r.submittedAt).toBeInstanceOf(Date)
    const thanks = getDb().select().from(outbox).all().slice(sent)
    expect(thanks.map((m) => [m.toAddress, m.locale]).sort()).toEqual(
      [
        [alia.email, 'ar'],
        [badr.email, 'en'],
      ].sort(),
    )
    expect(thanks.find((m) => m.locale === 'ar')!.textBody).toMatch(/[\u0600-\u06FF]/)
    expect(thanks[0]!.textBody).toContain(`/surveys/${s.id}/respond`)
    const before = snapshot()
    expect(refused(post(s, complete(s), alia, { submit: true, base: 1 })).error).toBe('alreadySubmitted')
    expect(refused(post(s, complete(s), alia, { base: 1 })).error).toBe('alreadySubmitted')
    expect(snapshot()).toEqual(before)
  })

  it("never writes another parliament's response (the guards send its members a 404 first)", () => {
    const s = addSentSurvey([P, Q])
    const questionnaire = s.load()
    const pResponse = getResponseOf(s.id, P)!
    const before = snapshot()
    const input = { baseRevision: 0, values: {}, submit: false }
    expect(() => saveResponse(questionnaire, pResponse, input, respondent(qMember))).toThrow()
    expect(snapshot()).toEqual(before)
  })

  it('of two submissions from the same revision at once, one wins', () => {
    const s = addSentSurvey([P])
    const questionnaire = s.load()
    const r = getResponseOf(s.id, P)!
    const form = new FormData()
    for (const [k, v] of complete(s)) form.append(k, v)
    const input = { baseRevision: 0, values: readAnswerForm(form, questionnaire.questions), submit: true }
    // The second call still holds the row as it was read before the first one committed.
    const stale: ResponseRow = { ...r }
    expect(saveResponse(questionnaire, r, input, respondent(alia)).ok).toBe(true)
    expect(refused(saveResponse(questionnaire, stale, input, respondent(badr))).error).toBe('alreadySubmitted')
  })

  it('is reopened by a coordinator only when submitted; reopened, it takes answers after the deadline', () => {
    const s = addSentSurvey([P])
    const questionnaire = s.load()
    const r0 = getResponseOf(s.id, P)!
    expect(reopenResponse(questionnaire, r0.id, coordinator)).toEqual({ ok: false, error: 'notSubmitted' })
    expect(post(s, complete(s), alia, { submit: true }).ok).toBe(true)
    getDb()
      .update(survey)
      .set({ deadline: new Date(Date.now() - 1000) })
      .where(eq(survey.id, s.id))
      .run()
    const sent = getDb().select().from(outbox).all().length
    expect(reopenResponse(s.load(), r0.id, coordinator)).toEqual({ ok: true, value: undefined })
    expect(getResponseOf(s.id, P)).toMatchObject({ status: 'reopened' })
    expect(getDb().select().from(outbox).all().length - sent).toBe(2)
    expect(post(s, complete(s), badr, { submit: true }).ok).toBe(true)
    expect(getResponseOf(s.id, P)).toMatchObject({ status: 'submitted', submittedById: badr.id })
  })
})

describe('a new mechanism named in an answer', () => {
  it('becomes one pending proposal, updated by later saves, and goes when the answer names an existing one', () => {
    const s = addSentSurvey([P])
    const describe = (nameEn: string): [string, string][] => [
      [name(s, 'mechanism', '.mechanismId'), 'new'],
      [name(s, 'mechanism', '.proposal.kind'), 'oversight_body'],
      [name(s, 'mechanism', '.proposal.nameEn'), nameEn],
      [name(s, 'mechanism', '.proposal.nameAr'), 'وحدة الرقابة'],
      [name(s, 'mechanism', '.proposal.year'), '2019'],
    ]
    expect(post(s, describe('Oversight unit')).ok).toBe(true)
    expect(post(s, describe('Oversight unit of the house')).ok).toBe(true)
    const proposals = () => getDb().select().from(mechanismProposal).where(eq(mechanismProposal.parliamentId, P)).all()
    const mine = proposals().filter((p) => p.nameAr === 'وحدة الرقابة')
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({
      state: 'pending',
      nameEn: 'Oversight unit of the house',
      year: 2019,
      kind: 'oversight_body',
    })
    expect(answersOf(s).get(s.q.mechanism!)).toMatchObject({
      kind: 'mechanism',
      proposal: { nameEn: 'Oversight unit of the house' },
    })
    expect(post(s, [[name(s, 'mechanism', '.mechanismId'), String(ownMechanism)]]).ok).toBe(true)
    expect(proposals().filter((p) => p.nameAr === 'وحدة الرقابة')).toHaveLength(0)
  })

  it('filled in without choosing "new" in the list (no JavaScript) is taken as new', () => {
    const s = addSentSurvey([P])
    expect(
      post(s, [
        [name(s, 'mechanism', '.mechanismId'), ''],
        [name(s, 'mechanism', '.proposal.kind'), 'caucus'],
        [name(s, 'mechanism', '.proposal.nameEn'), 'Caucus on prevention'],
      ]).ok,
    ).toBe(true)
    expect(answersOf(s).get(s.q.mechanism!)).toMatchObject({
      proposal: { kind: 'caucus', nameEn: 'Caucus on prevention' },
    })
  })
})

describe('the count on the home and account pages', () => {
  it('counts the open questionnaires a member’s parliament has still to answer', () => {
    const R = addParliament('Parliament of R')
    const member = { role: 'member', parliamentId: R }
    expect(countSurveysToAnswer(member)).toBe(0)
    addSentSurvey([R])
    const started = addSentSurvey([R])
    addSentSurvey([R], { deadline: new Date(Date.now() - 1000) })
    addSentSurvey([R], { status: 'closed' })
    const done = addSentSurvey([R])
    getDb().update(surveyResponse).set({ status: 'started' }).where(eq(surveyResponse.surveyId, started.id)).run()
    getDb().update(surveyResponse).set({ status: 'submitted' }).where(eq(surveyResponse.surveyId, done.id)).run()
    expect(countSurveysToAnswer(member)).toBe(2)
    expect(countSurveysToAnswer({ role: 'coordinator', parliamentId: R })).toBe(0)
    expect(countSurveysToAnswer({ role: 'member', parliamentId: null })).toBe(0)
    expect(countSurveysToAnswer(null)).toBe(0)
  })
})
