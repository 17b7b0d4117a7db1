import { sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm'
import { searchTerms } from '~/utils/arabic'

/** Escapes LIKE's wildcards so a typed % or _ is matched literally (should a term ever keep one). */
function likeEscape(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

const pattern = (term: string) => `%${likeEscape(term)}%`
const contains = (haystack: SQLWrapper, value: string | Placeholder) => sql`${haystack} LIKE ${value} ESCAPE '\\'`

/** One condition per word of `q` (folded, app/utils/arabic.ts): each must appear in `haystack`, already folded. */
export function everyTermIn(haystack: SQLWrapper, q: string): SQL[] {
  return searchTerms(q).map((term) => contains(haystack, pattern(term)))
}

/** everyTermIn for a query built once per number of words: placeholders `term0`, `term1`… (see termValues). */
export function everyTermPlaceholderIn(haystack: SQLWrapper, count: number): SQL[] {
  return Array.from({ length: count }, (_, i) => contains(haystack, sql.placeholder(`term${i}`)))
}

/** The words of `q` as the values of everyTermPlaceholderIn's placeholders; `count` says how many there are. */
export function termValues(q: string) {
  const terms = searchTerms(q)
  return { count: terms.length, values: Object.fromEntries(terms.map((term, i) => [`term${i}`, pattern(term)])) }
}
