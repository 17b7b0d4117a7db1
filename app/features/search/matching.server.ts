// Matching: the resources a parsed query matches, whatever their state, on one side of the indexes: 'all' (stems
// in resource_fts, word beginnings in resource_words_fts) or 'title' (resource_title_fts: the ranking's first
// tier). Without bitmaps one MATCH answers (word beginnings, which the stems index cannot answer, are looked up on
// their own). Terms with a bitmap (bitmaps.server.ts: the library's most frequent entries) are read from it, the
// other items from FTS5 in one MATCH, and the sets are combined here by AND, OR and NOT.
import { buildMatchExpression, single, type ParsedQuery, type QueryItem, type QueryTerm } from './query'
import { bitmapKey, readBitmap, type Side } from './bitmaps.server'
import { FacetTable } from './facet-table.server'
import { INDEX_TABLES } from './indexing.server'
import { and, minus, or, parseIdList, toList, type IdSet } from './id-sets.server'
import { Client, prepare } from './shared.server'

/** Keeps a set a while (a facet click repeats the query), dropping the oldest beyond 16. */
function remember<T extends IdSet>(table: FacetTable, key: string, set: T) {
  if (table.matches.size >= 16) table.matches.delete(table.matches.keys().next().value!)
  table.matches.set(key, set)
  return set
}

/** The ids matching a MATCH expression in one index, ascending (kept a while). */
export function idsMatching(
  client: Client,
  table: FacetTable,
  index: (typeof INDEX_TABLES)[number],
  expression: string,
) {
  const key = `${index}\u0000${expression}`
  const cached = table.matches.get(key)
  if (cached) return cached as Int32Array
  const text = prepare(client, `SELECT group_concat(rowid) FROM ${index} WHERE ${index} MATCH ?`)
    .pluck()
    .get(expression) as string | null
  return remember(table, key, parseIdList(text))
}

/** A term's bitmap on one side (kept a while), or null when it has none. */
function bitmapOf(client: Client, table: FacetTable, term: QueryTerm, side: Side) {
  const key = bitmapKey(term, side)
  if (!key) return null
  const cached = table.matches.get(`bitmap\u0000${key}`)
  if (cached) return cached as Uint8Array
  const bits = readBitmap(client, key)
  return bits && remember(table, `bitmap\u0000${key}`, bits)
}

/** One term on its own, from FTS5. */
function termIds(client: Client, table: FacetTable, term: QueryTerm, side: Side) {
  if (side === 'title') {
    return idsMatching(client, table, 'resource_title_fts', buildMatchExpression(single(term), 'words')!)
  }
  return term.kind === 'prefix'
    ? idsMatching(client, table, 'resource_words_fts', buildMatchExpression(single(term), 'words')!)
    : idsMatching(client, table, 'resource_fts', buildMatchExpression(single(term), 'stems')!)
}

/** The resources the query matches on one side, as a sorted list or a bitmap. */
export function matchSet(client: Client, table: FacetTable, parsed: ParsedQuery, side: Side): IdSet {
  const index = side === 'title' ? 'resource_title_fts' : 'resource_fts'
  const kind = side === 'title' ? 'words' : 'stems'
  const items = parsed.items.map((item) => ({ item, bitmaps: item.anyOf.map((t) => bitmapOf(client, table, t, side)) }))
  if (!items.some((i) => i.bitmaps.some(Boolean)) && (side === 'title' || !parsed.hasPrefix)) {
    return idsMatching(client, table, index, buildMatchExpression(parsed, kind)!)
  }
  type Item = (typeof items)[number]
  // What FTS5 answers in one MATCH: the items without a bitmap (on the stems side, without a word beginning).
  const inOneMatch = (i: Item) =>
    !i.bitmaps.some(Boolean) && (side === 'title' || !i.item.anyOf.some((t) => t.kind === 'prefix'))
  const itemSet = (i: Item) =>
    i.item.anyOf.map((t, k): IdSet => i.bitmaps[k] ?? termIds(client, table, t, side)).reduce(or)
  const together: QueryItem[] = items.filter((i) => !i.item.negated && inOneMatch(i)).map((i) => i.item)
  const positive = items.filter((i) => !i.item.negated && !inOneMatch(i)).map(itemSet)
  // A list first: AND then filters it through the bitmaps.
  if (together.length) {
    positive.unshift(idsMatching(client, table, index, buildMatchExpression({ ...parsed, items: together }, kind)!))
  }
  positive.sort((a, b) => Number(a instanceof Uint8Array) - Number(b instanceof Uint8Array))
  let set = positive.reduce(and)
  for (const i of items) if (i.item.negated && set.length) set = minus(set, itemSet(i))
  return set
}

/** Every resource the query matches, whatever its state, ascending. */
export function queryIds(client: Client, table: FacetTable, parsed: ParsedQuery) {
  return toList(matchSet(client, table, parsed, 'all'))
}
