// Display conditions ("show if Q4 is yes"), pure so the builder, the preview, the answer form and the server's
// checks read them the same way. A condition names an earlier question of one of `conditionSourceKinds` and a value:
// an option's id (as text) for a choice, one of `yesNoValues` for yes/no.
import { yesNoValues, type QuestionKind } from './vocabulary'

/** The kinds a display condition may be put on: their answers are one of a few known values. */
export const conditionSourceKinds: readonly QuestionKind[] = ['single_choice', 'multiple_choice', 'yes_no']

type Conditioned = { conditionQuestionId: number | null; conditionValue: string | null }
type Source = { id: number; kind: QuestionKind; options: { id: number }[] }

/** The values a condition on `source` may take. */
export function conditionValuesOf(source: Source): string[] {
  if (source.kind === 'yes_no') return [...yesNoValues]
  if (source.kind === 'single_choice' || source.kind === 'multiple_choice')
    return source.options.map((o) => String(o.id))
  return []
}

/**
 * Whether a question is shown, given the answer to the question its condition names (a single value: an option id
 * as text or a yes/no word; a list: the options ticked of a multiple choice). No condition: always shown.
 */
export function isShown(question: Conditioned, sourceAnswer: string | readonly string[] | null | undefined) {
  if (question.conditionQuestionId === null || question.conditionValue === null) return true
  if (sourceAnswer === null || sourceAnswer === undefined) return false
  return typeof sourceAnswer === 'string'
    ? sourceAnswer === question.conditionValue
    : sourceAnswer.includes(question.conditionValue)
}
