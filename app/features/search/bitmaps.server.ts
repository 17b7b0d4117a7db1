// Bitmaps of the indexes' most frequent entries (migrations/0008): the resources holding a common stem, word
// beginning or title word, read in a millisecond instead of handed out of FTS5 one id at a time (about 0.1 µs
// each: 60 ms for a word in 600,000 resources). Chosen by reindexAllResources, and at start-up when the library
// has grown or shrunk by half; kept in step by every write of the indexes (updateBitmaps). A library under
// BITMAP_MIN_DOCS resources has none, and the engine then works exactly as without them.
import { buildMatchExpression, single, type QueryTerm } from './query'
import { parseIdList } from './id-sets.server'
import { Client, prepare } from './shared.server'

/** Resource ids per row of a bitmap (512 bytes). */
export const BITMAP_CHUNK = 4096
const CHUNK_BYTES = BITMAP_CHUNK / 8
/** An entry gets a bitmap when at least this share of the library holds it… */
export const BITMAP_SHARE = 0.1
/** …and at least this many resources. */
export const BITMAP_MIN_DOCS = 10_000
/** The word beginnings with a bitmap are those the prefix indexes hold (3, 4 and 5 characters). */
const PREFIX_LENGTHS = [3, 4, 5]

/** Which side of the indexes: matching (resource_fts, and resource_words_fts for beginnings) or titles. */
export type Side = 'all' | 'title'

/** The bitmap key of a query term on one side, or null when it can have none (phrases, long beginnings). */
export function bitmapKey(term: QueryTerm, side: Side) {
  if (term.kind === 'phrase') return null
  if (term.kind === 'word') return side === 'all' ? `s ${term.stem}` : `t ${term.stem}`
  if (!PREFIX_LENGTHS.includes([...term.prefix].length)) return null
  return side === 'all' ? `p ${term.prefix}` : `tp ${term.prefix}`
}

/** What writeIndexRows wrote for a resource: the stems (every column), the words' forms, the title's forms. */
export type IndexedTokens = { stems: string[]; forms: Set<string>; titleForms: Set<string> }

function beginnings(word: string, into: Set<string>, tag: string) {
  const chars = [...word]
  for (const n of PREFIX_LENGTHS) if (chars.length >= n) into.add(`${tag} ${chars.slice(0, n).join('')}`)
}

/** Every key a resource with these tokens belongs to (whether or not it has a bitmap). */
export function keysOf(tokens: IndexedTokens) {
  const keys = new Set<string>()
  for (const s of tokens.stems) if (s) keys.add(`s ${s}`)
  for (const f of tokens.forms) beginnings(f, keys, 'p')
  for (const f of tokens.titleForms) {
    keys.add(`t ${f}`)
    beginnings(f, keys, 'tp')
  }
  return keys
}

/** The bitmap of a key (bit i: resource i), or null when the key has none. */
export function readBitmap(client: Client, key: string): Uint8Array | null {
  if (!prepare(client, 'SELECT 1 FROM resource_search_bitmap_key WHERE key = ?').pluck().get(key)) return null
  const rows = prepare(client, 'SELECT chunk, bits FROM resource_search_bitmap WHERE key = ? ORDER BY chunk')
    .raw()
    .all(key) as [number, Buffer][]
  const bits = new Uint8Array(((rows.at(-1)?.[0] ?? -1) + 1) * CHUNK_BYTES)
  for (const [chunk, chunkBits] of rows) bits.set(chunkBits, chunk * CHUNK_BYTES)
  return bits
}

/** The keys that have a bitmap. */
function bitmapKeys(client: Client) {
  return prepare(client, "SELECT key FROM resource_search_bitmap_key WHERE key <> ''").pluck().all() as string[]
}

/**
 * Brings the bitmaps up to date for resources just (re)indexed, with what was written for each (null: no index
 * rows any more). Within the caller's transaction; nothing to do (one read) while no key has a bitmap.
 */
export function updateBitmaps(client: Client, resources: Map<number, IndexedTokens | null>) {
  const keys = bitmapKeys(client)
  if (!keys.length || !resources.size) return
  const held = new Map<number, Set<string>>()
  const byChunk = new Map<number, number[]>()
  for (const [id, tokens] of resources) {
    held.set(id, tokens ? keysOf(tokens) : new Set())
    const chunk = Math.floor(id / BITMAP_CHUNK)
    byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), id])
  }
  const read = prepare(client, 'SELECT bits FROM resource_search_bitmap WHERE key = ? AND chunk = ?').pluck()
  const write = prepare(
    client,
    `INSERT INTO resource_search_bitmap (key, chunk, bits) VALUES (?, ?, ?)
     ON CONFLICT (key, chunk) DO UPDATE SET bits = excluded.bits`,
  )
  for (const [chunk, ids] of byChunk) {
    for (const key of keys) {
      const old = read.get(key, chunk) as Buffer | undefined
      let bits: Buffer | null = null
      for (const id of ids) {
        const i = id - chunk * BITMAP_CHUNK
        const has = old ? ((old[i >> 3]! >> (i & 7)) & 1) === 1 : false
        if (has === held.get(id)!.has(key)) continue
        bits ??= old ? Buffer.from(old) : Buffer.alloc(CHUNK_BYTES)
        bits[i >> 3]! ^= 1 << (i & 7)
      }
      if (bits) write.run(key, chunk, bits)
    }
  }
}

