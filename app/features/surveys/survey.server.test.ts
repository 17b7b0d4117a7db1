// Building a questionnaire: each change with its audit row; each refusal a Result error that writes nothing; a
// display condition only on an earlier question and a value that exists; answered questions closed, never removed
// or retyped (issue 16).
import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, surveyOption, surveyQuestion } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { loadQuestionnaire } from './questionnaire.server'
import {
  addQuestion,
  addSection,
  answeredQuestionIds,
  createSurvey,
  deleteQuestion,
  deleteSection,
  moveQuestion,
  moveSection,
  setQuestionClosed,
  updateQuestion,
  updateSection,
  updateSurvey,
} from './survey.server'
import { addParliament, addUser, answer, answerChoice, counts, snapshot } from './surveys.test-helpers'
import { getSurvey } from './questionnaire.server'

let coordinator: { id: number }
let jordan: number
beforeAll(() => {
  coordinator = addUser(null, 'coordinator')
  jordan = addParliament('House of Representatives of Jordan', 'مجلس النواب الأردني')
})

const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!

function freshSurvey() {
  const made = createSurvey(
    { titleEn: 'Parliamentary responses to terrorism', titleAr: 'الاستجابات البرلمانية للإرهاب' },
    coordinator,
  )
  if (!made.ok) throw new Error(made.error)
  const s = getSurvey(made.value.id)!
  const sectionId = loadQuestionnaire(s.id)!.sections[0]!.id
  return { s, sectionId }
}

function add(s: ReturnType<typeof freshSurvey>['s'], input: Record<string, unknown>) {
  const added = addQuestion(s, input, coordinator)
  if (!added.ok) throw new Error(added.error)
  return added.value.id
}

const yesNo = (sectionId: number, extra: Record<string, unknown> = {}) => ({
  sectionId: String(sectionId),
  kind: 'yes_no',
  textEn: 'Has your parliament set up a committee on counter-terrorism?',
  textAr: 'هل أنشأ برلمانكم لجنة معنية بمكافحة الإرهاب؟',
  ...extra,
})

const choice = (sectionId: number, kind = 'single_choice', extra: Record<string, unknown> = {}) => ({
  sectionId,
  kind,
  textEn: 'Which threats weigh most?',
  options: [
    { labelEn: 'Recruitment online', labelAr: 'التجنيد عبر الإنترنت' },
    { labelEn: 'Financing', labelAr: 'التمويل' },
    { labelEn: 'Returning fighters' },
  ],
  ...extra,
})

describe('createSurvey and updateSurvey', () => {
  it('creates a draft questionnaire with one section, audited', () => {
    const before = counts()
    const { s } = freshSurvey()
    expect(s).toMatchObject({
      status: 'draft',
      titleEn: 'Parliamentary responses to terrorism',
      createdById: coordinator.id,
    })
    expect(loadQuestionnaire(s.id)!.sections).toHaveLength(1)
    const after = counts()
    expect([after.survey - before.survey, after.section - before.section, after.audit - before.audit]).toEqual([
      1, 1, 1,
    ])
    expect(lastAudit()).toMatchObject({ action: 'survey.create', targetType: 'survey', targetId: String(s.id) })
  })

  it('refuses a title in neither language, writing nothing', () => {
    const before = snapshot()
    expect(createSurvey({ titleEn: '  ', titleAr: '\u200f' }, coordinator)).toEqual({
      ok: false,
      error: 'titleOneLanguage',
    })
    expect(createSurvey({ titleEn: 'x'.repeat(301) }, coordinator)).toEqual({ ok: false, error: 'tooLong' })
    expect(snapshot()).toEqual(before)
  })

  it('updates the title and introduction; refuses on a closed questionnaire', () => {
    const { s } = freshSurvey()
    expect(updateSurvey(s, { titleAr: 'عنوان جديد', introEn: 'Please answer.' }, coordinator)).toEqual({
      ok: true,
      value: undefined,
    })
    expect(getSurvey(s.id)).toMatchObject({ titleEn: '', titleAr: 'عنوان جديد', introEn: 'Please answer.' })
    const before = snapshot()
    expect(updateSurvey({ ...s, status: 'closed' }, { titleEn: 'Other' }, coordinator)).toEqual({
      ok: false,
      error: 'surveyClosed',
    })
    expect(snapshot()).toEqual(before)
  })
})

