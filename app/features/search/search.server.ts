// The library's search: three SQLite FTS5 indexes kept in step from here (reindexResource after every save),
// and one function that answers the list page and the feed (searchResources). Why it is built this way, with
// the figures: docs/decisions/008-resource-search.md. In short:
// - FTS5 holds text folded and stemmed in JavaScript (app/features/search/text.ts), since better-sqlite3 cannot
//   register a tokenizer: resource_fts (stems with positions: phrases, bm25 per column), resource_words_fts
//   (each word once, with prefix indexes: word beginnings) and resource_title_fts (the title's words and stems:
//   the first ranking tier). Every resource is indexed, whatever its state; visibility is applied per query.
// - The matching ids come out of SQLite in one string (group_concat), and the total and the facet counts are
//   counted here over an in-memory table of each resource's facets (typed arrays, a few bytes a resource): at
//   50,000 matches a GROUP BY per facet costs tens of milliseconds, this a millisecond or two. SQL triggers log
//   every change to those facets (migrations/0004), whoever makes it; the table reads the log before each search.
// - The rows shown are read from `resource` under listedResourcesWhere(viewer), so what a page lists is always
//   decided by the same rule as the rest of the library.
import { and, sql } from 'drizzle-orm'
import {
  contentLanguages,
  regions,
  resolutions,
  resourceTypes,
  themes,
  type ContentLanguage,
  type Pillar,
  type Region,
  type Resolution,
  type ResourceType,
  type Theme,
} from '#db/enums'
import { resource, resourceTheme } from '#db/schema/index'
import { listedResourcesWhere, type Viewer } from '~/features/library/access.server'
import { pickLanguage } from '~/utils/bilingual'
import { getDb, type Db } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import {
  buildMatchExpression,
  parseSearchQuery,
  type ParsedQuery,
  type QueryItem,
  type QueryTerm,
} from '~/features/search/query'
import {
  createHighlighter,
  markWords,
  openingSegments,
  snippetSegments,
  SNIPPET_SCAN_CHARS,
  textLanguage,
  type Highlighter,
  type Segment,
} from '~/features/search/snippet'
import { indexWords, searchWords } from '~/features/search/text'
import type { ResourceSearchQuery, ResourceSort } from '~/features/library/search-schemas'

export const RESOURCE_PAGE_SIZE = 20
/** bm25 is computed over every match up to this many; above, the ranking is by tiers (see rankPage). */
export const EXACT_RANK_LIMIT = 3000
/** bm25 weights of resource_fts's columns: title, summary (with authors, keywords, publisher), body. */
const STEM_WEIGHTS = [10, 3, 1] as const
/** The change log keeps this many entries; a facet table further behind reloads everything. */
const CHANGE_LOG_KEEP = 2000
/** Above this many changed resources at once, reloading the whole facet table is quicker. */
const INCREMENTAL_LIMIT = 500

type Client = Db['$client']
const makeStatement = (client: Client, text: string) => client.prepare<unknown[]>(text)
type Statement = ReturnType<typeof makeStatement>

// Prepared statements, per connection (tests and scripts open several).
const statementCache = new WeakMap<Client, Map<string, Statement>>()
function prepare(client: Client, text: string) {
  let cache = statementCache.get(client)
  if (!cache) statementCache.set(client, (cache = new Map()))
  let statement = cache.get(text)
  if (!statement) cache.set(text, (statement = makeStatement(client, text)))
  return statement
}

// ---------------------------------------------------------------------------------------------------------
// Indexing

type IndexedText = { title: string; summary: string; body: string }

/** The text of a resource in the three fields the ranking weighs, from its row and its files. */
function indexedText(
  row: {
    titleEn: string
    titleAr: string
    summaryEn: string
    summaryAr: string
    authors: string
    tags: string
    publisher: string
    transcriptEn: string
    transcriptAr: string
  },
  fileTexts: string[],
): IndexedText {
  return {
    title: `${row.titleEn}\n${row.titleAr}`,
    summary: [row.summaryEn, row.summaryAr, row.authors, row.tags.replaceAll(',', ' '), row.publisher].join('\n'),
    body: [row.transcriptEn, row.transcriptAr, ...fileTexts].join('\n'),
  }
}

const TEXT_COLUMNS = `title_en AS titleEn, title_ar AS titleAr, summary_en AS summaryEn, summary_ar AS summaryAr,
  authors, tags, publisher, transcript_en AS transcriptEn, transcript_ar AS transcriptAr`

type TextRow = Parameters<typeof indexedText>[0] & { id: number }

const INDEX_TABLES = ['resource_fts', 'resource_words_fts', 'resource_title_fts'] as const

