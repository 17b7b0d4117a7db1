// Ranking: the page of a result in its order (bm25 tiers, or newest first) without sorting every match.
//   decided by the same rule as the rest of the library.
import { buildMatchExpression, type ParsedQuery } from './query'
import { ResourceFacets } from './facet-counts.server'
import { FacetTable } from './facet-table.server'
import { and, toList } from './id-sets.server'
import { matchSet } from './matching.server'
import { Client, STEM_WEIGHTS, prepare } from './shared.server'
/** Newer first: publication time, then id. */
export function newer(table: FacetTable, a: number, b: number) {
  const pa = table.publishedAt[a]!
  const pb = table.publishedAt[b]!
  return pa !== pb ? pb - pa : b - a
}

/** The first `k` of `ids` (ascending; minus those in `skip`, ascending too) by newest: a bounded selection. */
export function newest(table: FacetTable, ids: ArrayLike<number>, k: number, skip?: Int32Array) {
  const kept: number[] = []
  if (k <= 0) return kept
  let s = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    if (skip) {
      // Both ascending: skip what the other list holds, without a lookup table.
      while (s < skip.length && skip[s]! < id) s++
      if (s < skip.length && skip[s] === id) continue
    }
    if (kept.length < k) {
      kept.push(id)
      if (kept.length === k) kept.sort((a, b) => newer(table, a, b))
    } else if (newer(table, id, kept[k - 1]!) < 0) {
      // Insert in place (binary search); k is a page or a few, so the shift is short.
      let lo = 0
      let hi = k - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (newer(table, id, kept[mid]!) < 0) hi = mid
        else lo = mid + 1
      }
      kept.splice(lo, 0, id)
      kept.pop()
    }
  }
  if (kept.length < k) kept.sort((a, b) => newer(table, a, b))
  return kept
}

/**
 * One page of the hits by relevance. A query of words and phrases matching up to EXACT_RANK_LIMIT resources is
 * ranked by bm25 (title above summary above body; newer first among equals). Scoring every match of a common
 * word would cost far more than the page is worth (about 1.3 µs a match: 65 ms at 50,000), and word beginnings
 * have no bm25 of their own, so otherwise the hits are ranked in tiers: those with the query in their title
 * (resource_title_fts), then the others, each tier newest first — the order bm25's title weight mostly gives.
 */
export function rankPage(
  client: Client,
  table: FacetTable,
  parsed: ParsedQuery,
  matches: Int32Array,
  hits: Int32Array,
  offset: number,
  limit: number,
  exactLimit: number,
) {
  if (!parsed.hasPrefix && matches.length <= exactLimit) {
    const isHit = new Set(hits)
    const scored = prepare(
      client,
      `SELECT rowid, bm25(resource_fts, ${STEM_WEIGHTS.join(', ')}) FROM resource_fts WHERE resource_fts MATCH ?`,
    )
      .raw()
      .all(buildMatchExpression(parsed, 'stems')) as [number, number][]
    return scored
      .filter(([id]) => isHit.has(id))
      .sort((a, b) => a[1] - b[1] || newer(table, a[0], b[0]))
      .slice(offset, offset + limit)
      .map(([id]) => id)
  }
  const first = toList(and(hits, matchSet(client, table, parsed, 'title')))
  const fromFirst = newest(table, first, offset + limit).slice(offset)
  if (fromFirst.length >= limit) return fromFirst
  const rest = newest(table, hits, offset + limit - first.length, first)
  return [...fromFirst, ...rest.slice(Math.max(0, offset - first.length))]
}

export const emptyFacets: ResourceFacets = {
  type: [],
  pillar: [],
  resolution: [],
  theme: [],
  language: [],
  region: [],
  year: [],
}
