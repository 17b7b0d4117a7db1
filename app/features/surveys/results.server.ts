// A questionnaire's results (issue 16 §3): per question, how many parliaments gave each answer (each option of a
// multiple choice counted on its own), the mean and median of scales and numbers, the answer rate; for all
// respondents and by region and by kind of parliament. Only SUBMITTED responses count. Whatever the number of
// questions, a fixed handful of queries (GROUP BY in SQL, on the parliament's region and kind at once; the JS sums
// the small tallies per group). For viewers who see only aggregates, a breakdown cell of fewer than `minimumCell`
// parliaments is hidden — its figures never leave the server — and so is the next smallest one when the hidden cells
// together would still be small enough to work out from the totals; per-parliament answers are for coordinators.
import { sql } from 'drizzle-orm'
import {
  mechanismKinds,
  parliamentKinds,
  regions,
  type MechanismKind,
  type ParliamentKind,
  type Region,
} from '#db/enums'
import { createUnchangedCache, whileUnchanged } from '~/utils/unchanged-cache.server'
import { getDb } from '~/utils/db.server'
import type { Question, Questionnaire } from './questionnaire.server'
import { listedKinds, type ResultsView } from './results-view'
import { minimumCell, scaleMax, scaleMin, yesNoValues, type QuestionKind } from './vocabulary'

/** How many parliaments gave one answer: `key` is an option's id, a yes/no word, a scale value, a year, a kind. */
export type Count = { key: string; count: number }

export type MatrixRowFigures = {
  optionId: number
  answered: number
  mean: number | null
  median: number | null
  /** Per scale value, 1 to 5. */
  counts: Count[]
}

export type Figures = {
  hidden: false
  /** Submitted responses that answer this question. */
  answered: number
  /** Submitted responses of the group: what the answer rate divides by. */
  submitted: number
  rate: number | null
  counts: Count[]
  mean: number | null
  median: number | null
  rows: MatrixRowFigures[]
}

/** Why a cell is not shown: too few parliaments, or hiding a small cell would be undone by subtraction. */
export type HiddenReason = 'small' | 'complement'
export type Cell = Figures | { hidden: true; reason: HiddenReason }

export type GroupCell<K extends string> = { key: K; cell: Cell }

export type MechanismState = 'directory' | 'pending' | 'accepted' | 'rejected'

/** One parliament's answer to a free-text, date, file or mechanism question (coordinators only). */
export type ListedAnswer = {
  parliamentId: number
  parliamentEn: string
  parliamentAr: string
  text: string | null
  file: { id: number; name: string } | null
  mechanism: { nameEn: string; nameAr: string; kind: MechanismKind; state: MechanismState } | null
}

export type QuestionResult = {
  questionId: number
  number: number
  kind: QuestionKind
  closed: boolean
  overall: Figures
  byRegion: GroupCell<Region>[]
  byKind: GroupCell<ParliamentKind>[]
  /**
   * Per parliament (the first few, or all when asked), for the kinds whose answers are not counted by value; null for
   * those who see aggregates only.
   */
  answers: ListedAnswer[] | null
  /** How many answers there are to list in all (0 when none are listed). */
  answersTotal: number
}

export type SurveyResults = {
  surveyId: number
  /** Parliaments the questionnaire was sent to (one response row each). */
  invited: number
  submitted: number
  aggregatesOnly: boolean
  regions: { key: Region; submitted: number }[]
  kinds: { key: ParliamentKind; submitted: number }[]
  questions: QuestionResult[]
}

type Tally = { q: number; region: Region; pkind: ParliamentKind; key: string | null; value: number | null; n: number }
type ChoiceTally = {
  q: number
  region: Region
  pkind: ParliamentKind
  optionId: number
  value: number | null
  n: number
}
type AnsweredTally = { q: number; region: Region; pkind: ParliamentKind; n: number }
type Where = (t: { region: Region; pkind: ParliamentKind }) => boolean

