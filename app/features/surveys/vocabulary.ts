// The fixed lists of the surveys feature (issue 16): pure data with no imports, read by the schema, the server and
// the browser's forms alike (as drafts/vocabulary.ts, decision 025).

/** The kinds of question a questionnaire may hold. */
export const questionKinds = [
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
export type QuestionKind = (typeof questionKinds)[number]

/** Kinds whose answer picks among the question's options (`survey_option`); a matrix's options are its rows. */
export const kindsWithOptions: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'matrix']
/** Kinds answered on the 1–5 scale with labelled ends (a matrix: each row on that scale). */
export const kindsWithScale: readonly QuestionKind[] = ['scale', 'matrix']

/** The three answers of a yes/no/don't-know question, stored as these words. */
export const yesNoValues = ['yes', 'no', 'dont_know'] as const
export type YesNoValue = (typeof yesNoValues)[number]

/** The scale of `scale` and `matrix` questions: 1 to 5, its two ends labelled in both languages. */
export const scaleMin = 1
export const scaleMax = 5

/**
 * A questionnaire's life: built and previewed (`draft`), sent to parliaments (`open`, answers accepted until the
 * deadline), `closed` by a coordinator (no answers, results kept).
 */
export const surveyStatuses = ['draft', 'open', 'closed'] as const
export type SurveyStatus = (typeof surveyStatuses)[number]

/** A parliament's response: invited (nothing written yet), started, submitted, reopened by a coordinator. */
export const responseStatuses = ['invited', 'started', 'submitted', 'reopened'] as const
export type ResponseStatus = (typeof responseStatuses)[number]

/** A mechanism described in an answer, waiting for a coordinator's review before it joins the directory. */
export const proposalStates = ['pending', 'accepted', 'rejected'] as const
export type ProposalState = (typeof proposalStates)[number]

/** Results are shown for a breakdown cell (a region, a kind) only when at least this many parliaments answered. */
export const minimumCell = 5

/** Limits of what one questionnaire may hold (checked by the schemas, so a forged form cannot pass them). */
export const surveyLimits = {
  sections: 30,
  questions: 200,
  optionsPerQuestion: 40,
  shortText: 300,
  longText: 20_000,
  title: 300,
  intro: 10_000,
  help: 2_000,
} as const