function writeIndexRows(client: Client, id: number, text: IndexedText) {
  const titleForms = new Set<string>()
  const forms = new Set<string>()
  const title = indexWords(searchWords(text.title), titleForms, true)
  const summary = indexWords(searchWords(text.summary), forms)
  const body = indexWords(searchWords(text.body), forms)
  for (const form of titleForms) forms.add(form)
  prepare(client, 'INSERT INTO resource_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)').run(
    id,
    title,
    summary,
    body,
  )
  prepare(client, 'INSERT INTO resource_words_fts (rowid, words) VALUES (?, ?)').run(id, [...forms].join(' '))
  prepare(client, 'INSERT INTO resource_title_fts (rowid, words) VALUES (?, ?)').run(id, [...titleForms].join(' '))
}

function deleteIndexRows(client: Client, id: number) {
  for (const table of INDEX_TABLES) prepare(client, `DELETE FROM ${table} WHERE rowid = ?`).run(id)
}

function fileTextsOf(client: Client, id: number) {
  return prepare(
    client,
    "SELECT extracted_text FROM resource_file WHERE resource_id = ? AND extracted_text <> '' ORDER BY position, id",
  )
    .pluck()
    .all(id) as string[]
}

/**
 * Brings one resource's index rows up to date with its text and files, or removes them when it no longer
 * exists. Call it after every save (a few milliseconds, even with a long PDF); state changes need no call.
 */
export function reindexResource(id: number, db: Db = getDb()) {
  const client = db.$client
  client.transaction(() => {
    deleteIndexRows(client, id)
    const row = prepare(client, `SELECT id, ${TEXT_COLUMNS} FROM resource WHERE id = ?`).get(id) as TextRow | undefined
    if (row) writeIndexRows(client, id, indexedText(row, fileTextsOf(client, id)))
    // Tells every search that the index changed (the cached match lists are dropped).
    prepare(client, 'INSERT INTO resource_search_change (resource_id) VALUES (?)').run(id)
    trimChangeLog(client)
  })()
}

function trimChangeLog(client: Client) {
  prepare(
    client,
    `DELETE FROM resource_search_change WHERE seq < (SELECT max(seq) FROM resource_search_change) - ${CHANGE_LOG_KEEP}`,
  ).run()
}

