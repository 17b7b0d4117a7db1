// The zod schemas of every input the questionnaire builder takes (issue 16): the questionnaire's fields, sections,
// questions with their options, display conditions, and sending. Messages are codes of errors.ts; the forms show
// them per field, and a model function given unparsed input answers the first one as its Result's error.
import { parliamentKinds, regions } from '#db/enums'
import { readId } from '~/utils/ids'
import { choices, isIsoDate } from '~/utils/validation/lists'
import { optionalText } from '~/utils/validation/text'
import { z } from '~/utils/zod'
import { kindsWithOptions, questionKinds, surveyLimits, type QuestionKind } from './vocabulary'

/** An id from a form (a string) or from code (a number): a positive safe integer, or 'invalidChoice'. */
const id = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const read = readId(v)
  if (read === null) {
    ctx.addIssue({ code: 'custom', message: 'invalidChoice' })
    return z.NEVER
  }
  return read
})

/** A checkbox: ticked ('on', as a browser sends it) or not (absent). */
const flag = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

/** A number typed in a form (a decimal comma accepted), or null when left empty. */
const optionalNumber = z
  .union([z.number(), z.string().trim().max(40, 'numberInvalid')])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return null
    const n = typeof v === 'number' ? v : /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v) ? Number(v.replace(',', '.')) : NaN
    if (!Number.isFinite(n) || Math.abs(n) > 1e12) {
      ctx.addIssue({ code: 'custom', message: 'numberInvalid' })
      return z.NEVER
    }
    return n
  })

/** The questionnaire's own fields: a title in at least one language, an introduction. */
export const SurveySchema = z
  .object({
    titleEn: optionalText(surveyLimits.title),
    titleAr: optionalText(surveyLimits.title),
    introEn: optionalText(surveyLimits.intro),
    introAr: optionalText(surveyLimits.intro),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', message: 'titleOneLanguage', path: ['titleEn'] })
  })
export type SurveyInput = z.output<typeof SurveySchema>

/** A section: its title and description are optional ("Section 2" stands in). */
export const SectionSchema = z.object({
  titleEn: optionalText(surveyLimits.title),
  titleAr: optionalText(surveyLimits.title),
  descriptionEn: optionalText(surveyLimits.help),
  descriptionAr: optionalText(surveyLimits.help),
})
export type SectionInput = z.output<typeof SectionSchema>

/** One option of a choice (or one row of a matrix): an existing one has its id; `remove` takes it away. */
const OptionRowSchema = z.object({
  id: id.optional(),
  labelEn: optionalText(surveyLimits.title),
  labelAr: optionalText(surveyLimits.title),
  remove: flag,
})
export type OptionRowInput = z.output<typeof OptionRowSchema>

/**
 * "Shown if the answer to question 12 is yes", written `12:yes` (or `12:<option id>`), as the form's one select
 * sends it; empty: always shown.
 */
const condition = z
  .string()
  .trim()
  .max(60, 'conditionInvalid')
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const match = /^([1-9]\d{0,15}):([a-z0-9_]{1,20})$/.exec(v)
    const questionId = match ? readId(match[1]) : null
    if (!match || questionId === null) {
      ctx.addIssue({ code: 'custom', message: 'conditionInvalid' })
      return z.NEVER
    }
    return { questionId, value: match[2]! }
  })

/**
 * A question: its kind, words in at least one language, help, whether it is required, its options (choices) or rows
 * (matrix), its scale's end labels, its unit and bounds, and its display condition. Fields a kind does not use are
 * accepted and left out when it is saved (a form without JavaScript shows them all).
 */
