// Matching: the ids a parsed query matches in the FTS5 indexes, as sorted id lists combined by AND, OR and NOT.
//   decided by the same rule as the rest of the library.
import { buildMatchExpression, type ParsedQuery, type QueryItem, type QueryTerm } from './query'
import { FacetTable } from './facet-table.server'
import { INDEX_TABLES } from './indexing.server'
import { Client, prepare, scratch } from './shared.server'
/** "12,40,41" → Int32Array [12, 40, 41] (group_concat's text: the cheapest way out of SQLite for 50,000 ids). */
export function parseIdList(text: string | null) {
  if (!text) return new Int32Array(0)
  const out = scratch((text.length >> 1) + 1)
  let n = 0
  let v = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      out[n++] = v
      v = 0
    } else v = v * 10 + (c - 48)
  }
  out[n++] = v
  return out.slice(0, n)
}

/** The ids matching a MATCH expression in one index, ascending (kept a while: facet clicks repeat a query). */
export function idsMatching(
  client: Client,
  table: FacetTable,
  index: (typeof INDEX_TABLES)[number],
  expression: string,
) {
  const key = `${index}\u0000${expression}`
  const cached = table.matches.get(key)
  if (cached) return cached
  const text = prepare(client, `SELECT group_concat(rowid) FROM ${index} WHERE ${index} MATCH ?`)
    .pluck()
    .get(expression) as string | null
  const ids = parseIdList(text)
  if (table.matches.size >= 16) table.matches.delete(table.matches.keys().next().value!)
  table.matches.set(key, ids)
  return ids
}

/** Sorted id lists combined: a ∪ b, a ∩ b, a ∖ b. */
export function union(a: Int32Array, b: Int32Array) {
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity
    const y = j < b.length ? b[j]! : Infinity
    out[n++] = x <= y ? x : y
    if (x <= y) i++
    if (y <= x) j++
  }
  return out.subarray(0, n)
}
export function intersect(a: Int32Array, b: Int32Array, keep = true) {
  const out = new Int32Array(keep ? Math.min(a.length, b.length) : a.length)
  let j = 0
  let n = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    while (j < b.length && b[j]! < x) j++
    if ((j < b.length && b[j] === x) === keep) out[n++] = x
  }
  return out.subarray(0, n)
}

/**
 * Every resource the query matches, whatever its state. A query of words and phrases is one MATCH on the stems;
 * one with word beginnings is evaluated item by item (beginnings in the words index, the rest in the stems)
 * and the id lists combined here.
 */
export function queryIds(client: Client, table: FacetTable, parsed: ParsedQuery) {
  if (!parsed.hasPrefix) return idsMatching(client, table, 'resource_fts', buildMatchExpression(parsed, 'stems')!)
  const itemIds = (item: QueryItem) =>
    item.anyOf
      .map((term) =>
        term.kind === 'prefix'
          ? idsMatching(client, table, 'resource_words_fts', buildMatchExpression(single(term), 'words')!)
          : idsMatching(client, table, 'resource_fts', buildMatchExpression(single(term), 'stems')!),
      )
      .reduce(union)
  let ids: Int32Array | null = null
  for (const item of parsed.items.filter((i) => !i.negated)) {
    ids = ids ? intersect(ids, itemIds(item)) : itemIds(item)
    if (!ids.length) return ids
  }
  for (const item of parsed.items.filter((i) => i.negated)) ids = intersect(ids!, itemIds(item), false)
  return ids!
}

/** A query of one term (to look one term up on its own). */
export function single(term: QueryTerm): ParsedQuery {
  return {
    items: [{ negated: false, anyOf: [term] }],
    problem: null,
    capped: false,
    hasPrefix: term.kind === 'prefix',
    highlight: { stems: [], prefixes: [] },
  }
}