// A parliament's region and kind as one small number (region × 3 + kind), so that SQL groups by integers and the
// JS reads both back. Built from the schema's own lists.
const groupCode = sql.raw(
  `(CASE p.region ${regions.map((r, i) => `WHEN '${r}' THEN ${i}`).join(' ')} END) * ${parliamentKinds.length} + ` +
    `(CASE p.kind ${parliamentKinds.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} END)`,
)
const groupOf = (g: number) => ({
  region: regions[Math.floor(g / parliamentKinds.length)]!,
  pkind: parliamentKinds[g % parliamentKinds.length]!,
})

/** `a.question_id IN (…)` for a list of ids (false for none). */
const questionIn = (column: ReturnType<typeof sql.raw>, ids: number[]) =>
  ids.length ? sql`${column} IN (${sql.join(ids, sql`, `)})` : sql`0`

const idsOf = (q: Questionnaire, kinds: readonly QuestionKind[]) =>
  q.questions.filter((x) => kinds.includes(x.kind)).map((x) => x.id)

/**
 * The tallies of the submitted responses, in five queries whatever the number of questions: responses per status
 * and group; per question, group and answer (the one column its kind fills: an option, a yes/no word, a number, a
 * date's year; nothing for words and files, which are only counted); mechanisms by kind; ticked options and rated
 * matrix rows; how many responses ticked or rated anything per question.
 */
function loadTallies(q: Questionnaire) {
  const db = getDb()
  const a = sql.raw('a.question_id')
  const submitted = sql`WITH r AS MATERIALIZED (
      SELECT s.id AS rid, ${groupCode} AS g FROM survey_response s JOIN parliament p ON p.id = s.parliament_id
      WHERE s.survey_id = ${q.id} AND s.status = 'submitted')`
  const groups = db
    .all<{ status: string; g: number; n: number }>(
      sql`SELECT s.status AS status, ${groupCode} AS g, count(*) AS n
        FROM survey_response s JOIN parliament p ON p.id = s.parliament_id
        WHERE s.survey_id = ${q.id} GROUP BY 1, 2`,
    )
    .map(({ status, g, n }) => ({ status, ...groupOf(g), n }))
  const dates = idsOf(q, ['date'])
  const answers = db.all<{ q: number; g: number; k: number | string | null; n: number }>(sql`${submitted}
    SELECT a.question_id AS q, r.g AS g,
      coalesce(a.option_id, a.choice, a.number_value,
        CASE WHEN ${questionIn(a, dates)} THEN substr(a.text_value, 1, 4) END) AS k,
      count(*) AS n
    FROM r JOIN survey_answer a ON a.response_id = r.rid
    WHERE a.option_id IS NOT NULL OR a.choice IS NOT NULL OR a.number_value IS NOT NULL OR a.text_value <> ''
      OR a.file_id IS NOT NULL
    GROUP BY 1, 2, 3`)
  const mechanisms = db.all<{ q: number; g: number; k: string; n: number }>(sql`${submitted}
    SELECT a.question_id AS q, r.g AS g, coalesce(m.kind, mp.kind) AS k, count(*) AS n
    FROM r JOIN survey_answer a ON a.response_id = r.rid AND ${questionIn(a, idsOf(q, ['mechanism']))}
    LEFT JOIN mechanism m ON m.id = a.mechanism_id
    LEFT JOIN mechanism_proposal mp ON mp.id = a.proposal_id
    WHERE coalesce(m.kind, mp.kind) IS NOT NULL
    GROUP BY 1, 2, 3`)
  const choices = db.all<{ q: number; g: number; o: number; v: number | null; n: number }>(sql`${submitted}
    SELECT c.question_id AS q, r.g AS g, c.option_id AS o, c.scale_value AS v, count(*) AS n
    FROM r JOIN survey_answer_choice c ON c.response_id = r.rid
    GROUP BY 1, 2, 3, 4`)
  const answered = db.all<{ q: number; g: number; n: number }>(sql`${submitted}
    SELECT c.question_id AS q, r.g AS g, count(DISTINCT c.response_id) AS n
    FROM r JOIN survey_answer_choice c ON c.response_id = r.rid
    GROUP BY 1, 2`)

  const kindOf = new Map(q.questions.map((x) => [x.id, x.kind]))
  const tallies: Tally[] = []
  for (const row of answers) {
    const kind = kindOf.get(row.q)
    if (!kind || kind === 'mechanism' || kind === 'multiple_choice' || kind === 'matrix') continue
    const counted = kind === 'single_choice' || kind === 'yes_no' || kind === 'date'
    const numeric = kind === 'scale' || kind === 'number'
    if ((counted && row.k === null) || (numeric && typeof row.k !== 'number')) continue
    tallies.push({
      q: row.q,
      ...groupOf(row.g),
      key: counted ? String(row.k) : null,
      value: numeric ? (row.k as number) : null,
      n: row.n,
    })
  }
  for (const row of mechanisms) tallies.push({ q: row.q, ...groupOf(row.g), key: row.k, value: null, n: row.n })
  const choiceTallies: ChoiceTally[] = []
  for (const row of choices) {
    const kind = kindOf.get(row.q)
    // A matrix row counts with its scale value; a multiple choice's option on its own.
    if (kind === 'multiple_choice' || (kind === 'matrix' && row.v !== null))
      choiceTallies.push({
        q: row.q,
        ...groupOf(row.g),
        optionId: row.o,
        value: kind === 'matrix' ? row.v : null,
        n: row.n,
      })
  }
  const answeredTallies: AnsweredTally[] = answered
    .filter((row) => kindOf.get(row.q) === 'multiple_choice' || kindOf.get(row.q) === 'matrix')
    .map((row) => ({ q: row.q, ...groupOf(row.g), n: row.n }))
  return { groups, answers: tallies, choices: choiceTallies, answered: answeredTallies }
}