export const QuestionSchema = z
  .object({
    sectionId: id,
    kind: z.enum(questionKinds, { error: 'invalidChoice' }),
    textEn: optionalText(surveyLimits.help),
    textAr: optionalText(surveyLimits.help),
    helpEn: optionalText(surveyLimits.help),
    helpAr: optionalText(surveyLimits.help),
    isRequired: flag,
    scaleLowEn: optionalText(surveyLimits.title),
    scaleLowAr: optionalText(surveyLimits.title),
    scaleHighEn: optionalText(surveyLimits.title),
    scaleHighAr: optionalText(surveyLimits.title),
    unitEn: optionalText(surveyLimits.title),
    unitAr: optionalText(surveyLimits.title),
    numberMin: optionalNumber,
    numberMax: optionalNumber,
    condition,
    // Blank rows (a new option left empty) arrive as nothing at all once conform drops empty strings.
    options: z
      .array(OptionRowSchema.optional())
      .max(surveyLimits.optionsPerQuestion * 2, 'tooManyOptions')
      .optional()
      .transform((rows) =>
        (rows ?? []).filter((r): r is OptionRowInput => Boolean(r && (r.id !== undefined || r.labelEn || r.labelAr))),
      ),
  })
  .superRefine((v, ctx) => {
    if (!v.textEn && !v.textAr) ctx.addIssue({ code: 'custom', message: 'textOneLanguage', path: ['textEn'] })
    if (usesOptions(v.kind)) {
      const kept = v.options.filter((o) => !o.remove)
      if (kept.length > surveyLimits.optionsPerQuestion)
        ctx.addIssue({ code: 'custom', message: 'tooManyOptions', path: ['options'] })
      v.options.forEach((o, i) => {
        if (!o.remove && !o.labelEn && !o.labelAr)
          ctx.addIssue({ code: 'custom', message: 'optionLabelOneLanguage', path: ['options', i, 'labelEn'] })
      })
      if (v.kind === 'matrix' ? kept.length < 1 : kept.length < 2)
        ctx.addIssue({
          code: 'custom',
          message: v.kind === 'matrix' ? 'rowsRequired' : 'optionsRequired',
          path: ['options'],
        })
    }
    if (v.kind === 'number' && v.numberMin !== null && v.numberMax !== null && v.numberMin > v.numberMax)
      ctx.addIssue({ code: 'custom', message: 'boundsOrder', path: ['numberMax'] })
  })
export type QuestionInput = z.output<typeof QuestionSchema>

export function usesOptions(kind: QuestionKind) {
  return kindsWithOptions.includes(kind)
}

/** Up or down: a section among the sections, a question among its section's questions. */
export const MoveSchema = z.object({ direction: z.enum(['up', 'down'], { error: 'invalidChoice' }) })

/** A list field as a form sends it: one ticked box arrives as a string, none as nothing. */
const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v])

/** Which parliaments a questionnaire is sent to. */
export const sendModes = ['all', 'region', 'kind', 'hand'] as const
export type SendMode = (typeof sendModes)[number]

/** How many parliaments may be named by hand in one sending (the network has about 270 chambers). */
export const maxChosenParliaments = 1000

/**
 * Sending: the parliaments (all of the network, those of some regions, of some kinds, or chosen by hand), the last
 * day answers are accepted (YYYY-MM-DD: until the end of that day, UTC) and how many days before it the reminder goes.
 */
export const SendSchema = z
  .object({
    mode: z.enum(sendModes, { error: 'invalidChoice' }),
    regions: z.preprocess(asList, choices(regions)),
    kinds: z.preprocess(asList, choices(parliamentKinds)),
    parliamentIds: z.preprocess(
      asList,
      z
        .array(id)
        .max(maxChosenParliaments, 'tooLong')
        .transform((list) => [...new Set(list)]),
    ),
    // A string only: conform would turn a date string into a Date at midnight for a schema that accepts dates.
    deadline: z
      .string({ error: 'deadlineRequired' })
      .trim()
      .max(40, 'dateInvalid')
      .optional()
      .transform((v, ctx) => {
        if (!v) {
          ctx.addIssue({ code: 'custom', message: 'deadlineRequired' })
          return z.NEVER
        }
        if (!isIsoDate(v)) {
          ctx.addIssue({ code: 'custom', message: 'dateInvalid' })
          return z.NEVER
        }
        return new Date(`${v}T23:59:59Z`)
      }),
    reminderDays: z
      .union([z.number(), z.string().trim().max(10, 'reminderDaysInvalid')])
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || v === '') return 7
        const n = typeof v === 'number' ? v : /^\d{1,3}$/.test(v) ? Number(v) : NaN
        if (!Number.isInteger(n) || n < 0 || n > 60) {
          ctx.addIssue({ code: 'custom', message: 'reminderDaysInvalid' })
          return z.NEVER
        }
        return n
      }),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'region' && v.regions.length === 0)
      ctx.addIssue({ code: 'custom', message: 'regionRequired', path: ['regions'] })
    if (v.mode === 'kind' && v.kinds.length === 0)
      ctx.addIssue({ code: 'custom', message: 'kindRequired', path: ['kinds'] })
    if (v.mode === 'hand' && v.parliamentIds.length === 0)
      ctx.addIssue({ code: 'custom', message: 'parliamentRequired', path: ['parliamentIds'] })
  })
export type SendInput = z.output<typeof SendSchema>
