// The answers of a response as the answer form posts them and as they are stored (issue 16): read from the form
// (the names of components/question-field.tsx), checked against the question they answer, one kind at a time, and
// the questionnaire's display conditions applied. Pure, so the browser and the server judge a form alike.
import { mechanismKinds, type MechanismKind } from '#db/enums'
import { hasNul, hasVisibleText } from '~/utils/validation/text'
import type { AnswerError } from './answer-errors'
import {
  mechanismProposalFields,
  newMechanismValue,
  questionFieldNames,
  type QuestionFieldValue,
} from './components/question-field'
import { isShown } from './conditions'
import type { Question } from './questionnaire.server'
import { scaleMax, scaleMin, surveyLimits, yesNoValues, type YesNoValue } from './vocabulary'

/** The form's names start with this (question-field.tsx's default). */
export const answerPrefix = 'answers.'

/** What the form sent for one question: the field's value, plus the pending upload of a file question. */
export type AnswerFormValue = QuestionFieldValue & { upload?: string }
export type AnswerFormValues = Record<number, AnswerFormValue>

/** A new mechanism described in an answer (a `mechanism_proposal` once saved). */
export type ProposalInput = {
  kind: MechanismKind
  nameEn: string
  nameAr: string
  descriptionEn: string
  descriptionAr: string
  year: number | null
}

/** One answer, checked, in the shape it is stored in (see db/schema/surveys.ts). */
export type Answer =
  | { kind: 'single_choice'; optionId: number }
  | { kind: 'multiple_choice'; optionIds: number[] }
  | { kind: 'yes_no'; choice: YesNoValue }
  | { kind: 'scale' | 'number'; value: number }
  | { kind: 'date' | 'short_text' | 'long_text'; text: string }
  | { kind: 'matrix'; rows: Record<number, number> }
  | { kind: 'file'; fileId: number }
  | { kind: 'file'; upload: string }
  | { kind: 'mechanism'; mechanismId: number }
  | { kind: 'mechanism'; proposal: ProposalInput }

/** The mechanism directory's limits (a proposal, once accepted, is a row of it). */
export const proposalLimits = { name: 200, description: 2000, firstYear: 1945 } as const

/** Questions still asked: a closed question keeps its answers but takes no new ones. */
export const openQuestions = (questions: readonly Question[]) => questions.filter((q) => q.closedAt === null)

const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '')
const texts = (list: FormDataEntryValue[]) => list.filter((v): v is string => typeof v === 'string')

/** Reads the form's answers to the questions still asked (anything else it holds is ignored). */
export function readAnswerForm(formData: FormData, questions: readonly Question[], prefix = answerPrefix) {
  const out: AnswerFormValues = {}
  const keys = [...new Set(formData.keys())]
  for (const q of openQuestions(questions)) {
    const names = questionFieldNames(q, prefix)
    switch (q.kind) {
      case 'single_choice':
      case 'multiple_choice':
        out[q.id] = { optionIds: texts(formData.getAll(names.base)) }
        break
      case 'yes_no':
        out[q.id] = { choice: text(formData.get(names.base)) }
        break
      case 'scale':
      case 'number':
        out[q.id] = { number: text(formData.get(names.base)) }
        break
      case 'date':
      case 'short_text':
      case 'long_text':
        out[q.id] = { text: text(formData.get(names.base)) }
        break
      case 'matrix': {
        const rows: Record<string, string> = {}
        const start = `${names.base}.r`
        for (const key of keys) if (key.startsWith(start)) rows[key.slice(start.length)] = text(formData.get(key))
        out[q.id] = { rows }
        break
      }
      case 'file':
        out[q.id] = { upload: text(formData.get(names.base)) }
        break
      case 'mechanism':
        out[q.id] = {
          mechanismId: text(formData.get(names.mechanismId)),
          proposal: Object.fromEntries(mechanismProposalFields.map((f) => [f, text(formData.get(names.proposal(f)))])),
        }
        break
    }
  }
  return out
}

type Checked = { ok: true; answer: Answer | null } | { ok: false; error: AnswerError }
const none: Checked = { ok: true, answer: null }
const refuse = (error: AnswerError): Checked => ({ ok: false, error })
const accept = (answer: Answer): Checked => ({ ok: true, answer })

// Digits as an Arabic keyboard may type them, and its decimal separator.
const arabicDigits = /[\u0660-\u0669\u06F0-\u06F9]/g
function readNumber(raw: string) {
  const s = raw
    .trim()
    .replace(arabicDigits, (d) => String(((d.codePointAt(0)! - 0x0660) % 0x90) % 10))
    .replace(/\u066B/g, '.')
    .replace(/\u2212/g, '-')
  if (s === '') return null
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number.NaN
  const n = Number(s)
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : Number.NaN
}