/**
 * The answers listed by parliament, the first `limit` of each question in the alphabetical order of the parliaments'
 * English names (all of them for the question `all`), with how many there are in all. The ranking reads only ids
 * and names; the texts are read for the rows kept.
 */
function loadListedAnswers(q: Questionnaire, limit: number, all: number | null) {
  const a = sql.raw('a.question_id')
  return getDb().all<{
    q: number
    total: number
    parliamentId: number
    parliamentEn: string
    parliamentAr: string
    text: string | null
    fileId: number | null
    fileName: string | null
    mechanismNameEn: string | null
    mechanismNameAr: string | null
    mechanismKind: MechanismKind | null
    proposalNameEn: string | null
    proposalNameAr: string | null
    proposalKind: MechanismKind | null
    proposalState: 'pending' | 'accepted' | 'rejected' | null
  }>(sql`
    WITH ranked AS (
      SELECT a.question_id AS q, a.response_id AS rid, p.id AS parliamentId, p.name_en AS parliamentEn,
        p.name_ar AS parliamentAr,
        row_number() OVER (PARTITION BY a.question_id ORDER BY coalesce(nullif(p.name_en, ''), p.name_ar), p.id) AS rn,
        count(*) OVER (PARTITION BY a.question_id) AS total
      FROM survey_response s
      JOIN parliament p ON p.id = s.parliament_id
      JOIN survey_answer a ON a.response_id = s.id AND ${questionIn(a, idsOf(q, listedKinds))}
      WHERE s.survey_id = ${q.id} AND s.status = 'submitted'
        AND (a.text_value <> '' OR a.file_id IS NOT NULL OR a.mechanism_id IS NOT NULL OR a.proposal_id IS NOT NULL)
    )
    SELECT r.q AS q, r.total AS total, r.parliamentId AS parliamentId, r.parliamentEn AS parliamentEn,
      r.parliamentAr AS parliamentAr, a.text_value AS text, f.id AS fileId, f.original_name AS fileName,
      m.name_en AS mechanismNameEn, m.name_ar AS mechanismNameAr, m.kind AS mechanismKind,
      mp.name_en AS proposalNameEn, mp.name_ar AS proposalNameAr, mp.kind AS proposalKind, mp.state AS proposalState
    FROM ranked r
    JOIN survey_answer a ON a.response_id = r.rid AND a.question_id = r.q
    LEFT JOIN survey_file f ON f.id = a.file_id
    LEFT JOIN mechanism m ON m.id = a.mechanism_id
    LEFT JOIN mechanism_proposal mp ON mp.id = a.proposal_id
    WHERE r.rn <= ${limit} OR r.q = ${all ?? 0}
    ORDER BY r.q, r.rn`)
}

