// The library's search: three SQLite FTS5 indexes kept in step from here (reindexResource after every save),
// and one function that answers the list page and the feed (searchResources). Why it is built this way, with
// the figures: docs/decisions/008-resource-search.md. In short:
// - FTS5 holds text folded and stemmed in JavaScript (app/features/search/text.ts), since better-sqlite3 cannot
//   register a tokenizer: resource_fts (stems with positions: phrases, bm25 per column), resource_words_fts
//   (each word once, with prefix indexes: word beginnings) and resource_title_fts (the title's words and stems:
//   the first ranking tier). Every resource is indexed, whatever its state; visibility is applied per query.
// - The matching ids come out of SQLite in one string (group_concat) — or, for the entries a large share of a big
//   library holds, out of their bitmaps (bitmaps.server.ts, migrations/0008) — and the total and the facet counts are
//   counted here over an in-memory table of each resource's facets (typed arrays, a few bytes a resource): at
//   50,000 matches a GROUP BY per facet costs tens of milliseconds, this a millisecond or two. SQL triggers log
//   every change to those facets (migrations/0004), whoever makes it; the table reads the log before each search.
// - The rows shown are read from `resource` under listedResourcesWhere(viewer), so what a page lists is always
//   decided by the same rule as the rest of the library.
import { and, sql } from 'drizzle-orm'
import { type Theme } from '#db/enums'
import { resource, resourceTheme } from '#db/schema/index'
import { listedResourcesWhere, type Viewer } from './listing.server'
import { pickLanguage } from '~/utils/bilingual'
import { getDb, type Db } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { parseSearchQuery, type ParsedQuery } from './query'
import {
  createHighlighter,
  markWords,
  openingSegments,
  snippetSegments,
  SNIPPET_SCAN_CHARS,
  textLanguage,
  type Highlighter,
} from './snippet'
import type { ResourceSearchQuery } from './schemas'
import type { ResourceSort } from './search-params'
import {
  ResourceSearchResult,
  ResourceSearchRow,
  compileFilters,
  facetList,
  isFiltering,
  tally,
} from './facet-counts.server'
import { currentFacetTable, themeBit } from './facet-table.server'
import { queryIds } from './matching.server'
import { emptyFacets, newest, rankPage } from './ranking.server'
import { Client, EXACT_RANK_LIMIT, RESOURCE_PAGE_SIZE, prepare } from './shared.server'

// The engine's entry points, from the modules it is made of.
export { reindexAllResources, reindexResource, syncResourceSearchIndex } from './indexing.server'
export { clearResourceSearchCaches } from './facet-table.server'
export type { FacetCount, ResourceFacets, ResourceSearchResult, ResourceSearchRow } from './facet-counts.server'
export { EXACT_RANK_LIMIT, RESOURCE_PAGE_SIZE } from './shared.server'

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