const VOCABULARIES = {
  resource_fts: 'resource_search_vocab_stems',
  resource_words_fts: 'resource_search_vocab_words',
  resource_title_fts: 'resource_search_vocab_titles',
} as const

/** The terms of an index held by at least `min` resources (fts5vocab: an upper bound, checked later). */
function frequentTerms(client: Client, index: keyof typeof VOCABULARIES, min: number) {
  const vocab = VOCABULARIES[index]
  client.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${vocab} USING fts5vocab(main, '${index}', 'row')`)
  return prepare(client, `SELECT term, doc FROM temp.${vocab} WHERE doc >= ?`).raw().all(min) as [string, number][]
}

/** Word beginnings (3 to 5 characters) of an index's terms that may be held by at least `min` resources. */
function frequentBeginnings(client: Client, index: keyof typeof VOCABULARIES, min: number) {
  const sums = new Map<string, number>()
  for (const [term, docs] of frequentTerms(client, index, 1)) {
    const chars = [...term]
    for (const n of PREFIX_LENGTHS) {
      if (chars.length < n) break
      const prefix = chars.slice(0, n).join('')
      sums.set(prefix, (sums.get(prefix) ?? 0) + docs)
    }
  }
  return [...sums].filter(([, docs]) => docs >= min).map(([prefix]) => prefix)
}

/**
 * Chooses again which entries have a bitmap (those held by BITMAP_SHARE of the library, and at least `minDocs`
 * resources) and writes them from the indexes: under a minute at 1,000,000 resources, nothing below `minDocs`.
 */
export function rebuildBitmaps(client: Client, { minDocs = BITMAP_MIN_DOCS } = {}) {
  let chosen = 0
  client.transaction(() => {
    client.exec('DELETE FROM resource_search_bitmap; DELETE FROM resource_search_bitmap_key')
    const size = prepare(client, 'SELECT count(*) FROM resource').pluck().get() as number
    prepare(client, "INSERT INTO resource_search_bitmap_key (key, docs) VALUES ('', ?)").run(size)
    const min = Math.max(minDocs, Math.ceil(BITMAP_SHARE * size))
    if (size < min) return
    const word = (stem: string): QueryTerm => ({ kind: 'word', stem })
    const prefix = (p: string): QueryTerm => ({ kind: 'prefix', prefix: p })
    const candidates: [term: QueryTerm, side: Side][] = [
      ...frequentTerms(client, 'resource_fts', min).map(([t]) => [word(t), 'all'] as [QueryTerm, Side]),
      ...frequentBeginnings(client, 'resource_words_fts', min).map((p) => [prefix(p), 'all'] as [QueryTerm, Side]),
      ...frequentTerms(client, 'resource_title_fts', min).map(([t]) => [word(t), 'title'] as [QueryTerm, Side]),
      ...frequentBeginnings(client, 'resource_title_fts', min).map((p) => [prefix(p), 'title'] as [QueryTerm, Side]),
    ]
    const addKey = prepare(client, 'INSERT INTO resource_search_bitmap_key (key, docs) VALUES (?, ?)')
    const addChunk = prepare(client, 'INSERT INTO resource_search_bitmap (key, chunk, bits) VALUES (?, ?, ?)')
    for (const [term, side] of candidates) {
      const key = bitmapKey(term, side)!
      const index =
        side === 'title' ? 'resource_title_fts' : term.kind === 'prefix' ? 'resource_words_fts' : 'resource_fts'
      const expression = buildMatchExpression(single(term), index === 'resource_fts' ? 'stems' : 'words')!
      const ids = parseIdList(
        prepare(client, `SELECT group_concat(rowid) FROM ${index} WHERE ${index} MATCH ?`).pluck().get(expression) as
          string | null,
      )
      if (ids.length < min) continue
      addKey.run(key, ids.length)
      chosen++
      let chunk = -1
      let bits = Buffer.alloc(CHUNK_BYTES)
      for (const id of ids) {
        const c = Math.floor(id / BITMAP_CHUNK)
        if (c !== chunk) {
          if (chunk >= 0) addChunk.run(key, chunk, bits)
          chunk = c
          bits = Buffer.alloc(CHUNK_BYTES)
        }
        const i = id - c * BITMAP_CHUNK
        bits[i >> 3]! |= 1 << (i & 7)
      }
      if (chunk >= 0) addChunk.run(key, chunk, bits)
    }
  })()
  return { chosen }
}

/** Whether the choice of bitmaps is due: never made for a library big enough, or made at half or twice its size. */
export function bitmapsOutdated(client: Client, { minDocs = BITMAP_MIN_DOCS } = {}) {
  const size = prepare(client, 'SELECT count(*) FROM resource').pluck().get() as number
  const then = prepare(client, "SELECT docs FROM resource_search_bitmap_key WHERE key = ''").pluck().get() as
    number | undefined
  if (then === undefined) return size >= minDocs
  return (size >= minDocs || then >= minDocs) && (size >= 2 * then || 2 * size <= then)
}