/** The median of values given as (value, how many) pairs. */
export function medianOf(pairs: readonly { value: number; n: number }[]): number | null {
  const sorted = pairs.filter((p) => p.n > 0).sort((a, b) => a.value - b.value)
  const total = sorted.reduce((s, p) => s + p.n, 0)
  if (!total) return null
  const at = (position: number) => {
    let seen = 0
    for (const p of sorted) {
      seen += p.n
      if (seen >= position) return p.value
    }
    return sorted[sorted.length - 1]!.value
  }
  return total % 2 ? at((total + 1) / 2) : (at(total / 2) + at(total / 2 + 1)) / 2
}

function meanOf(pairs: readonly { value: number; n: number }[]): number | null {
  const total = pairs.reduce((s, p) => s + p.n, 0)
  return total ? pairs.reduce((s, p) => s + p.value * p.n, 0) / total : null
}

const scaleKeys = Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => String(scaleMin + i))

/** The answers a question counts by, in the order they are shown. */
function keysOf(question: Question, tallies: readonly Tally[]): string[] {
  switch (question.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return question.options.map((o) => String(o.id))
    case 'yes_no':
      return [...yesNoValues]
    case 'scale':
      return scaleKeys
    case 'date':
      return [...new Set(tallies.map((t) => t.key).filter((k): k is string => Boolean(k)))].sort()
    case 'mechanism': {
      const present = new Set(tallies.map((t) => t.key))
      return mechanismKinds.filter((k) => present.has(k))
    }
    default:
      return []
  }
}

function countBy(keys: readonly string[], items: readonly { key: string; n: number }[]): Count[] {
  const counts = new Map(keys.map((k) => [k, 0]))
  for (const item of items) if (counts.has(item.key)) counts.set(item.key, counts.get(item.key)! + item.n)
  return keys.map((key) => ({ key, count: counts.get(key)! }))
}

type QuestionTallies = { answers: Tally[]; choices: ChoiceTally[]; answered: AnsweredTally[] }

function figuresOf(question: Question, keys: string[], t: QuestionTallies, where: Where, submitted: number): Figures {
  const answers = t.answers.filter(where)
  const choices = t.choices.filter(where)
  const byChoice = question.kind === 'multiple_choice' || question.kind === 'matrix'
  const answered = (byChoice ? t.answered.filter(where) : answers).reduce((s, x) => s + x.n, 0)
  const values =
    question.kind === 'scale' || question.kind === 'number'
      ? answers.flatMap((a) => (a.value === null ? [] : [{ value: a.value, n: a.n }]))
      : []
  let counts: Count[] = []
  if (question.kind === 'multiple_choice')
    counts = countBy(
      keys,
      choices.map((c) => ({ key: String(c.optionId), n: c.n })),
    )
  else if (question.kind === 'scale')
    counts = countBy(
      keys,
      values.map((v) => ({ key: String(v.value), n: v.n })),
    )
  else if (keys.length)
    counts = countBy(
      keys,
      answers.flatMap((a) => (a.key === null ? [] : [{ key: a.key, n: a.n }])),
    )
  const rows =
    question.kind === 'matrix'
      ? question.options.map((o) => {
          const pairs = choices
            .filter((c) => c.optionId === o.id && c.value !== null)
            .map((c) => ({ value: c.value!, n: c.n }))
          return {
            optionId: o.id,
            answered: pairs.reduce((s, p) => s + p.n, 0),
            mean: meanOf(pairs),
            median: medianOf(pairs),
            counts: countBy(
              scaleKeys,
              pairs.map((p) => ({ key: String(p.value), n: p.n })),
            ),
          }
        })
      : []
  return {
    hidden: false,
    answered,
    submitted,
    rate: submitted ? answered / submitted : null,
    counts,
    mean: meanOf(values),
    median: medianOf(values),
    rows,
  }
}

