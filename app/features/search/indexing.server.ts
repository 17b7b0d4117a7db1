// Indexing: the three FTS5 indexes kept in step with the resources (reindexResource after every save; a sync at
// start-up), their bitmaps (bitmaps.server.ts), and the change log the facet table reads.
import { getDb, type Db } from '~/utils/db.server'
import { bitmapsOutdated, rebuildBitmaps, updateBitmaps, type IndexedTokens } from './bitmaps.server'
import { indexWords, searchWords } from './text'
import { currentFacetTable } from './facet-table.server'
import { CHANGE_LOG_KEEP, Client, prepare } from './shared.server'

export type IndexedText = { title: string; summary: string; body: string }

/** The text of a resource in the three fields the ranking weighs, from its row and its files. */
export function indexedText(
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

export const TEXT_COLUMNS = `title_en AS titleEn, title_ar AS titleAr, summary_en AS summaryEn, summary_ar AS summaryAr,
  authors, tags, publisher, transcript_en AS transcriptEn, transcript_ar AS transcriptAr`

export type TextRow = Parameters<typeof indexedText>[0] & { id: number }

export const INDEX_TABLES = ['resource_fts', 'resource_words_fts', 'resource_title_fts'] as const

/** Writes a resource's rows of the three indexes; returns what they hold (for its bitmaps). */
export function writeIndexRows(client: Client, id: number, text: IndexedText): IndexedTokens {
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
  return { stems: [title, summary, body].join(' ').split(' '), forms, titleForms }
}

export function deleteIndexRows(client: Client, id: number) {
  for (const table of INDEX_TABLES) prepare(client, `DELETE FROM ${table} WHERE rowid = ?`).run(id)
}

export function fileTextsOf(client: Client, id: number) {
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
    updateBitmaps(
      client,
      new Map([[id, row ? writeIndexRows(client, id, indexedText(row, fileTextsOf(client, id))) : null]]),
    )
    // Tells every search that the index changed (the cached match lists are dropped).
    prepare(client, 'INSERT INTO resource_search_change (resource_id) VALUES (?)').run(id)
    trimChangeLog(client)
  })()
}

export function trimChangeLog(client: Client) {
  prepare(
    client,
    `DELETE FROM resource_search_change WHERE seq < (SELECT max(seq) FROM resource_search_change) - ${CHANGE_LOG_KEEP}`,
  ).run()
}

/**
 * Rebuilds the indexes from every resource, in one transaction (the seed, the benchmark, a repair), then their
 * bitmaps (`bitmapMinDocs`: tests give bitmaps to a small library).
 */
export function reindexAllResources(db: Db = getDb(), { bitmapMinDocs }: { bitmapMinDocs?: number } = {}) {
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
  rebuildBitmaps(client, { minDocs: bitmapMinDocs })
  return { indexed }
}

/**
 * Indexes, in batches, the resources a query of (afterId, limit) returns; `replace` when they may have rows (their
 * bitmaps are then brought up to date; a rebuild from scratch writes them afterwards).
 */
export function indexResourcesFrom(client: Client, idQuery: string, replace: boolean) {
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
    const written = new Map<number, IndexedTokens>()
    for (const row of rows) {
      if (!wanted.has(row.id)) continue
      if (replace) deleteIndexRows(client, row.id)
      const tokens = writeIndexRows(client, row.id, indexedText(row, files.get(row.id) ?? []))
      if (replace) written.set(row.id, tokens)
      indexed++
    }
    if (replace) updateBitmaps(client, written)
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
    updateBitmaps(client, new Map(orphans.map((id) => [id, null])))
    removed = orphans.length
    indexed = indexResourcesFrom(
      client,
      'SELECT id FROM resource WHERE id > ? AND id NOT IN (SELECT id FROM resource_fts_docsize) ORDER BY id LIMIT ?',
      true,
    )
    if (indexed || removed) prepare(client, 'INSERT INTO resource_search_change (resource_id) VALUES (0)').run()
  })()
  // The library has grown or shrunk by half since its bitmaps were chosen (under a minute at 1,000,000 resources).
  if (bitmapsOutdated(client)) rebuildBitmaps(client)
  // Loads the facet table now (about a second at 100,000 resources) rather than during the first search.
  currentFacetTable(db)
  return { indexed, removed }
}
