// The answer form's pure checks (issue 16): what the browser and the server both judge a form by.
import { describe, expect, it } from 'vitest'
import type { Question } from './questionnaire.server'
import { checkAnswer, missingAnswer, readAnswerForm, shownQuestionIds } from './answer-schemas'

let nextId = 1
function question(kind: Question['kind'], extra: Partial<Question> = {}): Question {
  const id = nextId++
  return {
    id,
    surveyId: 1,
    sectionId: 1,
    position: id,
    kind,
    textEn: `Q${id}`,
    textAr: '',
    helpEn: '',
    helpAr: '',
    isRequired: false,
    closedAt: null,
    scaleLowEn: '',
    scaleLowAr: '',
    scaleHighEn: '',
    scaleHighAr: '',
    unitEn: '',
    unitAr: '',
    numberMin: null,
    numberMax: null,
    conditionQuestionId: null,
    conditionValue: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    number: id,
    options: [],
    ...extra,
  }
}
const ctx = { mechanismIds: new Set<number>(), now: new Date('2026-06-01T00:00:00Z') }

describe('display conditions', () => {
  it('hide a chain together: a question whose source is hidden is hidden too', () => {
    const q1 = question('yes_no')
    const q2 = question('single_choice', {
      conditionQuestionId: q1.id,
      conditionValue: 'yes',
      options: [
        { id: 501, questionId: 0, position: 0, labelEn: 'A', labelAr: '' },
        { id: 502, questionId: 0, position: 1, labelEn: 'B', labelAr: '' },
      ],
    })
    const q3 = question('short_text', { conditionQuestionId: q2.id, conditionValue: '502' })
    const q4 = question('short_text', { conditionQuestionId: q1.id, conditionValue: 'no' })
    const all = [q1, q2, q3, q4]
    const answers = (choice: 'yes' | 'no', option: number) =>
      new Map([
        [q1.id, { kind: 'yes_no' as const, choice }],
        [q2.id, { kind: 'single_choice' as const, optionId: option }],
      ])
    expect([...shownQuestionIds(all, answers('yes', 502))]).toEqual([q1.id, q2.id, q3.id])
    // Q1 "no" hides Q2, and Q3 with it, though Q2's stored answer is still B.
    expect([...shownQuestionIds(all, answers('no', 502))]).toEqual([q1.id, q4.id])
    expect([...shownQuestionIds(all, new Map())]).toEqual([q1.id])
  })

  it('on a multiple choice, show when the option is among those ticked', () => {
    const q1 = question('multiple_choice')
    const q2 = question('short_text', { conditionQuestionId: q1.id, conditionValue: '7' })
    const shown = shownQuestionIds(
      [q1, q2],
      new Map([[q1.id, { kind: 'multiple_choice' as const, optionIds: [3, 7] }]]),
    )
    expect(shown.has(q2.id)).toBe(true)
  })
})

describe('one answer checked', () => {
  it('reads numbers typed with Arabic digits and separator, and keeps bounds inclusive', () => {
    const q = question('number', { numberMin: 0, numberMax: 100 })
    expect(checkAnswer(q, { number: '١٠٠' }, ctx)).toEqual({ ok: true, answer: { kind: 'number', value: 100 } })
    expect(checkAnswer(q, { number: '٣٫٥' }, ctx)).toEqual({ ok: true, answer: { kind: 'number', value: 3.5 } })
    expect(checkAnswer(q, { number: '0' }, ctx)).toEqual({ ok: true, answer: { kind: 'number', value: 0 } })
    expect(checkAnswer(q, { number: '   ' }, ctx)).toEqual({ ok: true, answer: null })
    expect(checkAnswer(q, { number: 'Infinity' }, ctx)).toEqual({ ok: false, error: 'numberInvalid' })
    expect(checkAnswer(q, { number: '1e400' }, ctx)).toEqual({ ok: false, error: 'numberInvalid' })
  })

  it('takes a text of invisible characters as no answer, and a required question then misses it', () => {
    const q = question('short_text', { isRequired: true })
    const checked = checkAnswer(q, { text: '\u200F\u200B ' }, ctx)
    expect(checked).toEqual({ ok: true, answer: null })
    expect(missingAnswer(q, null)).toBe('required')
  })

  it('reads every part of the form by the names question-field.tsx gives them', () => {
    const matrix = question('matrix', {
      options: [
        { id: 601, questionId: 0, position: 0, labelEn: 'Laws', labelAr: '' },
        { id: 602, questionId: 0, position: 1, labelEn: 'Oversight', labelAr: '' },
      ],
    })
    const closed = question('short_text', { closedAt: new Date() })
    const form = new FormData()
    form.append(`answers.q${matrix.id}.r601`, '3')
    form.append(`answers.q${matrix.id}.r999`, '3')
    form.append(`answers.q${closed.id}`, 'Not asked any more')
    const values = readAnswerForm(form, [matrix, closed])
    expect(values).toEqual({ [matrix.id]: { rows: { '601': '3', '999': '3' } } })
    expect(checkAnswer(matrix, values[matrix.id], ctx)).toEqual({ ok: false, error: 'optionUnknown' })
    expect(missingAnswer({ ...matrix, isRequired: true }, { kind: 'matrix', rows: { 601: 3 } })).toBe(
      'matrixIncomplete',
    )
  })
})
