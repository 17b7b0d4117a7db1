import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { searchTerms } from '~/utils/arabic'

/** Escapes LIKE's wildcards so a typed % or _ is matched literally (should a term ever keep one). */
function likeEscape(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** One condition per word of `q` (folded, app/utils/arabic.ts): each must appear in `haystack`, already folded. */
export function everyTermIn(haystack: SQLWrapper, q: string): SQL[] {
  return searchTerms(q).map((term) => sql`${haystack} LIKE ${`%${likeEscape(term)}%`} ESCAPE '\\'`)
}