/** Rebuilds both indexes from every resource, in one transaction (the seed, the benchmark, a repair). */
export function reindexAllResources(db: Db = getDb()) {
  const client = db.$client
  let indexed = 0
  client.transaction(() => {
    for (const table of INDEX_TABLES) {
      client.exec(`INSERT INTO ${table} (${table}) VALUES ('delete-all')`)
      // A bulk load: bigger in-memory segments (8 MB measured best; 64 MB is slower) and no merging on the
      // way; one 'optimize' at the end merges them.
      client.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${8 * 1024 * 1024})`)
      client.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`)
    }
    indexed = indexResourcesFrom(client, 'SELECT id FROM resource WHERE id > ? ORDER BY id LIMIT ?', false)
    for (const table of INDEX_TABLES) {
      // SQLite's defaults again, for the saves that follow.
      client.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${1024 * 1024})`)
      client.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 4)`)
    }
    prepare(client, 'INSERT INTO resource_search_change (resource_id) VALUES (0)').run()
    trimChangeLog(client)
  })()
  // Merges each index's segments into one: the queries that follow read one b-tree per term.
  for (const table of INDEX_TABLES) client.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`)
  return { indexed }
}

/** Indexes, in batches, the resources a query of (afterId, limit) returns; `replace` when they may have rows. */
function indexResourcesFrom(client: Client, idQuery: string, replace: boolean) {
  const BATCH = 500
  let indexed = 0
  for (let after = 0; ;) {
    const ids = prepare(client, idQuery).pluck().all(after, BATCH) as number[]
    if (!ids.length) break
    const first = ids[0]!
    const last = ids.at(-1)!
    const rows = prepare(client, `SELECT id, ${TEXT_COLUMNS} FROM resource WHERE id BETWEEN ? AND ? ORDER BY id`).all(
      first,
      last,
    ) as TextRow[]
    const files = new Map<number, string[]>()
    const fileRows = prepare(
      client,
      `SELECT resource_id AS id, extracted_text AS text FROM resource_file
       WHERE resource_id BETWEEN ? AND ? AND extracted_text <> '' ORDER BY resource_id, position, id`,
    ).all(first, last) as { id: number; text: string }[]
    for (const f of fileRows) files.set(f.id, [...(files.get(f.id) ?? []), f.text])
    const wanted = new Set(ids)
    for (const row of rows) {
      if (!wanted.has(row.id)) continue
      if (replace) deleteIndexRows(client, row.id)
      writeIndexRows(client, row.id, indexedText(row, files.get(row.id) ?? []))
      indexed++
    }
    after = last
  }
  return indexed
}

/**
 * Start-up check, cheap when nothing is missing: indexes the resources that have no index row (written by a
 * script or before this code existed) and drops rows of resources that are gone.
 */
export function syncResourceSearchIndex(db: Db = getDb()) {
  const client = db.$client
  let indexed = 0
  let removed = 0
  client.transaction(() => {
    const orphans = prepare(client, 'SELECT id FROM resource_fts_docsize WHERE id NOT IN (SELECT id FROM resource)')
      .pluck()
      .all() as number[]
    for (const id of orphans) deleteIndexRows(client, id)
    removed = orphans.length
    indexed = indexResourcesFrom(
      client,
      'SELECT id FROM resource WHERE id > ? AND id NOT IN (SELECT id FROM resource_fts_docsize) ORDER BY id LIMIT ?',
      true,
    )
    if (indexed || removed) prepare(client, 'INSERT INTO resource_search_change (resource_id) VALUES (0)').run()
  })()
  // Loads the facet table now (about a second at 100,000 resources) rather than during the first search.
  currentFacetTable(db)
  return { indexed, removed }
}

// ---------------------------------------------------------------------------------------------------------
// The in-memory facet table

/** Years are stored as year − YEAR_BASE (0: none), within YEAR_SPAN. */
const YEAR_BASE = 1900
const YEAR_SPAN = 256

/** Bit positions of multi-valued facets; single-valued ones store their index + 1 (0: none). */
const typeIndex = new Map<string, number>(resourceTypes.map((v, i) => [v, i + 1]))
const regionIndex = new Map<string, number>(regions.map((v, i) => [v, i + 1]))
const resolutionBit = new Map<string, number>(resolutions.map((v, i) => [v, i]))
const themeBit = new Map<string, number>(themes.map((v, i) => [v, i]))
const languageBit = new Map<string, number>(contentLanguages.map((v, i) => [v, i]))

/** Listed: 0 not in the lists, 1 for signed-in people, 2 for everyone (listedResourcesWhere's two answers). */
type FacetTable = {
  seq: number
  capacity: number
  listed: Uint8Array
  // One array type for every facet, so the counting loops stay monomorphic (and quick).
  type: Uint16Array
  region: Uint16Array
  year: Uint16Array
  pillars: Uint16Array
  resolutions: Uint16Array
  themes: Uint16Array
  languages: Uint16Array
  publishedAt: Float64Array
  /** Match lists of recent queries, valid while `seq` stands (a facet click repeats the same query). */
  matches: Map<string, Int32Array>
  /** The library without query or filter (its first page), per viewer level, valid while `seq` stands. */
  browse: Map<number, ReturnType<typeof tally>>
}

const facetTables = new WeakMap<Client, FacetTable>()

function emptyFacetTable(capacity: number, seq: number): FacetTable {
  return {
    seq,
    capacity,
    listed: new Uint8Array(capacity),
    type: new Uint16Array(capacity),
    region: new Uint16Array(capacity),
    year: new Uint16Array(capacity),
    pillars: new Uint16Array(capacity),
    resolutions: new Uint16Array(capacity),
    themes: new Uint16Array(capacity),
    languages: new Uint16Array(capacity),
    publishedAt: new Float64Array(capacity),
    matches: new Map(),
    browse: new Map(),
  }
}

/** Makes room for ids up to `id` (resources created since the table was loaded). */
function grow(table: FacetTable, id: number) {
  if (id < table.capacity) return
  const capacity = Math.max(id + 1, table.capacity * 2)
  const wider = <T extends Uint8Array | Uint16Array | Float64Array>(old: T, make: (n: number) => T) => {
    const next = make(capacity)
    next.set(old as never)
    return next
  }
  table.listed = wider(table.listed, (n) => new Uint8Array(n))
  table.type = wider(table.type, (n) => new Uint16Array(n))
  table.region = wider(table.region, (n) => new Uint16Array(n))
  table.year = wider(table.year, (n) => new Uint16Array(n))
  table.pillars = wider(table.pillars, (n) => new Uint16Array(n))
  table.resolutions = wider(table.resolutions, (n) => new Uint16Array(n))
  table.themes = wider(table.themes, (n) => new Uint16Array(n))
  table.languages = wider(table.languages, (n) => new Uint16Array(n))
  table.publishedAt = wider(table.publishedAt, (n) => new Float64Array(n))
  table.capacity = capacity
}

/** The facet rows' query, with the listing rule taken from listedResourcesWhere itself. */
function facetRowQuery(db: Db) {
  const listed = sql<number>`CASE WHEN ${listedResourcesWhere(null)} THEN 2 WHEN ${listedResourcesWhere({ id: 0, role: 'member' })} THEN 1 ELSE 0 END`
  const query = db
    .select({
      id: resource.id,
      type: resource.type,
      region: resource.region,
      year: resource.year,
      publishedAt: sql<number>`coalesce(${resource.publishedAt}, 0)`,
      listed,
    })
    .from(resource)
  return query.toSQL()
}

type FacetRow = [
  id: number,
  type: string,
  region: string | null,
  year: number | null,
  publishedAt: number,
  listed: number,
]

function setRow(table: FacetTable, r: FacetRow) {
  const [id, type, region, year, publishedAt, listed] = r
  table.type[id] = typeIndex.get(type) ?? 0
  table.region[id] = region ? (regionIndex.get(region) ?? 0) : 0
  table.year[id] = year && year > YEAR_BASE && year < YEAR_BASE + YEAR_SPAN ? year - YEAR_BASE : 0
  table.publishedAt[id] = publishedAt
  table.listed[id] = listed
}

function clearRow(table: FacetTable, id: number) {
  table.listed[id] = 0
  table.type[id] = 0
  table.region[id] = 0
  table.year[id] = 0
  table.publishedAt[id] = 0
  table.pillars[id] = 0
  table.resolutions[id] = 0
  table.themes[id] = 0
  table.languages[id] = 0
}

const TAXONOMIES = [
  {
    table: 'resource_pillar',
    column: 'pillar',
    key: 'pillars',
    bit: (v: unknown) => (Number(v) >= 1 && Number(v) <= 4 ? Number(v) - 1 : undefined),
  },
  {
    table: 'resource_resolution',
    column: 'resolution',
    key: 'resolutions',
    bit: (v: unknown) => resolutionBit.get(String(v)),
  },
  { table: 'resource_theme', column: 'theme', key: 'themes', bit: (v: unknown) => themeBit.get(String(v)) },
  { table: 'resource_language', column: 'language', key: 'languages', bit: (v: unknown) => languageBit.get(String(v)) },
] as const

function loadFacetTable(db: Db): FacetTable {
  const client = db.$client
  const seq = (prepare(client, 'SELECT coalesce(max(seq), 0) FROM resource_search_change').pluck().get() as number) ?? 0
  const maxId = (prepare(client, 'SELECT coalesce(max(id), 0) FROM resource').pluck().get() as number) ?? 0
  const table = emptyFacetTable(maxId + 1, seq)
  const { sql: text, params } = facetRowQuery(db)
  for (const r of prepare(client, text)
    .raw()
    .all(...params) as FacetRow[]) {
    grow(table, r[0])
    setRow(table, r)
  }
  for (const t of TAXONOMIES) {
    const values = table[t.key]
    for (const [id, value] of prepare(client, `SELECT resource_id, ${t.column} FROM ${t.table}`).raw().all() as [
      number,
      unknown,
    ][]) {
      const bit = t.bit(value)
      if (bit !== undefined && id < table.capacity) values[id]! |= 1 << bit
    }
  }
  return table
}

function reloadFacetRow(db: Db, table: FacetTable, id: number) {
  const client = db.$client
  grow(table, id)
  clearRow(table, id)
  const { sql: text, params } = facetRowQuery(db)
  const row = prepare(client, `${text} WHERE "resource"."id" = ?`)
    .raw()
    .get(...params, id) as FacetRow | undefined
  if (!row) return
  setRow(table, row)
  for (const t of TAXONOMIES) {
    let mask = 0
    for (const value of prepare(client, `SELECT ${t.column} FROM ${t.table} WHERE resource_id = ?`).pluck().all(id)) {
      const bit = t.bit(value)
      if (bit !== undefined) mask |= 1 << bit
    }
    table[t.key][id] = mask
  }
}

/** The facet table of this connection, brought up to date with the change log (one indexed read when current). */
function currentFacetTable(db: Db): FacetTable {
  const client = db.$client
  let table = facetTables.get(client)
  if (!table) {
    table = loadFacetTable(db)
    facetTables.set(client, table)
    return table
  }
  const latest = prepare(client, 'SELECT coalesce(max(seq), 0) FROM resource_search_change').pluck().get() as number
  if (latest === table.seq) return table
  const oldest = prepare(client, 'SELECT coalesce(min(seq), 0) FROM resource_search_change').pluck().get() as number
  const ids =
    oldest <= table.seq + 1 && latest > table.seq
      ? (prepare(client, 'SELECT DISTINCT resource_id FROM resource_search_change WHERE seq > ? AND seq <= ? LIMIT ?')
          .pluck()
          .all(table.seq, latest, INCREMENTAL_LIMIT + 1) as number[])
      : null
  if (!ids || ids.length > INCREMENTAL_LIMIT) {
    table = loadFacetTable(db)
    facetTables.set(client, table)
    return table
  }
  for (const id of ids) if (id > 0) reloadFacetRow(db, table, id)
  table.seq = latest
  table.matches.clear()
  table.browse.clear()
  return table
}

/** Forgets the match lists kept for repeated queries (the benchmark times every query afresh). */
export function clearResourceSearchCaches(db: Db = getDb()) {
  facetTables.get(db.$client)?.matches.clear()
}

// ---------------------------------------------------------------------------------------------------------
// Searching

export type FacetCount<T> = { value: T; count: number }
export type ResourceFacets = {
  type: FacetCount<ResourceType>[]
  pillar: FacetCount<Pillar>[]
  resolution: FacetCount<Resolution>[]
  theme: FacetCount<Theme>[]
  language: FacetCount<ContentLanguage>[]
  region: FacetCount<Region>[]
  year: FacetCount<number>[]
}

export type { Segment }

export type ResourceSearchRow = {
  id: number
  type: ResourceType
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  visibility: 'public' | 'members'
  publishedOn: string | null
  publishedAt: Date | null
  year: number | null
  themes: Theme[]
  /** The title in the page's language (or the other), its matching words marked; `lang` set on fallback. */
  title: { segments: Segment[]; lang: Language | undefined }
  /** About 30 words around the first match, from the best field; `lang` set when not the page's language. */
  snippet: { segments: Segment[]; lang: Language | undefined } | null
}

export type ResourceSearchResult = {
  rows: ResourceSearchRow[]
  total: number
  page: number
  pageSize: number
  sort: ResourceSort
  facets: ResourceFacets
  /** Why the query could not be searched (the page says so; nothing is listed). */
  problem: Exclude<ParsedQuery['problem'], 'empty'>
  /** The query was cut (too long, too many words): the page says so. */
  capped: boolean
}

/** A filter as a bit mask over a facet's codes (0: not filtering). */
function maskOf<T>(values: T[], code: (v: T) => number | undefined) {
  let mask = 0
  for (const v of values) {
    const c = code(v)
    if (c !== undefined) mask |= 2 ** c
  }
  return mask
}

type Filters = {
  type: number
  region: number
  pillar: number
  resolution: number
  theme: number
  language: number
  years: Uint8Array | null
}

function isFiltering(f: Filters) {
  return Boolean(f.type || f.region || f.years || f.pillar || f.resolution || f.theme || f.language)
}

function compileFilters(query: ResourceSearchQuery): Filters {
  let years: Uint8Array | null = null
  if (query.year.length) {
    years = new Uint8Array(YEAR_SPAN)
    for (const y of query.year) if (y > YEAR_BASE && y < YEAR_BASE + YEAR_SPAN) years[y - YEAR_BASE] = 1
  }
  return {
    type: maskOf(query.type, (v) => typeIndex.get(v)),
    region: maskOf(query.region, (v) => regionIndex.get(v)),
    pillar: maskOf(query.pillar, (v) => v - 1),
    resolution: maskOf(query.resolution, (v) => resolutionBit.get(v)),
    theme: maskOf(query.theme, (v) => themeBit.get(v)),
    language: maskOf(query.language, (v) => languageBit.get(v)),
    years,
  }
}

// The facets while counting: their number, their array in the facet table, their histogram's size.
const F_TYPE = 0
const F_REGION = 1
const F_YEAR = 2
const F_PILLAR = 3
const F_RESOLUTION = 4
const F_THEME = 5
const F_LANGUAGE = 6
const HISTOGRAM_SIZES = [
  16,
  16,
  YEAR_SPAN,
  16,
  1 << resolutions.length,
  1 << themes.length,
  1 << contentLanguages.length,
]

type Counts = {
  type: Int32Array
  region: Int32Array
  year: Int32Array
  pillar: Int32Array
  resolution: Int32Array
  theme: Int32Array
  language: Int32Array
}

/** A multi-valued facet's counts from the histogram of its bit masks: each mask's count added to its bits. */
function bitCounts(histogram: Int32Array, size: number) {
  const counts = new Int32Array(size)
  for (let mask = 1; mask < histogram.length; mask++) {
    const n = histogram[mask]!
    if (n) for (let m = mask; m; m &= m - 1) counts[31 - Math.clz32(m & -m)]! += n
  }
  return counts
}

/**
 * What the viewer may see among the candidates (every resource, or the query's matches) and the filters keep
 * (the hits, ascending), with the facet counts, in one pass: a histogram per facet of the hits' codes (bit masks
 * for the multi-valued ones), turned into counts at the end. A facet's counts ignore its own filter, so the
 * other values of a filter in use stay visible with what choosing them would give: a resource failing only
 * that filter counts in that facet. About 1.5 ms for 100,000 candidates.
 */
function tally(table: FacetTable, candidates: Int32Array | null, filters: Filters, level: number) {
  const { listed, type, region, year, pillars, resolutions: res, themes: th, languages: lang } = table
  const codes = [type, region, year, pillars, res, th, lang]
  const n = candidates ? candidates.length : table.capacity
  const capacity = table.capacity
  const hits = scratch(n)
  let total = 0
  const f = filters
  const filtering = isFiltering(f)
  const hType = new Int32Array(HISTOGRAM_SIZES[F_TYPE]!)
  const hRegion = new Int32Array(HISTOGRAM_SIZES[F_REGION]!)
  const hYear = new Int32Array(HISTOGRAM_SIZES[F_YEAR]!)
  const hPillar = new Int32Array(HISTOGRAM_SIZES[F_PILLAR]!)
  const hResolution = new Int32Array(HISTOGRAM_SIZES[F_RESOLUTION]!)
  const hTheme = new Int32Array(HISTOGRAM_SIZES[F_THEME]!)
  const hLanguage = new Int32Array(HISTOGRAM_SIZES[F_LANGUAGE]!)
  // Per facet, the histogram of the resources that fail its filter only.
  const near = filtering ? HISTOGRAM_SIZES.map((size) => new Int32Array(size)) : []
  for (let i = 0; i < n; i++) {
    const id = candidates ? candidates[i]! : i
    if (id >= capacity || listed[id]! < level) continue
    if (filtering) {
      let fails = 0
      let failed = 0
      if (f.type && !(f.type & (1 << type[id]!))) {
        fails++
        failed = F_TYPE
      }
      if (f.region && !(f.region & (1 << region[id]!))) {
        fails++
        failed = F_REGION
      }
      if (f.years && !f.years[year[id]!]) {
        fails++
        failed = F_YEAR
      }
      if (f.pillar && !(f.pillar & pillars[id]!)) {
        fails++
        failed = F_PILLAR
      }
      if (f.resolution && !(f.resolution & res[id]!)) {
        fails++
        failed = F_RESOLUTION
      }
      if (f.theme && !(f.theme & th[id]!)) {
        fails++
        failed = F_THEME
      }
      if (f.language && !(f.language & lang[id]!)) {
        fails++
        failed = F_LANGUAGE
      }
      if (fails === 1) near[failed]![codes[failed]![id]!]!++
      if (fails) continue
    }
    hits[total++] = id
    hType[type[id]!]!++
    hRegion[region[id]!]!++
    hYear[year[id]!]!++
    hPillar[pillars[id]!]!++
    hResolution[res[id]!]!++
    hTheme[th[id]!]!++
    hLanguage[lang[id]!]!++
  }
  const add = (histogram: Int32Array, facet: number) => {
    if (filtering) near[facet]!.forEach((v, i) => (histogram[i]! += v))
    return histogram
  }
  const counts: Counts = {
    type: add(hType, F_TYPE),
    region: add(hRegion, F_REGION),
    year: add(hYear, F_YEAR),
    pillar: bitCounts(add(hPillar, F_PILLAR), 4),
    resolution: bitCounts(add(hResolution, F_RESOLUTION), resolutions.length),
    theme: bitCounts(add(hTheme, F_THEME), themes.length),
    language: bitCounts(add(hLanguage, F_LANGUAGE), contentLanguages.length),
  }
  return { hits: hits.slice(0, total), counts }
}

function facetList(counts: Counts, query: ResourceSearchQuery): ResourceFacets {
  // Values with results, and the chosen ones even at 0 (so they can be unchosen).
  const keep = <T>(value: T, count: number, chosen: readonly T[]) => count > 0 || chosen.includes(value)
  const years: FacetCount<number>[] = []
  for (let i = YEAR_SPAN - 1; i > 0; i--) {
    const year = YEAR_BASE + i
    if (keep(year, counts.year[i]!, query.year)) years.push({ value: year, count: counts.year[i]! })
  }
  return {
    type: resourceTypes
      .map((value, i) => ({ value, count: counts.type[i + 1]! }))
      .filter((f) => keep(f.value, f.count, query.type)),
    pillar: ([1, 2, 3, 4] as const)
      .map((value, i) => ({ value, count: counts.pillar[i]! }))
      .filter((f) => keep(f.value, f.count, query.pillar)),
    resolution: resolutions
      .map((value, i) => ({ value, count: counts.resolution[i]! }))
      .filter((f) => keep(f.value, f.count, query.resolution)),
    theme: themes
      .map((value, i) => ({ value, count: counts.theme[i]! }))
      .filter((f) => keep(f.value, f.count, query.theme)),
    language: contentLanguages
      .map((value, i) => ({ value, count: counts.language[i]! }))
      .filter((f) => keep(f.value, f.count, query.language)),
    region: regions
      .map((value, i) => ({ value, count: counts.region[i + 1]! }))
      .filter((f) => keep(f.value, f.count, query.region)),
    year: years,
  }
}

/** "12,40,41" → Int32Array [12, 40, 41] (group_concat's text: the cheapest way out of SQLite for 50,000 ids). */
function parseIdList(text: string | null) {
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

// One reusable buffer for id lists being built, copied out at their exact size: large short-lived typed arrays
// are memory outside V8's heap, and allocating them per search made the garbage collector a third of the time.
let scratchBuffer = new Int32Array(1 << 16)
function scratch(size: number) {
  if (scratchBuffer.length < size) scratchBuffer = new Int32Array(Math.max(size, scratchBuffer.length * 2))
  return scratchBuffer
}

/** The ids matching a MATCH expression in one index, ascending (kept a while: facet clicks repeat a query). */
function idsMatching(client: Client, table: FacetTable, index: (typeof INDEX_TABLES)[number], expression: string) {
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
function union(a: Int32Array, b: Int32Array) {
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
function intersect(a: Int32Array, b: Int32Array, keep = true) {
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
function queryIds(client: Client, table: FacetTable, parsed: ParsedQuery) {
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
function single(term: QueryTerm): ParsedQuery {
  return {
    items: [{ negated: false, anyOf: [term] }],
    problem: null,
    capped: false,
    hasPrefix: term.kind === 'prefix',
    highlight: { stems: [], prefixes: [] },
  }
}

/** Newer first: publication time, then id. */
function newer(table: FacetTable, a: number, b: number) {
  const pa = table.publishedAt[a]!
  const pb = table.publishedAt[b]!
  return pa !== pb ? pb - pa : b - a
}

/** The first `k` of `ids` (ascending; minus those in `skip`, ascending too) by newest: a bounded selection. */
function newest(table: FacetTable, ids: ArrayLike<number>, k: number, skip?: Int32Array) {
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
function rankPage(
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
  const first = intersect(
    idsMatching(client, table, 'resource_title_fts', buildMatchExpression(parsed, 'words')!),
    hits,
  )
  const fromFirst = newest(table, first, offset + limit).slice(offset)
  if (fromFirst.length >= limit) return fromFirst
  const rest = newest(table, hits, offset + limit - first.length, first)
  return [...fromFirst, ...rest.slice(Math.max(0, offset - first.length))]
}

const emptyFacets: ResourceFacets = {
  type: [],
  pillar: [],
  resolution: [],
  theme: [],
  language: [],
  region: [],
  year: [],
}

/**
 * The library's list: the resources the viewer may see that match the query and filters, one page of them
 * with highlighted snippets, the total and the facet counts. Any query text is accepted (see `problem`).
 * Options: `pageSize`, `snippets: false` when none are shown (the feed), `exactRankLimit` (tests).
 */
export function searchResources(
  query: ResourceSearchQuery,
  viewer: Viewer,
  lang: Language,
  options: { pageSize?: number; snippets?: boolean; exactRankLimit?: number } = {},
): ResourceSearchResult {
  const db = getDb()
  const client = db.$client
  const pageSize = options.pageSize ?? RESOURCE_PAGE_SIZE
  const parsed = query.q.trim() ? parseSearchQuery(query.q) : null
  const sort: ResourceSort = query.sort ?? (parsed ? 'relevance' : 'newest')
  const base = { page: query.page, pageSize, sort, capped: parsed?.capped ?? false }
  if (parsed?.problem) {
    return {
      ...base,
      rows: [],
      total: 0,
      facets: emptyFacets,
      problem: parsed.problem === 'empty' ? null : parsed.problem,
    }
  }
  const table = currentFacetTable(db)
  const matches = parsed ? queryIds(client, table, parsed) : null
  const filters = compileFilters(query)
  const level = viewer ? 1 : 2
  const browsing = !matches && !isFiltering(filters)
  const { hits, counts } = (browsing && table.browse.get(level)) || tally(table, matches, filters, level)
  if (browsing) table.browse.set(level, { hits, counts })
  const offset = (query.page - 1) * pageSize
  const pageIds =
    offset >= hits.length
      ? []
      : parsed && matches && sort === 'relevance'
        ? rankPage(client, table, parsed, matches, hits, offset, pageSize, options.exactRankLimit ?? EXACT_RANK_LIMIT)
        : newest(table, hits, offset + pageSize).slice(offset)
  const rows = readRows(db, pageIds, viewer, lang, parsed, options.snippets ?? true)
  return { ...base, rows, total: hits.length, facets: facetList(counts, query), problem: null }
}

// The page's rows: one prepared statement per connection and kind of viewer. listedResourcesWhere depends only
// on whether someone is signed in (a unit test checks it), so two statements cover every viewer.
const pageStatements = new WeakMap<Client, Map<string, ReturnType<typeof pageRowsQuery>>>()

function pageRowsQuery(db: Db, viewer: Viewer) {
  return db
    .select({
      id: resource.id,
      type: resource.type,
      titleEn: resource.titleEn,
      titleAr: resource.titleAr,
      summaryEn: resource.summaryEn,
      summaryAr: resource.summaryAr,
      transcriptEn: resource.transcriptEn,
      transcriptAr: resource.transcriptAr,
      visibility: resource.visibility,
      publishedOn: resource.publishedOn,
      publishedAt: resource.publishedAt,
      year: resource.year,
      themes: sql<
        string | null
      >`(SELECT group_concat(${resourceTheme.theme}) FROM ${resourceTheme} WHERE ${resourceTheme.resourceId} = ${resource.id})`,
    })
    .from(resource)
    .where(
      and(
        sql`${resource.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`,
        // `IS TRUE` keeps the planner on the page's ids (rowid lookups) rather than on the index of the state,
        // which at 100,000 resources means reading every published one.
        sql`(${listedResourcesWhere(viewer)}) IS TRUE`,
      ),
    )
    .prepare()
}

type PageRow = ReturnType<ReturnType<typeof pageRowsQuery>['all']>[number]

/** The page's rows from `resource`, still under listedResourcesWhere(viewer), in the ranked order. */
function readRows(
  db: Db,
  ids: number[],
  viewer: Viewer,
  lang: Language,
  parsed: ParsedQuery | null,
  withSnippets: boolean,
): ResourceSearchRow[] {
  if (!ids.length) return []
  let statements = pageStatements.get(db.$client)
  if (!statements) pageStatements.set(db.$client, (statements = new Map()))
  const kind = viewer ? 'signed-in' : 'visitor'
  let statement = statements.get(kind)
  if (!statement) statements.set(kind, (statement = pageRowsQuery(db, viewer)))
  const found = statement.all({ ids: JSON.stringify(ids) })
  const byId = new Map(found.map((r) => [r.id, r]))
  const rows = ids.flatMap((id) => byId.get(id) ?? [])
  const highlighter = parsed ? createHighlighter(parsed.highlight) : null
  const snippets = withSnippets ? bestSnippets(db, rows, lang, highlighter) : null
  return rows.map((r) => {
    const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang)
    return {
      id: r.id,
      type: r.type,
      titleEn: r.titleEn,
      titleAr: r.titleAr,
      summaryEn: r.summaryEn,
      summaryAr: r.summaryAr,
      visibility: r.visibility,
      publishedOn: r.publishedOn,
      publishedAt: r.publishedAt,
      year: r.year,
      themes: (r.themes ? r.themes.split(',') : []).filter((t): t is Theme => themeBit.has(t)).sort(),
      title: { segments: markWords(title.text, highlighter), lang: title.lang },
      snippet: snippets?.get(r.id) ?? null,
    }
  })
}

// ---------------------------------------------------------------------------------------------------------
// Snippets

type Snippet = NonNullable<ResourceSearchRow['snippet']>

/**
 * The snippet of each result: in the page's language first — summary, the text of its files, transcript —
 * then the same in the other language; without a match anywhere (the title, keywords or authors matched),
 * the summary's opening words. Files are read only for the rows that need them, in one query.
 */
function bestSnippets(db: Db, rows: PageRow[], lang: Language, highlighter: Highlighter | null) {
  const other: Language = lang === 'ar' ? 'en' : 'ar'
  const snippets = new Map<number, Snippet>()
  const found = (r: PageRow, text: string, l: Language) => {
    const segments = highlighter && text ? snippetSegments(text, highlighter) : null
    if (segments) snippets.set(r.id, { segments, lang: l === lang ? undefined : l })
    return Boolean(segments)
  }
  const summary = (r: PageRow, l: Language) => (l === 'ar' ? r.summaryAr : r.summaryEn)
  const transcript = (r: PageRow, l: Language) => (l === 'ar' ? r.transcriptAr : r.transcriptEn)
  const pending = highlighter ? rows.filter((r) => !found(r, summary(r, lang), lang)) : []
  if (pending.length) {
    const files = filesOf(
      db,
      pending.map((r) => r.id),
    )
    const filesIn = (r: PageRow, l: Language) => (files.get(r.id) ?? []).filter((f) => f.lang === l)
    for (const r of pending) {
      void (
        filesIn(r, lang).some((f) => found(r, f.text, lang)) ||
        found(r, transcript(r, lang), lang) ||
        found(r, summary(r, other), other) ||
        filesIn(r, other).some((f) => found(r, f.text, other)) ||
        found(r, transcript(r, other), other)
      )
    }
  }
  for (const r of rows) {
    if (snippets.has(r.id)) continue
    const opening = pickLanguage({ en: r.summaryEn, ar: r.summaryAr }, lang)
    const segments = opening.text ? openingSegments(opening.text) : null
    if (segments) snippets.set(r.id, { segments, lang: opening.lang })
  }
  return snippets
}

/** The extracted text of these resources' files (its beginning), with its language, in one query. */
function filesOf(db: Db, ids: number[]) {
  const rows = prepare(
    db.$client,
    `SELECT resource_id AS id, language, substr(extracted_text, 1, ${SNIPPET_SCAN_CHARS}) AS text FROM resource_file
     WHERE resource_id IN (SELECT value FROM json_each(?)) AND extracted_text <> '' ORDER BY resource_id, position, id`,
  ).all(JSON.stringify(ids)) as { id: number; language: string | null; text: string }[]
  const files = new Map<number, { text: string; lang: Language }[]>()
  for (const f of rows) {
    const lang: Language = f.language === 'ar' || f.language === 'en' ? f.language : textLanguage(f.text)
    files.set(f.id, [...(files.get(f.id) ?? []), { text: f.text, lang }])
  }
  return files
}