/**
 * Hides, for those who see aggregates only, each group of fewer than `minimumCell` answers; then, while the hidden
 * groups together hold some answers but fewer than `minimumCell` (the totals minus the shown groups would give them
 * away), also the smallest group still shown.
 */
export function suppressSmallCells<K extends string>(cells: { key: K; figures: Figures }[]): GroupCell<K>[] {
  const hidden = new Map<K, HiddenReason>()
  for (const c of cells) if (c.figures.answered < minimumCell) hidden.set(c.key, 'small')
  const hiddenTotal = () => cells.filter((c) => hidden.has(c.key)).reduce((s, c) => s + c.figures.answered, 0)
  for (;;) {
    const total = hiddenTotal()
    if (total === 0 || total >= minimumCell) break
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.figures.answered - b.figures.answered)[0]
    if (!next) break
    hidden.set(next.key, 'complement')
  }
  return cells.map((c) =>
    hidden.has(c.key)
      ? { key: c.key, cell: { hidden: true, reason: hidden.get(c.key)! } }
      : { key: c.key, cell: c.figures },
  )
}

/** How many answers per question the results page lists by parliament, unless all of one question are asked for. */
export const listedPerQuestion = 10

export type ResultsOptions = {
  aggregatesOnly: boolean
  /** Answers listed by parliament per question (coordinators), and the question whose answers are all listed. */
  listLimit?: number
  listAll?: number | null
}

/**
 * The results of a questionnaire read with loadQuestionnaire. `aggregatesOnly` (seesOnlyAggregates of the viewer):
 * small breakdown cells hidden and no answers by parliament.
 */
export function computeResults(
  questionnaire: Questionnaire,
  { aggregatesOnly, listLimit = listedPerQuestion, listAll = null }: ResultsOptions,
) {
  const tallies = loadTallies(questionnaire)
  const listed = aggregatesOnly ? [] : loadListedAnswers(questionnaire, listLimit, listAll)

  const per = new Map<number, QuestionTallies>()
  const of = (q: number) => {
    let t = per.get(q)
    if (!t) per.set(q, (t = { answers: [], choices: [], answered: [] }))
    return t
  }
  for (const a of tallies.answers) of(a.q).answers.push(a)
  for (const c of tallies.choices) of(c.q).choices.push(c)
  for (const a of tallies.answered) of(a.q).answered.push(a)

  const submittedRows = tallies.groups.filter((g) => g.status === 'submitted')
  const submittedWhere = (where: Where) => submittedRows.filter(where).reduce((s, g) => s + g.n, 0)
  const regionGroups = regions
    .map((key) => ({ key, submitted: submittedWhere((t) => t.region === key) }))
    .filter((g) => g.submitted > 0)
  const kindGroups = parliamentKinds
    .map((key) => ({ key, submitted: submittedWhere((t) => t.pkind === key) }))
    .filter((g) => g.submitted > 0)
  const submitted = submittedWhere(() => true)

  const listedOf = new Map<number, ListedAnswer[]>()
  const listedTotal = new Map<number, number>()
  for (const row of listed) {
    listedTotal.set(row.q, row.total)
    const list = listedOf.get(row.q) ?? []
    listedOf.set(row.q, list)
    const name = row.mechanismKind
      ? { nameEn: row.mechanismNameEn ?? '', nameAr: row.mechanismNameAr ?? '', kind: row.mechanismKind }
      : row.proposalKind
        ? { nameEn: row.proposalNameEn ?? '', nameAr: row.proposalNameAr ?? '', kind: row.proposalKind }
        : null
    list.push({
      parliamentId: row.parliamentId,
      parliamentEn: row.parliamentEn,
      parliamentAr: row.parliamentAr,
      text: row.text,
      file: row.fileId !== null ? { id: row.fileId, name: row.fileName ?? '' } : null,
      mechanism: name ? { ...name, state: row.mechanismKind ? 'directory' : (row.proposalState ?? 'pending') } : null,
    })
  }

  const empty: QuestionTallies = { answers: [], choices: [], answered: [] }
  const questions: QuestionResult[] = questionnaire.questions.map((question) => {
    const t = per.get(question.id) ?? empty
    const keys = keysOf(question, t.answers)
    const figures = (where: Where, n: number) => figuresOf(question, keys, t, where, n)
    const breakdown = <K extends string>(groups: { key: K; submitted: number }[], where: (k: K) => Where) => {
      const cells = groups.map((g) => ({ key: g.key, figures: figures(where(g.key), g.submitted) }))
      return aggregatesOnly ? suppressSmallCells(cells) : cells.map((c) => ({ key: c.key, cell: c.figures as Cell }))
    }
    return {
      questionId: question.id,
      number: question.number,
      kind: question.kind,
      closed: question.closedAt !== null,
      overall: figures(() => true, submitted),
      byRegion: breakdown(regionGroups, (k) => (x) => x.region === k),
      byKind: breakdown(kindGroups, (k) => (x) => x.pkind === k),
      answers: aggregatesOnly || !listedKinds.includes(question.kind) ? null : (listedOf.get(question.id) ?? []),
      answersTotal: listedTotal.get(question.id) ?? 0,
    }
  })

  return {
    surveyId: questionnaire.id,
    invited: tallies.groups.reduce((s, g) => s + g.n, 0),
    submitted,
    aggregatesOnly,
    regions: regionGroups,
    kinds: kindGroups,
    questions,
  } satisfies SurveyResults
}

