// The results of a questionnaire (issue 16 §3) against a real database whose rows are written straight into the
// tables: counts per option (each option of a multiple choice on its own), yes/no, mean and median, matrices, the
// answer rate, breakdowns by region and kind, only submitted responses, small cells hidden for aggregate viewers,
// answers by parliament for coordinators only, and a number of queries that does not grow with the questions.
import { beforeAll, describe, expect, it } from 'vitest'
import { mechanism, mechanismProposal } from '#db/schema/index'
import { countQueries, getDb } from '~/utils/db.server'
import { loadQuestionnaire } from './questionnaire.server'
import {
  computeResults,
  medianOf,
  suppressSmallCells,
  type Cell,
  type Figures,
  type SurveyResults,
} from './results.server'
import { addParliament, addResponse, addSurvey, answer, choose } from './results.test-helpers'

const shown = (cell: Cell): Figures => {
  if (cell.hidden) throw new Error('the cell is hidden')
  return cell
}

describe('the {A,B}, {A}, {B,C} case', () => {
  let results: SurveyResults
  let options: number[]
  beforeAll(() => {
    const s = addSurvey()
    const q = s.question('multiple_choice', { en: 'Which threats?', ar: 'ما التهديدات؟' }, [
      { en: 'A', ar: 'أ' },
      { en: 'B', ar: 'ب' },
      { en: 'C', ar: 'ج' },
    ])
    options = q.options
    const [a, b, c] = options as [number, number, number]
    const picks = [[a, b], [a], [b, c]]
    for (const p of picks) choose(addResponse(s.id, addParliament('africa')), q.id, p)
    // Not submitted: never counted.
    choose(addResponse(s.id, addParliament('africa'), 'started'), q.id, [c])
    choose(addResponse(s.id, addParliament('africa'), 'reopened'), q.id, [a, c])
    addResponse(s.id, addParliament('africa'), 'invited')
    results = computeResults(loadQuestionnaire(s.id)!, { aggregatesOnly: false })
  })

  it('counts each option on its own: A 2, B 2, C 1', () => {
    const f = results.questions[0]!.overall
    expect(f.counts).toEqual(options.map((id, i) => ({ key: String(id), count: [2, 2, 1][i] })))
    expect(f.answered).toBe(3)
  })

  it('counts only submitted responses, and all invited ones as invited', () => {
    expect(results.submitted).toBe(3)
    expect(results.invited).toBe(6)
    expect(results.questions[0]!.overall.rate).toBe(1)
  })
})