function isCalendarDate(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1800 || y > 2200) return false
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

function checkText(raw: string, max: number, multiline: boolean): Checked | string {
  const value = (multiline ? raw.replace(/\r\n?/g, '\n') : raw).trim()
  if (hasNul(value)) return refuse('invalidCharacters')
  if (value.length > max) return refuse('tooLong')
  return hasVisibleText(value) ? value : none
}

function checkProposal(p: Partial<Record<string, string>>, now: Date): Checked | ProposalInput {
  const kind = (p.kind ?? '').trim()
  const fields = { nameEn: p.nameEn ?? '', nameAr: p.nameAr ?? '' }
  const names: Record<string, string> = {}
  for (const [key, raw] of Object.entries(fields)) {
    const v = checkText(raw, proposalLimits.name, false)
    if (typeof v !== 'string' && !v.ok) return v
    names[key] = typeof v === 'string' ? v : ''
  }
  const descriptions: Record<string, string> = {}
  for (const key of ['descriptionEn', 'descriptionAr'] as const) {
    const v = checkText(p[key] ?? '', proposalLimits.description, true)
    if (typeof v !== 'string' && !v.ok) return v
    descriptions[key] = typeof v === 'string' ? v : ''
  }
  if (!names.nameEn && !names.nameAr) return refuse('mechanismNameRequired')
  if (!(mechanismKinds as readonly string[]).includes(kind)) return refuse('mechanismKindRequired')
  const yearText = (p.year ?? '').trim()
  let year: number | null = null
  if (yearText) {
    const y = readNumber(yearText)
    if (y === null || !Number.isInteger(y) || y < proposalLimits.firstYear || y > now.getUTCFullYear()) {
      return refuse('mechanismYearInvalid')
    }
    year = y
  }
  return {
    kind: kind as MechanismKind,
    nameEn: names.nameEn!,
    nameAr: names.nameAr!,
    descriptionEn: descriptions.descriptionEn!,
    descriptionAr: descriptions.descriptionAr!,
    year,
  }
}

/** What the server knows beside the form: the parliament's mechanisms, the file already given, the date. */
export type AnswerContext = { mechanismIds: ReadonlySet<number>; keptFileId?: number | null; now: Date }

/**
 * One answer checked against its question: the stored shape, null when left empty, or why it is refused. Choices
 * must be the question's own options, numbers within its bounds, a scale 1–5, dates real days, texts within their
 * limits, a matrix's rows its own, a mechanism one of the parliament's or a new one described with a kind and name.
 */