describe('sections', () => {
  it('adds, edits, moves and deletes sections', () => {
    const { s, sectionId: first } = freshSurvey()
    const added = addSection(s, { titleEn: 'Mechanisms', titleAr: 'الآليات' }, coordinator)
    expect(added.ok).toBe(true)
    const second = added.ok ? added.value.id : 0
    expect(updateSection(s, first, { titleEn: 'Threats' }, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.sections.map((x) => x.titleEn)).toEqual(['Threats', 'Mechanisms'])
    expect(moveSection(s, second, { direction: 'up' }, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.sections.map((x) => x.titleEn)).toEqual(['Mechanisms', 'Threats'])
    expect(lastAudit()).toMatchObject({ action: 'survey.section.move' })
    const before = snapshot()
    expect(moveSection(s, second, { direction: 'up' }, coordinator)).toEqual({ ok: false, error: 'cannotMove' })
    expect(moveSection(s, second, { direction: 'sideways' }, coordinator)).toEqual({
      ok: false,
      error: 'invalidChoice',
    })
    expect(updateSection(s, 999_999, { titleEn: 'x' }, coordinator)).toEqual({ ok: false, error: 'sectionNotFound' })
    expect(snapshot()).toEqual(before)
    expect(deleteSection(s, second, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.sections.map((x) => x.titleEn)).toEqual(['Threats'])
  })

  it('refuses to delete a section that holds questions, and a section of another questionnaire', () => {
    const { s, sectionId } = freshSurvey()
    add(s, yesNo(sectionId))
    const other = freshSurvey()
    const before = snapshot()
    expect(deleteSection(s, sectionId, coordinator)).toEqual({ ok: false, error: 'sectionNotEmpty' })
    expect(deleteSection(other.s, sectionId, coordinator)).toEqual({ ok: false, error: 'sectionNotFound' })
    expect(addQuestion(other.s, yesNo(sectionId), coordinator)).toEqual({ ok: false, error: 'sectionNotFound' })
    expect(snapshot()).toEqual(before)
  })
})

describe('questions', () => {
  it('adds a question of every kind, keeping only what its kind uses', () => {
    const { s, sectionId } = freshSurvey()
    const base = { sectionId, textEn: 'A question', helpEn: 'Some help', helpAr: 'مساعدة' }
    const kinds = [
      'single_choice',
      'multiple_choice',
      'yes_no',
      'scale',
      'number',
      'date',
      'short_text',
      'long_text',
      'matrix',
      'file',
      'mechanism',
    ] as const
    for (const kind of kinds)
      add(s, {
        ...base,
        kind,
        isRequired: kind === 'number' ? 'on' : undefined,
        options: [{ labelEn: 'One' }, { labelAr: 'اثنان' }],
        scaleLowEn: 'Not at all',
        scaleHighAr: 'إلى حد كبير',
        unitEn: 'members',
        numberMin: '0',
        numberMax: '1000,5',
      })
    const q = loadQuestionnaire(s.id)!
    expect(q.questions.map((x) => x.kind)).toEqual(kinds)
    expect(q.questions.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    const byKind = Object.fromEntries(q.questions.map((x) => [x.kind, x]))
    expect(byKind.single_choice!.options.map((o) => [o.labelEn, o.labelAr])).toEqual([
      ['One', ''],
      ['', 'اثنان'],
    ])
    expect(byKind.matrix!.options).toHaveLength(2)
    expect(byKind.yes_no!.options).toEqual([])
    expect(byKind.scale).toMatchObject({
      scaleLowEn: 'Not at all',
      scaleHighAr: 'إلى حد كبير',
      unitEn: '',
      numberMin: null,
    })
    expect(byKind.number).toMatchObject({
      unitEn: 'members',
      numberMin: 0,
      numberMax: 1000.5,
      scaleLowEn: '',
      isRequired: true,
    })
    expect(byKind.date).toMatchObject({ unitEn: '', numberMax: null, isRequired: false, helpAr: 'مساعدة' })
    expect(lastAudit()).toMatchObject({ action: 'survey.question.add', targetId: String(s.id) })
  })

  it('refuses bad questions, writing nothing', () => {
    const { s, sectionId } = freshSurvey()
    const before = snapshot()
    const refuse = (input: Record<string, unknown>, error: string) =>
      expect(addQuestion(s, input, coordinator)).toEqual({ ok: false, error })
    refuse({ sectionId, kind: 'yes_no' }, 'textOneLanguage')
    refuse({ sectionId, kind: 'essay', textEn: 'x' }, 'invalidChoice')
    refuse({ sectionId: 'abc', kind: 'yes_no', textEn: 'x' }, 'invalidChoice')
    refuse(choice(sectionId, 'single_choice', { options: [{ labelEn: 'Only one' }] }), 'optionsRequired')
    refuse(choice(sectionId, 'matrix', { options: [] }), 'rowsRequired')
    refuse({ sectionId, kind: 'number', textEn: 'How many?', numberMin: '10', numberMax: '2' }, 'boundsOrder')
    refuse({ sectionId, kind: 'number', textEn: 'How many?', numberMin: 'ten' }, 'numberInvalid')
    refuse(
      choice(sectionId, 'multiple_choice', {
        options: Array.from({ length: 41 }, (_, i) => ({ labelEn: `Option ${i}` })),
      }),
      'tooManyOptions',
    )
    refuse(
      choice(sectionId, 'single_choice', { options: [{ id: 5, labelEn: 'a' }, { labelEn: 'b' }] }),
      'optionNotFound',
    )
    refuse(yesNo(sectionId, { condition: 'nonsense' }), 'conditionInvalid')
    expect(snapshot()).toEqual(before)
  })

  it('edits a question: words, settings, options relabelled, added and removed', () => {
    const { s, sectionId } = freshSurvey()
    const id = add(s, choice(sectionId))
    const [a, b, c] = loadQuestionnaire(s.id)!.questions[0]!.options
    const saved = updateQuestion(
      s,
      id,
      choice(sectionId, 'single_choice', {
        textAr: 'ما أشد التهديدات؟',
        isRequired: 'on',
        options: [
          { id: String(a!.id), labelEn: 'Online recruitment', labelAr: a!.labelAr },
          { id: String(b!.id), labelEn: 'Financing', remove: 'on' },
          { id: String(c!.id), labelEn: 'Returning fighters' },
          { labelEn: 'Hate speech' },
          undefined,
        ],
      }),
      coordinator,
    )
    expect(saved).toEqual({ ok: true, value: undefined })
    const q = loadQuestionnaire(s.id)!.questions[0]!
    expect(q).toMatchObject({ textAr: 'ما أشد التهديدات؟', isRequired: true })
    expect(q.options.map((o) => o.labelEn)).toEqual(['Online recruitment', 'Returning fighters', 'Hate speech'])
    expect(lastAudit()).toMatchObject({ action: 'survey.question.update' })
    expect(JSON.parse(lastAudit().details!)).toMatchObject({ optionsRemoved: [b!.id] })
  })

  it('changes the kind of an unanswered question (options go with a kind that has none)', () => {
    const { s, sectionId } = freshSurvey()
    const id = add(s, choice(sectionId))
    expect(updateQuestion(s, id, { sectionId, kind: 'long_text', textEn: 'Describe them.' }, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.questions[0]).toMatchObject({ kind: 'long_text', options: [] })
  })

  it('moves questions within their section and to another section', () => {
    const { s, sectionId } = freshSurvey()
    const one = add(s, yesNo(sectionId, { textEn: 'One' }))
    const two = add(s, yesNo(sectionId, { textEn: 'Two' }))
    expect(moveQuestion(s, two, { direction: 'up' }, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.questions.map((q) => q.textEn)).toEqual(['Two', 'One'])
    expect(moveQuestion(s, two, { direction: 'up' }, coordinator)).toEqual({ ok: false, error: 'cannotMove' })
    const next = addSection(s, { titleEn: 'Later' }, coordinator)
    const later = next.ok ? next.value.id : 0
    expect(updateQuestion(s, two, yesNo(later, { textEn: 'Two' }), coordinator).ok).toBe(true)
    const q = loadQuestionnaire(s.id)!
    expect(q.sections.map((x) => x.questions.map((y) => y.id))).toEqual([[one], [two]])
  })

  it('closes and reopens a question; deletes an unanswered one', () => {
    const { s, sectionId } = freshSurvey()
    const id = add(s, yesNo(sectionId))
    const at = new Date('2030-01-01T00:00:00Z')
    expect(setQuestionClosed(s, id, true, coordinator, at).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.questions[0]!.closedAt).toEqual(at)
    expect(lastAudit()).toMatchObject({ action: 'survey.question.close' })
    expect(setQuestionClosed(s, id, false, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.questions[0]!.closedAt).toBeNull()
    expect(deleteQuestion(s, id, coordinator).ok).toBe(true)
    expect(loadQuestionnaire(s.id)!.questions).toEqual([])
    expect(lastAudit()).toMatchObject({ action: 'survey.question.delete' })
  })
})

describe('display conditions', () => {
  it('accepts a condition on an earlier question and a value it has', () => {
    const { s, sectionId } = freshSurvey()
    const source = add(s, yesNo(sectionId))
    const shown = add(s, { sectionId, kind: 'long_text', textEn: 'Describe it.', condition: `${source}:yes` })
    expect(loadQuestionnaire(s.id)!.questions[1]).toMatchObject({
      id: shown,
      conditionQuestionId: source,
      conditionValue: 'yes',
    })
    const pick = add(s, choice(sectionId, 'multiple_choice'))
    const option = loadQuestionnaire(s.id)!.questions[2]!.options[1]!
    expect(
      addQuestion(
        s,
        { sectionId, kind: 'short_text', textEn: 'Which?', condition: `${pick}:${option.id}` },
        coordinator,
      ).ok,
    ).toBe(true)
  })

  it('refuses a condition on a later question, on itself, on a kind without values, or with a value that does not exist', () => {
    const { s, sectionId } = freshSurvey()
    const source = add(s, yesNo(sectionId))
    const text = add(s, { sectionId, kind: 'short_text', textEn: 'Name it.' })
    const later = add(s, yesNo(sectionId, { textEn: 'Later' }))
    const otherSurvey = freshSurvey()
    const foreign = add(otherSurvey.s, yesNo(otherSurvey.sectionId))
    const before = snapshot()
    const edit = (condition: string, error: string) =>
      expect(
        updateQuestion(s, text, { sectionId, kind: 'short_text', textEn: 'Name it.', condition }, coordinator),
      ).toEqual({
        ok: false,
        error,
      })
    edit(`${later}:yes`, 'conditionNotEarlier')
    edit(`${text}:yes`, 'conditionInvalid')
    edit(`${source}:maybe`, 'conditionValueUnknown')
    edit(`${foreign}:yes`, 'conditionInvalid')
    edit(`999999:yes`, 'conditionInvalid')
    expect(addQuestion(s, yesNo(sectionId, { condition: `${text}:yes` }), coordinator)).toEqual({
      ok: false,
      error: 'conditionInvalid',
    })
    expect(snapshot()).toEqual(before)
  })

  it('refuses a move, a deletion, a retyping or an option removal that would break a condition', () => {
    const { s, sectionId } = freshSurvey()
    const source = add(s, choice(sectionId))
    const option = loadQuestionnaire(s.id)!.questions[0]!.options[0]!
    const shown = add(s, { sectionId, kind: 'long_text', textEn: 'Why?', condition: `${source}:${option.id}` })
    const before = snapshot()
    expect(moveQuestion(s, shown, { direction: 'up' }, coordinator)).toEqual({
      ok: false,
      error: 'conditionNotEarlier',
    })
    expect(moveQuestion(s, source, { direction: 'down' }, coordinator)).toEqual({ ok: false, error: 'conditionOrder' })
    expect(deleteQuestion(s, source, coordinator)).toEqual({ ok: false, error: 'usedInCondition' })
    expect(updateQuestion(s, source, { sectionId, kind: 'short_text', textEn: 'Threats' }, coordinator)).toEqual({
      ok: false,
      error: 'usedInCondition',
    })
    const options = loadQuestionnaire(s.id)!.questions[0]!.options
    expect(
      updateQuestion(
        s,
        source,
        choice(sectionId, 'single_choice', {
          options: options.map((o) => ({
            id: o.id,
            labelEn: o.labelEn || 'x',
            remove: o.id === option.id ? 'on' : '',
          })),
        }),
        coordinator,
      ),
    ).toEqual({ ok: false, error: 'usedInCondition' })
    // A later section moved before the source's section.
    const next = addSection(s, { titleEn: 'Later' }, coordinator)
    const later = next.ok ? next.value.id : 0
    const after = snapshot()
    expect(updateQuestion(s, source, choice(later), coordinator)).toEqual({ ok: false, error: 'usedInCondition' })
    expect(snapshot()).toEqual(after)
    expect(before.questions).toEqual(after.questions)
  })
})

describe('once answers exist', () => {
  it('closes the question only: no removal, no other kind, no removal of an answered option', () => {
    const { s, sectionId } = freshSurvey()
    const id = add(s, choice(sectionId))
    const multiple = add(s, choice(sectionId, 'multiple_choice'))
    const [picked, other] = loadQuestionnaire(s.id)!.questions[0]!.options
    answer(s.id, jordan, id, picked!.id)
    const ticked = loadQuestionnaire(s.id)!.questions[1]!.options[2]!
    answerChoice(s.id, jordan, multiple, ticked.id)
    expect([...answeredQuestionIds(s.id)].sort()).toEqual([id, multiple].sort())
    const before = snapshot()
    expect(deleteQuestion(s, id, coordinator)).toEqual({ ok: false, error: 'questionAnswered' })
    expect(deleteQuestion(s, multiple, coordinator)).toEqual({ ok: false, error: 'questionAnswered' })
    expect(updateQuestion(s, id, choice(sectionId, 'multiple_choice'), coordinator)).toEqual({
      ok: false,
      error: 'kindLocked',
    })
    const options = loadQuestionnaire(s.id)!.questions[0]!.options
    const removing = (optionId: number) =>
      choice(sectionId, 'single_choice', {
        options: options.map((o) => ({ id: o.id, labelEn: o.labelEn || 'x', remove: o.id === optionId ? 'on' : '' })),
      })
    expect(updateQuestion(s, id, removing(picked!.id), coordinator)).toEqual({ ok: false, error: 'optionAnswered' })
    expect(snapshot()).toEqual(before)
    // An option nobody picked may still go; the words may change; closing works.
    expect(updateQuestion(s, id, removing(other!.id), coordinator).ok).toBe(true)
    expect(getDb().select().from(surveyOption).where(eq(surveyOption.id, other!.id)).get()).toBeUndefined()
    expect(setQuestionClosed(s, id, true, coordinator).ok).toBe(true)
    expect(getDb().select().from(surveyQuestion).where(eq(surveyQuestion.id, id)).get()!.closedAt).not.toBeNull()
  })
})