describe('every kind of question', () => {
  let results: SurveyResults
  let ids: Record<string, { id: number; options: number[] }>
  beforeAll(() => {
    const s = addSurvey()
    ids = {
      single: s.question('single_choice', { en: 'Which?', ar: 'أيّ؟' }, [
        { en: 'One', ar: 'واحد' },
        { en: 'Two', ar: 'اثنان' },
      ]),
      yesNo: s.question('yes_no', { en: 'A committee?', ar: 'لجنة؟' }),
      scale: s.question('scale', { en: 'How grave?', ar: 'ما مدى الخطورة؟' }),
      number: s.question('number', { en: 'How many?', ar: 'كم؟' }, [], { numberMin: 0, numberMax: 1000 }),
      matrix: s.question('matrix', { en: 'Rate', ar: 'قيّم' }, [
        { en: 'Row 1', ar: 'الصف 1' },
        { en: 'Row 2', ar: 'الصف 2' },
      ]),
      text: s.question('short_text', { en: 'Why?', ar: 'لماذا؟' }),
      date: s.question('date', { en: 'Since when?', ar: 'منذ متى؟' }),
      mechanism: s.question('mechanism', { en: 'Which mechanism?', ar: 'أيّ آلية؟' }),
    }
    const p = [
      addParliament('africa', 'national', { en: 'Zed parliament', ar: 'برلمان زد' }),
      addParliament('asia', 'national', { en: 'Alpha parliament', ar: 'برلمان ألفا' }),
      addParliament('asia', 'assembly', { en: 'Mid assembly', ar: 'جمعية الوسط' }),
      addParliament('europe', 'union'),
    ]
    const r = p.map((id) => addResponse(s.id, id))
    const [one, two] = ids.single!.options as [number, number]
    answer(r[0]!, ids.single!.id, { optionId: one })
    answer(r[1]!, ids.single!.id, { optionId: two })
    answer(r[2]!, ids.single!.id, { optionId: two })
    // r[3] skipped the single choice (an empty row counts as no answer).
    answer(r[3]!, ids.single!.id, {})
    for (const [i, v] of (['yes', 'no', 'dont_know', 'yes'] as const).entries())
      answer(r[i]!, ids.yesNo!.id, { choice: v })
    for (const [i, v] of [1, 2, 4, 5].entries()) answer(r[i]!, ids.scale!.id, { numberValue: v })
    for (const [i, v] of [10, 20, 600].entries()) answer(r[i]!, ids.number!.id, { numberValue: v })
    const [row1, row2] = ids.matrix!.options as [number, number]
    choose(r[0]!, ids.matrix!.id, [
      [row1, 1],
      [row2, 5],
    ])
    choose(r[1]!, ids.matrix!.id, [
      [row1, 3],
      [row2, 5],
    ])
    choose(r[2]!, ids.matrix!.id, [[row1, 4]])
    answer(r[0]!, ids.text!.id, { textValue: 'Recruitment online' })
    answer(r[1]!, ids.text!.id, { textValue: '' })
    answer(r[2]!, ids.text!.id, { textValue: 'تمويل الإرهاب' })
    answer(r[0]!, ids.date!.id, { textValue: '2019-04-02' })
    answer(r[1]!, ids.date!.id, { textValue: '2019-11-30' })
    answer(r[2]!, ids.date!.id, { textValue: '2023-01-15' })
    const db = getDb()
    const existing = db
      .insert(mechanism)
      .values({ parliamentId: p[0]!, kind: 'committee', nameEn: 'Security committee', nameAr: 'لجنة الأمن' })
      .returning({ id: mechanism.id })
      .get().id
    const proposal = db
      .insert(mechanismProposal)
      .values({
        responseId: r[1]!,
        questionId: ids.mechanism!.id,
        parliamentId: p[1]!,
        kind: 'law',
        nameEn: 'Counter-terrorism law',
        nameAr: 'قانون مكافحة الإرهاب',
      })
      .returning({ id: mechanismProposal.id })
      .get().id
    answer(r[0]!, ids.mechanism!.id, { mechanismId: existing })
    answer(r[1]!, ids.mechanism!.id, { proposalId: proposal })
    results = computeResults(loadQuestionnaire(s.id)!, { aggregatesOnly: false })
  })
  const result = (name: string) => results.questions.find((q) => q.questionId === ids[name]!.id)!

  it('single choice: counts per option and the answer rate (answered / submitted)', () => {
    const f = result('single').overall
    expect(f.counts.map((c) => c.count)).toEqual([1, 2])
    expect(f.answered).toBe(3)
    expect(f.submitted).toBe(4)
    expect(f.rate).toBe(0.75)
  })

  it("yes / no / don't know", () => {
    expect(result('yesNo').overall.counts).toEqual([
      { key: 'yes', count: 2 },
      { key: 'no', count: 1 },
      { key: 'dont_know', count: 1 },
    ])
  })

  it('scale: counts per value, mean and median', () => {
    const f = result('scale').overall
    expect(f.counts.map((c) => [c.key, c.count])).toEqual([
      ['1', 1],
      ['2', 1],
      ['3', 0],
      ['4', 1],
      ['5', 1],
    ])
    expect(f.mean).toBe(3)
    expect(f.median).toBe(3)
  })

  it('number: mean and median, no counts', () => {
    const f = result('number').overall
    expect(f.mean).toBe(210)
    expect(f.median).toBe(20)
    expect(f.answered).toBe(3)
    expect(f.counts).toEqual([])
  })

  it('matrix: per row, the answers, mean, median and counts per scale value', () => {
    const [row1, row2] = result('matrix').overall.rows
    expect(row1).toMatchObject({ answered: 3, median: 3 })
    expect(row1!.mean).toBeCloseTo(8 / 3)
    expect(row1!.counts.map((c) => c.count)).toEqual([1, 0, 1, 1, 0])
    expect(row2).toMatchObject({ answered: 2, mean: 5, median: 5 })
    expect(result('matrix').overall.answered).toBe(3)
  })

  it('dates by year, mechanisms by kind (chosen or proposed)', () => {
    expect(result('date').overall.counts).toEqual([
      { key: '2019', count: 2 },
      { key: '2023', count: 1 },
    ])
    expect(result('mechanism').overall.counts).toEqual([
      { key: 'committee', count: 1 },
      { key: 'law', count: 1 },
    ])
  })

  it('free text: only non-empty answers count, listed by parliament for coordinators', () => {
    const q = result('text')
    expect(q.overall.answered).toBe(2)
    expect(q.answers!.map((a) => [a.parliamentEn, a.text])).toEqual([
      ['Mid assembly', 'تمويل الإرهاب'],
      ['Zed parliament', 'Recruitment online'],
    ])
    expect(result('mechanism').answers!.map((a) => a.mechanism)).toEqual([
      { nameEn: 'Counter-terrorism law', nameAr: 'قانون مكافحة الإرهاب', kind: 'law', state: 'pending' },
      { nameEn: 'Security committee', nameAr: 'لجنة الأمن', kind: 'committee', state: 'directory' },
    ])
    expect(result('single').answers).toBeNull()
  })

  it('breaks each question down by region and by kind of parliament', () => {
    const q = result('single')
    expect(results.regions).toEqual([
      { key: 'africa', submitted: 1 },
      { key: 'asia', submitted: 2 },
      { key: 'europe', submitted: 1 },
    ])
    expect(q.byRegion.map((g) => [g.key, shown(g.cell).counts.map((c) => c.count), shown(g.cell).answered])).toEqual([
      ['africa', [1, 0], 1],
      ['asia', [0, 2], 2],
      ['europe', [0, 0], 0],
    ])
    expect(q.byKind.map((g) => [g.key, shown(g.cell).counts.map((c) => c.count)])).toEqual([
      ['national', [1, 1]],
      ['assembly', [0, 1]],
      ['union', [0, 0]],
    ])
    expect(shown(result('scale').byRegion.find((g) => g.key === 'asia')!.cell)).toMatchObject({ mean: 3, median: 3 })
    expect(shown(q.byRegion[1]!.cell).rate).toBe(1)
  })

  it('for aggregate viewers: every cell under 5 hidden with no figures, no answers by parliament', () => {
    const aggregates = computeResults(loadQuestionnaire(results.surveyId)!, { aggregatesOnly: true })
    for (const q of aggregates.questions) {
      expect(q.answers).toBeNull()
      for (const g of [...q.byRegion, ...q.byKind]) expect(g.cell).toEqual({ hidden: true, reason: 'small' })
    }
    // The totals stay: only breakdown cells are hidden.
    expect(
      aggregates.questions.find((q) => q.questionId === ids.single!.id)!.overall.counts.map((c) => c.count),
    ).toEqual([1, 2])
  })
})