/** What the results page shows of each question besides its figures (texts and labels in both languages). */
export type ResultsQuestionText = Pick<
  Question,
  | 'id'
  | 'number'
  | 'kind'
  | 'textEn'
  | 'textAr'
  | 'scaleLowEn'
  | 'scaleLowAr'
  | 'scaleHighEn'
  | 'scaleHighAr'
  | 'unitEn'
  | 'unitAr'
> & { options: { id: number; labelEn: string; labelAr: string }[] }

/**
 * The results page's data: the questions' texts and their results as this viewer may see them, with only the
 * breakdown the page shows (the page's data travels to the browser too).
 */
// Results change only when answers do: each view's figures are kept until the next write to the database (a
// 60-question questionnaire answered by 270 parliaments: some 50–70 ms of work saved on every reading after the first).
const computedResults = createUnchangedCache<ReturnType<typeof computeResults>>(16)

export function loadResultsPage(questionnaire: Questionnaire, options: ResultsOptions & { view: ResultsView }) {
  const key = [questionnaire.id, options.aggregatesOnly, options.listLimit ?? '', options.listAll ?? ''].join(':')
  const computed = whileUnchanged(computedResults, key, () => computeResults(questionnaire, options))
  const results = {
    ...computed,
    questions: computed.questions.map((q) => ({
      ...q,
      byRegion: options.view === 'region' ? q.byRegion : [],
      byKind: options.view === 'kind' ? q.byKind : [],
    })),
  }
  const questions: ResultsQuestionText[] = questionnaire.questions.map((q) => ({
    id: q.id,
    number: q.number,
    kind: q.kind,
    textEn: q.textEn,
    textAr: q.textAr,
    scaleLowEn: q.scaleLowEn,
    scaleLowAr: q.scaleLowAr,
    scaleHighEn: q.scaleHighEn,
    scaleHighAr: q.scaleHighAr,
    unitEn: q.unitEn,
    unitAr: q.unitAr,
    options: q.options.map((o) => ({ id: o.id, labelEn: o.labelEn, labelAr: o.labelAr })),
  }))
  return { results, questions }
}
