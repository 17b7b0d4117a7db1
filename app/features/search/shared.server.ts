// The search engine's shared pieces: its limits and the prepared statements it keeps per connection.
//   decided by the same rule as the rest of the library.
import { type Db } from '~/utils/db.server'
export const RESOURCE_PAGE_SIZE = 20
/** bm25 is computed over every match up to this many; above, the ranking is by tiers (see rankPage). */
export const EXACT_RANK_LIMIT = 3000
/** bm25 weights of resource_fts's columns: title, summary (with authors, keywords, publisher), body. */
export const STEM_WEIGHTS = [10, 3, 1] as const
/** The change log keeps this many entries; a facet table further behind reloads everything. */
export const CHANGE_LOG_KEEP = 2000
/** Above this many changed resources at once, reloading the whole facet table is quicker. */
export const INCREMENTAL_LIMIT = 500

export type Client = Db['$client']
export const makeStatement = (client: Client, text: string) => client.prepare<unknown[]>(text)
export type Statement = ReturnType<typeof makeStatement>

// Prepared statements, per connection (tests and scripts open several).
export const statementCache = new WeakMap<Client, Map<string, Statement>>()
export function prepare(client: Client, text: string) {
  let cache = statementCache.get(client)
  if (!cache) statementCache.set(client, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = makeStatement(client, text)))
  return statement
}

// One reusable buffer for id lists being built, copied out at their exact size: large short-lived typed arrays
// are memory outside V8's heap, and allocating them per search made the garbage collector a third of the time.
let scratchBuffer = new Int32Array(1 << 16)
export function scratch(size: number) {
  if (scratchBuffer.length < size) scratchBuffer = new Int32Array(Math.max(size, scratchBuffer.length * 2))
  return scratchBuffer
}