describe('hiding small cells', () => {
  const figures = (answered: number): Figures => ({
    hidden: false,
    answered,
    submitted: answered,
    rate: 1,
    counts: [],
    mean: null,
    median: null,
    rows: [],
  })

  it('hides a cell of fewer than 5, and the next smallest when the hidden ones could be worked out', () => {
    const cells = suppressSmallCells([
      { key: 'africa', figures: figures(12) },
      { key: 'asia', figures: figures(3) },
      { key: 'europe', figures: figures(6) },
      { key: 'pacific', figures: figures(9) },
    ])
    expect(cells.map((c) => (c.cell.hidden ? c.cell.reason : c.cell.answered))).toEqual([12, 'small', 'complement', 9])
  })

  it('needs no second cell when the hidden ones hold 5 answers together, or none', () => {
    const cells = suppressSmallCells([
      { key: 'a', figures: figures(3) },
      { key: 'b', figures: figures(2) },
      { key: 'c', figures: figures(7) },
    ])
    expect(cells.map((c) => c.cell.hidden)).toEqual([true, true, false])
    const none = suppressSmallCells([
      { key: 'a', figures: figures(0) },
      { key: 'b', figures: figures(7) },
    ])
    expect(none.map((c) => c.cell.hidden)).toEqual([true, false])
  })

  it('shows cells of 5 and more, with their figures', () => {
    const s = addSurvey()
    const q = s.question('yes_no', { en: 'A law?', ar: 'قانون؟' })
    for (let i = 0; i < 6; i++)
      answer(addResponse(s.id, addParliament('pacific')), q.id, { choice: i < 4 ? 'yes' : 'no' })
    for (let i = 0; i < 2; i++) answer(addResponse(s.id, addParliament('americas')), q.id, { choice: 'no' })
    const r = computeResults(loadQuestionnaire(s.id)!, { aggregatesOnly: true }).questions[0]!
    const pacific = r.byRegion.find((g) => g.key === 'pacific')!.cell
    // Americas (2) is hidden and Pacific is the only other cell: hiding it too keeps the 2 from being subtracted.
    expect(pacific).toEqual({ hidden: true, reason: 'complement' })
    expect(r.byRegion.find((g) => g.key === 'americas')!.cell).toEqual({ hidden: true, reason: 'small' })
    // All are national: one cell of 8.
    expect(shown(r.byKind[0]!.cell).counts).toEqual([
      { key: 'yes', count: 4 },
      { key: 'no', count: 4 },
      { key: 'dont_know', count: 0 },
    ])
  })
})

