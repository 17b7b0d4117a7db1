// What the results page and its model share with the browser: the views of the page and the kinds of question whose
// answers are listed by parliament (no imports of server code).
import type { QuestionKind } from './vocabulary'

/** All respondents, or a breakdown by region or by kind of parliament (`?by=`). */
export const resultsViews = ['all', 'region', 'kind'] as const
export type ResultsView = (typeof resultsViews)[number]

/** `?by=` of the results page: all respondents unless a known breakdown is asked for. */
export function readResultsView(search: URLSearchParams): ResultsView {
  const by = search.get('by')
  return by === 'region' || by === 'kind' ? by : 'all'
}

/** Kinds whose answers are listed by parliament for coordinators (they are not counted by value, or not only). */
export const listedKinds: readonly QuestionKind[] = ['short_text', 'long_text', 'date', 'file', 'mechanism']

/** Kinds whose answers are counted per option, value, year or kind of mechanism (a chart of counts). */
export const countedKinds: readonly QuestionKind[] = [
  'single_choice',
  'multiple_choice',
  'yes_no',
  'scale',
  'date',
  'mechanism',
]
