// The exports of a questionnaire's responses (issue 16 §3), for coordinators: CSV (RFC 4180, UTF-8 with a BOM so that
// Excel shows Arabic, CRLF) and XLSX (exceljs; the sheet right to left in Arabic). One row per parliament that
// submitted, one column per question — per option for a multiple choice (1 ticked, 0 not), per row for a matrix (its
// scale value) —, headers and labels in the chosen language; no text cell is ever read as a formula. Also the
// library report: the aggregate figures exactly as visitors see them (small cells hidden), one workbook per language.
import type ExcelJS from 'exceljs'
import { sql } from 'drizzle-orm'
import type { MechanismKind, ParliamentKind, Region } from '#db/enums'
import { csvCell } from '~/utils/csv'
import { getDb } from '~/utils/db.server'
import { isLanguage, type Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { OptionRow, Question, Questionnaire } from './questionnaire.server'
import type { Cell, Figures, SurveyResults } from './results.server'
import { minimumCell, yesNoValues, type YesNoValue } from './vocabulary'

type Value = string | number | null

/** A cell's text as a spreadsheet must not run it: a leading = + - @ tab or CR gets a quote in front. */
export function defuse(text: string) {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

const pick = (en: string, ar: string, lang: Language) => (lang === 'ar' ? ar || en : en || ar)

type ResponseRow = {
  id: number
  parliamentEn: string
  parliamentAr: string
  region: Region
  pkind: ParliamentKind
  submittedAt: number | null
}
type AnswerRow = {
  responseId: number
  questionId: number
  optionId: number | null
  choice: YesNoValue | null
  numberValue: number | null
  textValue: string | null
  fileName: string | null
  mechanismEn: string | null
  mechanismAr: string | null
  mechanismKind: MechanismKind | null
  proposalEn: string | null
  proposalAr: string | null
  proposalKind: MechanismKind | null
}
type ChoiceRow = { responseId: number; questionId: number; optionId: number; scaleValue: number | null }

/** Three queries whatever the size: the submitted responses, their answers, their ticked options and matrix rows. */
function loadResponses(surveyId: number) {
  const db = getDb()
  const responses = db.all<ResponseRow>(sql`
    SELECT s.id AS id, p.name_en AS parliamentEn, p.name_ar AS parliamentAr, p.region AS region, p.kind AS pkind,
      s.submitted_at AS submittedAt
    FROM survey_response s JOIN parliament p ON p.id = s.parliament_id
    WHERE s.survey_id = ${surveyId} AND s.status = 'submitted'`)
  const answers = db.all<AnswerRow>(sql`
    SELECT a.response_id AS responseId, a.question_id AS questionId, a.option_id AS optionId, a.choice AS choice,
      a.number_value AS numberValue, a.text_value AS textValue, f.original_name AS fileName,
      m.name_en AS mechanismEn, m.name_ar AS mechanismAr, m.kind AS mechanismKind,
      mp.name_en AS proposalEn, mp.name_ar AS proposalAr, mp.kind AS proposalKind
    FROM survey_answer a
    JOIN survey_response s ON s.id = a.response_id AND s.survey_id = ${surveyId} AND s.status = 'submitted'
    LEFT JOIN survey_file f ON f.id = a.file_id
    LEFT JOIN mechanism m ON m.id = a.mechanism_id
    LEFT JOIN mechanism_proposal mp ON mp.id = a.proposal_id`)
  const choices = db.all<ChoiceRow>(sql`
    SELECT c.response_id AS responseId, c.question_id AS questionId, c.option_id AS optionId,
      c.scale_value AS scaleValue
    FROM survey_answer_choice c
    JOIN survey_response s ON s.id = c.response_id AND s.survey_id = ${surveyId} AND s.status = 'submitted'`)
  return { responses, answers, choices }
}

type Column = { header: string; question: Question; option: OptionRow | null }

export type ResponseTable = {
  header: string[]
  rows: Value[][]
  /** What each question column is, for the Questions sheet. */
  columns: { number: number; question: string; option: string }[]
}

/** The table both exports write: one row per parliament (in the language's alphabetical order). */
export function buildResponseTable(questionnaire: Questionnaire, lang: Language): ResponseTable {
  const t = getFixedT(lang, ['surveys', 'common', 'network'])
  const { responses, answers, choices } = loadResponses(questionnaire.id)
  const answerOf = new Map<string, AnswerRow>()
  for (const a of answers) answerOf.set(`${a.responseId}:${a.questionId}`, a)
  const choiceOf = new Map<string, ChoiceRow>()
  const choseAny = new Set<string>()
  for (const c of choices) {
    choiceOf.set(`${c.responseId}:${c.questionId}:${c.optionId}`, c)
    choseAny.add(`${c.responseId}:${c.questionId}`)
  }

  const columns: Column[] = questionnaire.questions.flatMap((question): Column[] => {
    const text = pick(question.textEn, question.textAr, lang)
    if (question.kind === 'multiple_choice' || question.kind === 'matrix')
      return question.options.map((option) => ({
        header: t('export.optionColumn', {
          number: question.number,
          text,
          option: pick(option.labelEn, option.labelAr, lang),
        }),
        question,
        option,
      }))
    return [{ header: t('export.questionColumn', { number: question.number, text }), question, option: null }]
  })
  const optionLabel = new Map(
    questionnaire.questions.flatMap((q) => q.options.map((o) => [o.id, pick(o.labelEn, o.labelAr, lang)] as const)),
  )
  const yesNo = Object.fromEntries(yesNoValues.map((v) => [v, t(`results.yesNo.${v}`)]))

  const value = (responseId: number, column: Column): Value => {
    const { question, option } = column
    if (option) {
      if (question.kind === 'matrix')
        return choiceOf.get(`${responseId}:${question.id}:${option.id}`)?.scaleValue ?? null
      if (!choseAny.has(`${responseId}:${question.id}`)) return null
      return choiceOf.has(`${responseId}:${question.id}:${option.id}`) ? 1 : 0
    }
    const a = answerOf.get(`${responseId}:${question.id}`)
    if (!a) return null
    switch (question.kind) {
      case 'single_choice':
        return a.optionId === null ? null : (optionLabel.get(a.optionId) ?? null)
      case 'yes_no':
        return a.choice ? yesNo[a.choice]! : null
      case 'scale':
      case 'number':
        return a.numberValue
      case 'file':
        return a.fileName
      case 'mechanism': {
        const kind = a.mechanismKind ?? a.proposalKind
        if (!kind) return null
        const name = a.mechanismKind
          ? pick(a.mechanismEn ?? '', a.mechanismAr ?? '', lang)
          : pick(a.proposalEn ?? '', a.proposalAr ?? '', lang)
        return `${name} (${t(`mechanismKinds.${kind}`, { ns: 'network' })})`
      }
      default:
        return a.textValue || null
    }
  }

  const name = (r: ResponseRow) => pick(r.parliamentEn, r.parliamentAr, lang)
  const collator = new Intl.Collator(lang)
  const sorted = [...responses].sort((a, b) => collator.compare(name(a), name(b)) || a.id - b.id)
  return {
    header: [
      t('export.parliament'),
      t('export.region'),
      t('export.kind'),
      t('export.submittedOn'),
      ...columns.map((c) => c.header),
    ],
    rows: sorted.map((r) => [
      name(r),
      t(`regions.${r.region}`, { ns: 'common' }),
      t(`parliamentKinds.${r.pkind}`, { ns: 'common' }),
      r.submittedAt ? new Date(r.submittedAt * 1000).toISOString().slice(0, 10) : null,
      ...columns.map((c) => value(r.id, c)),
    ]),
    columns: columns.map((c) => ({
      number: c.question.number,
      question: pick(c.question.textEn, c.question.textAr, lang),
      option: c.option ? pick(c.option.labelEn, c.option.labelAr, lang) : '',
    })),
  }
}

/** RFC 4180: commas, CRLF, quotes doubled inside quoted fields; UTF-8 with a BOM. Numbers stay numbers. */
export function responsesCsv(questionnaire: Questionnaire, lang: Language) {
  const { header, rows } = buildResponseTable(questionnaire, lang)
  const cell = (v: Value) => (typeof v === 'number' ? String(v) : csvCell(v))
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}

function sheet(workbook: ExcelJS.Workbook, name: string, lang: Language, frozen: { x: number; y: number }) {
  return workbook.addWorksheet(name, {
    views: [{ rightToLeft: lang === 'ar', state: 'frozen', xSplit: frozen.x, ySplit: frozen.y }],
  })
}

function addRows(ws: ExcelJS.Worksheet, rows: Value[][]) {
  for (const row of rows) ws.addRow(row.map((v) => (typeof v === 'string' ? defuse(v) : v)))
}

/** exceljs is loaded on the first export, not with the server (it is large and most processes never export). */
async function newWorkbook() {
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  workbook.creator = 'ParlNet'
  // A fixed date: the same data gives the same file.
  workbook.created = new Date(0)
  workbook.modified = new Date(0)
  return workbook
}

async function bytesOf(workbook: ExcelJS.Workbook) {
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The XLSX of the responses: a Responses sheet (the table) and a Questions sheet saying what each column is. */
export async function responsesXlsx(questionnaire: Questionnaire, lang: Language) {
  const t = getFixedT(lang, 'surveys')
  const table = buildResponseTable(questionnaire, lang)
  const workbook = await newWorkbook()
  const responses = sheet(workbook, t('export.sheets.responses'), lang, { x: 1, y: 1 })
  addRows(responses, [table.header])
  responses.getRow(1).font = { bold: true }
  addRows(responses, table.rows)
  responses.columns.forEach((column, i) => (column.width = i === 0 ? 40 : 22))
  const questions = sheet(workbook, t('export.sheets.questions'), lang, { x: 0, y: 1 })
  addRows(questions, [
    [t('export.number'), t('export.question'), t('export.option')],
    ...table.columns.map((c) => [c.number, c.question, c.option]),
  ])
  questions.getRow(1).font = { bold: true }
  questions.columns.forEach((column, i) => (column.width = i === 0 ? 10 : 60))
  return bytesOf(workbook)
}

/** The label of each counted answer of a question, in the language. */
function answerLabels(question: Question, lang: Language) {
  const t = getFixedT(lang, ['surveys', 'common', 'network'])
  const options = new Map(question.options.map((o) => [String(o.id), pick(o.labelEn, o.labelAr, lang)]))
  return (key: string) => {
    if (question.kind === 'single_choice' || question.kind === 'multiple_choice') return options.get(key) ?? key
    if (question.kind === 'yes_no') return t(`results.yesNo.${key}`)
    if (question.kind === 'mechanism') return t(`mechanismKinds.${key}`, { ns: 'network' })
    return key
  }
}

/** The aggregate figures of one cell as rows of a sheet (a hidden cell as one row that says so). */
function figureRows(question: Question, cell: Cell, group: string, lang: Language): Value[][] {
  const t = getFixedT(lang, 'surveys')
  const head = (f: Figures | null): Value[] => [
    t('export.questionColumn', { number: question.number, text: pick(question.textEn, question.textAr, lang) }),
    group,
    f ? f.answered : t('export.hidden', { min: minimumCell }),
    f ? f.submitted : null,
    f?.rate ?? null,
  ]
  if (cell.hidden) return [head(null)]
  const label = answerLabels(question, lang)
  const rows: Value[][] = [head(cell)]
  for (const c of cell.counts)
    rows.push([null, null, null, null, null, label(c.key), c.count, cell.answered ? c.count / cell.answered : null])
  if (cell.mean !== null) rows.push([null, null, null, null, null, t('export.mean'), cell.mean])
  if (cell.median !== null) rows.push([null, null, null, null, null, t('export.median'), cell.median])
  for (const r of cell.rows) {
    const option = question.options.find((o) => o.id === r.optionId)
    const name = option ? pick(option.labelEn, option.labelAr, lang) : ''
    rows.push([null, null, null, null, null, `${name}: ${t('export.mean')}`, r.mean])
    rows.push([null, null, null, null, null, `${name}: ${t('export.median')}`, r.median])
  }
  return rows
}

/**
 * The library report of a questionnaire's results (made from results computed for aggregate viewers): sheets of
 * the figures for all respondents, by region and by kind of parliament.
 */
export async function reportXlsx(questionnaire: Questionnaire, results: SurveyResults, lang: Language) {
  const t = getFixedT(lang, ['surveys', 'common'])
  const workbook = await newWorkbook()
  const header: Value[] = [
    t('export.question'),
    t('export.group'),
    t('export.answered'),
    t('export.submitted'),
    t('export.rate'),
    t('export.answer'),
    t('export.count'),
    t('export.share'),
  ]
  const questionOf = new Map(questionnaire.questions.map((q) => [q.id, q]))
  const write = (name: string, cells: (r: SurveyResults['questions'][number]) => { group: string; cell: Cell }[]) => {
    const ws = sheet(workbook, name, lang, { x: 0, y: 1 })
    addRows(ws, [header])
    ws.getRow(1).font = { bold: true }
    for (const r of results.questions) {
      const question = questionOf.get(r.questionId)!
      for (const c of cells(r)) addRows(ws, figureRows(question, c.cell, c.group, lang))
    }
    ws.columns.forEach((column, i) => (column.width = i === 0 ? 50 : i === 5 ? 36 : 16))
    ws.getColumn(5).numFmt = '0.0%'
    ws.getColumn(8).numFmt = '0.0%'
  }
  write(t('export.sheets.results'), (r) => [{ group: t('export.all'), cell: r.overall }])
  write(t('export.sheets.region'), (r) =>
    r.byRegion.map((g) => ({ group: t(`regions.${g.key}`, { ns: 'common' }), cell: g.cell })),
  )
  write(t('export.sheets.kind'), (r) =>
    r.byKind.map((g) => ({ group: t(`parliamentKinds.${g.key}`, { ns: 'common' }), cell: g.cell })),
  )
  return bytesOf(workbook)
}

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** survey-12-responses-ar.xlsx: ASCII, the same in every language but for its code. */
export function exportFileName(surveyId: number, what: 'responses' | 'results', lang: Language, ext: 'csv' | 'xlsx') {
  return `survey-${surveyId}-${what}-${lang}.${ext}`
}

/** `?lang=` of an export: en when absent; anything but en or ar is a 400. */
export function readExportLanguage(request: Request): Language {
  const lang = new URL(request.url).searchParams.get('lang') ?? 'en'
  if (!isLanguage(lang)) throw new Response('Bad Request', { status: 400 })
  return lang
}