describe('the median', () => {
  it('of an odd and an even number of answers, given as tallies', () => {
    expect(
      medianOf([
        { value: 4, n: 1 },
        { value: 1, n: 1 },
        { value: 2, n: 1 },
      ]),
    ).toBe(2)
    expect(
      medianOf([
        { value: 1, n: 2 },
        { value: 5, n: 2 },
      ]),
    ).toBe(3)
    expect(medianOf([{ value: 7, n: 3 }])).toBe(7)
    expect(medianOf([])).toBeNull()
  })
})

describe('answers listed by parliament', () => {
  it('lists the first 10 of a question, all of the one asked for, and says how many there are', () => {
    const s = addSurvey()
    const a = s.question('long_text', { en: 'Why?', ar: 'لماذا؟' })
    const b = s.question('short_text', { en: 'How?', ar: 'كيف؟' })
    for (let i = 0; i < 12; i++) {
      const r = addResponse(s.id, addParliament('europe', 'national', { en: `Chamber ${100 + i}`, ar: `مجلس ${i}` }))
      answer(r, a.id, { textValue: `because ${i}` })
      answer(r, b.id, { textValue: `so ${i}` })
    }
    const q = loadQuestionnaire(s.id)!
    const some = computeResults(q, { aggregatesOnly: false }).questions
    expect(some.map((x) => [x.answers!.length, x.answersTotal])).toEqual([
      [10, 12],
      [10, 12],
    ])
    expect(some[0]!.answers![0]).toMatchObject({ parliamentEn: 'Chamber 100', text: 'because 0' })
    const all = computeResults(q, { aggregatesOnly: false, listAll: b.id }).questions
    expect(all.map((x) => x.answers!.length)).toEqual([10, 12])
  })
})

describe('queries', () => {
  function surveyOf(questions: number) {
    const s = addSurvey()
    const qs = Array.from({ length: questions }, (_, i) =>
      s.question(
        i % 2 ? 'multiple_choice' : 'short_text',
        { en: `Q ${i}`, ar: `س ${i}` },
        i % 2 ? [{ en: 'x', ar: 'س' }] : [],
      ),
    )
    for (let p = 0; p < 3; p++) {
      const r = addResponse(s.id, addParliament('asia'))
      for (const q of qs)
        if (q.options.length) choose(r, q.id, q.options)
        else answer(r, q.id, { textValue: `answer ${p}` })
    }
    return loadQuestionnaire(s.id)!
  }

  it('are as many for 40 questions as for 2 (GROUP BY, no query per question)', () => {
    const small = surveyOf(2)
    const large = surveyOf(40)
    for (const aggregatesOnly of [false, true]) {
      const a = countQueries(() => computeResults(small, { aggregatesOnly }))
      const b = countQueries(() => computeResults(large, { aggregatesOnly }))
      expect(b.queries).toBe(a.queries)
      expect(b.queries).toBeLessThanOrEqual(aggregatesOnly ? 5 : 6)
      expect(b.result.questions[1]!.overall.counts[0]!.count).toBe(3)
    }
  })
})