export function checkAnswer(q: Question, v: AnswerFormValue | undefined, ctx: AnswerContext): Checked {
  if (!v) return none
  const optionIds = new Set(q.options.map((o) => String(o.id)))
  switch (q.kind) {
    case 'single_choice': {
      const picked = (v.optionIds ?? []).filter((s) => s !== '')
      if (picked.length === 0) return none
      if (picked.length > 1) return refuse('tooManyOptions')
      if (!optionIds.has(picked[0]!)) return refuse('optionUnknown')
      return accept({ kind: 'single_choice', optionId: Number(picked[0]) })
    }
    case 'multiple_choice': {
      const picked = [...new Set((v.optionIds ?? []).filter((s) => s !== ''))]
      if (picked.length === 0) return none
      if (picked.some((s) => !optionIds.has(s))) return refuse('optionUnknown')
      const ordered = q.options.filter((o) => picked.includes(String(o.id))).map((o) => o.id)
      return accept({ kind: 'multiple_choice', optionIds: ordered })
    }
    case 'yes_no': {
      const choice = (v.choice ?? '').trim()
      if (!choice) return none
      if (!(yesNoValues as readonly string[]).includes(choice)) return refuse('choiceInvalid')
      return accept({ kind: 'yes_no', choice: choice as YesNoValue })
    }
    case 'scale': {
      const n = readNumber(v.number ?? '')
      if (n === null) return none
      if (!Number.isInteger(n) || n < scaleMin || n > scaleMax) return refuse('scaleInvalid')
      return accept({ kind: 'scale', value: n })
    }
    case 'number': {
      const n = readNumber(v.number ?? '')
      if (n === null) return none
      if (Number.isNaN(n)) return refuse('numberInvalid')
      if (q.numberMin !== null && n < q.numberMin) return refuse('numberTooSmall')
      if (q.numberMax !== null && n > q.numberMax) return refuse('numberTooLarge')
      return accept({ kind: 'number', value: n })
    }
    case 'date': {
      const s = (v.text ?? '').trim()
      if (!s) return none
      if (!isCalendarDate(s)) return refuse('dateInvalid')
      return accept({ kind: 'date', text: s })
    }
    case 'short_text':
    case 'long_text': {
      const long = q.kind === 'long_text'
      const checked = checkText(v.text ?? '', long ? surveyLimits.longText : surveyLimits.shortText, long)
      return typeof checked === 'string' ? accept({ kind: q.kind, text: checked }) : checked
    }
    case 'matrix': {
      const rows: Record<number, number> = {}
      for (const [key, raw] of Object.entries(v.rows ?? {})) {
        if (!optionIds.has(key)) return refuse('optionUnknown')
        const n = readNumber(raw)
        if (n === null) continue
        if (!Number.isInteger(n) || n < scaleMin || n > scaleMax) return refuse('scaleInvalid')
        rows[Number(key)] = n
      }
      return Object.keys(rows).length ? accept({ kind: 'matrix', rows }) : none
    }
    case 'file': {
      const upload = (v.upload ?? '').trim()
      if (upload) return accept({ kind: 'file', upload })
      return ctx.keptFileId ? accept({ kind: 'file', fileId: ctx.keptFileId }) : none
    }
    case 'mechanism': {
      const picked = (v.mechanismId ?? '').trim()
      const proposal = v.proposal ?? {}
      const described = Boolean((proposal.nameEn ?? '').trim() || (proposal.nameAr ?? '').trim())
      // Without JavaScript the "new mechanism" fields are always shown: filling them in is choosing them.
      if (picked === newMechanismValue || (picked === '' && described)) {
        const checked = checkProposal(proposal, ctx.now)
        return 'ok' in checked ? checked : accept({ kind: 'mechanism', proposal: checked })
      }
      if (picked === '') return none
      const id = /^[1-9]\d{0,15}$/.test(picked) ? Number(picked) : 0
      if (!ctx.mechanismIds.has(id)) return refuse('mechanismUnknown')
      return accept({ kind: 'mechanism', mechanismId: id })
    }
  }
}

/** An answer as a display condition reads it: an option id or yes/no word, or the options ticked. */
export function conditionValueOf(answer: Answer | null | undefined): string | string[] | null {
  if (!answer) return null
  if (answer.kind === 'single_choice') return String(answer.optionId)
  if (answer.kind === 'multiple_choice') return answer.optionIds.map(String)
  if (answer.kind === 'yes_no') return answer.choice
  return null
}

/**
 * The questions shown, in reading order: a question whose condition names an earlier question is shown when that
 * one is shown and answered with the condition's value (so a chain hides together).
 */
export function shownQuestionIds(questions: readonly Question[], answers: ReadonlyMap<number, Answer | null>) {
  const shown = new Set<number>()
  for (const q of questions) {
    const source = q.conditionQuestionId
    const sourceAnswer = source !== null && shown.has(source) ? conditionValueOf(answers.get(source)) : null
    if (isShown(q, sourceAnswer)) shown.add(q.id)
  }
  return shown
}

/** Why a shown question's answer does not complete it at submission, or null. */
export function missingAnswer(q: Question, answer: Answer | null | undefined): AnswerError | null {
  if (!q.isRequired) return null
  if (!answer) return 'required'
  if (answer.kind === 'matrix' && q.options.some((o) => answer.rows[o.id] === undefined)) return 'matrixIncomplete'
  return null
}

/** The form's value of a stored answer (what the field shows when the page opens). */
export function fieldValueOf(
  answer: Answer | null | undefined,
  extra: { file?: { name: string; href?: string } | null; proposal?: ProposalInput | null } = {},
): QuestionFieldValue {
  if (!answer) return {}
  switch (answer.kind) {
    case 'single_choice':
      return { optionIds: [String(answer.optionId)] }
    case 'multiple_choice':
      return { optionIds: answer.optionIds.map(String) }
    case 'yes_no':
      return { choice: answer.choice }
    case 'scale':
    case 'number':
      return { number: String(answer.value) }
    case 'date':
    case 'short_text':
    case 'long_text':
      return { text: answer.text }
    case 'matrix':
      return { rows: Object.fromEntries(Object.entries(answer.rows).map(([k, n]) => [k, String(n)])) }
    case 'file':
      return { file: extra.file ?? null }
    case 'mechanism':
      if ('mechanismId' in answer) return { mechanismId: String(answer.mechanismId) }
      return {
        mechanismId: newMechanismValue,
        proposal: {
          ...answer.proposal,
          year: answer.proposal.year === null ? '' : String(answer.proposal.year),
        },
      }
  }
}
