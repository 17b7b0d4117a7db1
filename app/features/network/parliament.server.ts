import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { normalizeForSearch } from '~/utils/arabic'
import { member, parliament } from '#db/schema/index'
import type { DirectoryQuery } from './parliament-schemas'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, preparedQuery, type Db, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { Actor } from './access.server'
import { everyTermPlaceholderIn, termValues } from './search-sql.server'

// The home page's figure and the directory's country filter: built once.
const parliamentCount = preparedQuery((db) => db.select({ n: count() }).from(parliament).prepare())
const parliamentCountries = preparedQuery((db) =>
  db
    .selectDistinct({ code: parliament.countryCode })
    .from(parliament)
    .where(isNotNull(parliament.countryCode))
    .prepare(),
)

export function countParliaments() {
  return parliamentCount().get()?.n ?? 0
}

/** Every parliament and assembly, sorted by its name in the viewer's language. */
export function listParliaments(lang: Language) {
  const name = lang === 'ar' ? parliament.nameAr : parliament.nameEn
  const other = lang === 'ar' ? parliament.nameEn : parliament.nameAr
  return getDb()
    .select({
      id: parliament.id,
      kind: parliament.kind,
      countryCode: parliament.countryCode,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      region: parliament.region,
      website: parliament.website,
      joinedAt: parliament.joinedAt,
    })
    .from(parliament)
    .orderBy(asc(sql`coalesce(nullif(${name}, ''), ${other})`))
    .all()
}

/** Choices for a form's "parliament" select. */
export function listParliamentOptions(lang: Language, { inNetworkOnly = false } = {}) {
  return listParliaments(lang)
    .filter((p) => !inNetworkOnly || p.joinedAt)
    .map((p) => ({ id: p.id, nameEn: p.nameEn, nameAr: p.nameAr }))
}

export function parliamentExists(id: number, db: Tx = getDb()) {
  return Boolean(db.select({ id: parliament.id }).from(parliament).where(eq(parliament.id, id)).get())
}

export function getParliamentName(id: number) {
  return getDb()
    .select({ id: parliament.id, nameEn: parliament.nameEn, nameAr: parliament.nameAr })
    .from(parliament)
    .where(eq(parliament.id, id))
    .get()
}

/** What the directory searches: both names, folded (app/utils/arabic.ts). */
export function parliamentSearchText(p: { nameEn: string; nameAr: string; countryCode?: string | null }) {
  return normalizeForSearch([p.nameEn, p.nameAr, p.countryCode ?? ''].join(' '))
}

/** Fills the search text of rows written before it existed (or by SQL alone); cheap when none is missing. */
export function refreshParliamentSearchText() {
  const db = getDb()
  const stale = db
    .select({
      id: parliament.id,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      countryCode: parliament.countryCode,
    })
    .from(parliament)
    .where(eq(parliament.searchText, ''))
    .all()
  db.transaction((tx) => {
    for (const p of stale) {
      tx.update(parliament)
        .set({ searchText: parliamentSearchText(p) })
        .where(eq(parliament.id, p.id))
        .run()
    }
  })
  return stale.length
}

export const DIRECTORY_PAGE_SIZE = 25

/** What names a chamber: its names, and its country and chamber (statistics label bars with them). */
export const chamberColumns = {
  id: parliament.id,
  kind: parliament.kind,
  countryCode: parliament.countryCode,
  chamber: parliament.chamber,
  nameEn: parliament.nameEn,
  nameAr: parliament.nameAr,
}
/** What a row of the directory shows. */
const directoryColumns = { ...chamberColumns, region: parliament.region, joinedAt: parliament.joinedAt }
const profileColumns = {
  ...directoryColumns,
  website: parliament.website,
  ipuSeats: parliament.ipuSeats,
  ipuWomen: parliament.ipuWomen,
  ipuAsOf: parliament.ipuAsOf,
}

/** What the text of the directory's SQL depends on; the words and the filters' values go in as placeholders. */
type DirectoryShape = {
  lang: Language
  sort: DirectoryQuery['sort']
  terms: number
  kind: boolean
  region: boolean
  country: boolean
  network: boolean
}

/** The directory's page and its count, for one shape of query. Member counts come from one grouped subquery. */
function buildDirectory(db: Db, shape: DirectoryShape) {
  const where: SQL[] = everyTermPlaceholderIn(parliament.searchText, shape.terms)
  if (shape.kind) where.push(eq(parliament.kind, sql.placeholder('kind')))
  if (shape.region) where.push(eq(parliament.region, sql.placeholder('region')))
  if (shape.country) where.push(eq(parliament.countryCode, sql.placeholder('country')))
  if (shape.network) where.push(isNotNull(parliament.joinedAt))
  const filter = where.length ? and(...where) : undefined

  const members = db
    .select({ parliamentId: member.parliamentId, n: count().as('n') })
    .from(member)
    .groupBy(member.parliamentId)
    .as('members')
  const { lang } = shape
  const name = sql`coalesce(nullif(${lang === 'ar' ? parliament.nameAr : parliament.nameEn}, ''), ${lang === 'ar' ? parliament.nameEn : parliament.nameAr})`
  const order =
    shape.sort === 'joined'
      ? [sql`${parliament.joinedAt} IS NULL`, desc(parliament.joinedAt), asc(name)]
      : shape.sort === 'members'
        ? [desc(sql`coalesce(${members.n}, 0)`), asc(name)]
        : shape.sort === 'country'
          ? [sql`${parliament.countryCode} IS NULL`, asc(parliament.countryCode), asc(parliament.chamber), asc(name)]
          : [asc(name)]

  return {
    rows: db
      .select({ ...directoryColumns, memberCount: sql<number>`coalesce(${members.n}, 0)` })
      .from(parliament)
      .leftJoin(members, eq(members.parliamentId, parliament.id))
      .where(filter)
      .orderBy(...order)
      .limit(DIRECTORY_PAGE_SIZE)
      .offset(sql.placeholder('offset'))
      .prepare(),
    total: db.select({ n: count() }).from(parliament).where(filter).prepare(),
  }
}

// Built once per shape (at most 2 languages × 4 sorts × 9 word counts × 16 sets of filters).
const directory = preparedQuery((db, shape: string) => buildDirectory(db, JSON.parse(shape) as DirectoryShape))

/**
 * The directory: every word of the query must appear in the folded names (Arabic variants and diacritics
 * ignored), with filters, a sort and one page of results.
 */
export function searchParliaments(query: DirectoryQuery, lang: Language) {
  const terms = termValues(query.q)
  const shape: DirectoryShape = {
    lang,
    sort: query.sort,
    terms: terms.count,
    kind: Boolean(query.kind),
    region: Boolean(query.region),
    country: Boolean(query.country),
    network: Boolean(query.network),
  }
  const { rows, total } = directory(JSON.stringify(shape))
  const params = {
    ...terms.values,
    kind: query.kind,
    region: query.region,
    country: query.country,
    offset: (query.page - 1) * DIRECTORY_PAGE_SIZE,
  }
  return { rows: rows.all(params), total: total.get(params)?.n ?? 0 }
}

/** The countries that have a chamber in the directory (for the country filter). */
export function listParliamentCountries() {
  return parliamentCountries()
    .all()
    .map((r) => r.code!)
}

/** A parliament as its page and its form show it: everything but its search text and timestamps. */
export function getParliament(id: number) {
  return getDb().select(profileColumns).from(parliament).where(eq(parliament.id, id)).get()
}

export type ParliamentInput = {
  kind: (typeof parliament.$inferInsert)['kind']
  countryCode?: string
  chamber?: (typeof parliament.$inferInsert)['chamber']
  nameEn: string
  nameAr: string
  region: (typeof parliament.$inferInsert)['region']
  website: string | null
  joinedAt?: string
}

function toRow(input: ParliamentInput) {
  return {
    kind: input.kind,
    countryCode: input.kind === 'national' ? (input.countryCode ?? null) : null,
    chamber: input.kind === 'national' ? (input.chamber ?? null) : null,
    nameEn: input.nameEn,
    nameAr: input.nameAr,
    region: input.region,
    website: input.website,
    joinedAt: input.joinedAt ?? null,
    searchText: parliamentSearchText(input),
  }
}

/** Whether another chamber already uses this English name or this country + chamber (both unique). */
export function findParliamentConflict(input: ParliamentInput, exceptId?: number, db: Tx = getDb()) {
  const rows = db
    .select({
      id: parliament.id,
      nameEn: parliament.nameEn,
      countryCode: parliament.countryCode,
      chamber: parliament.chamber,
    })
    .from(parliament)
    .where(
      sql`(${parliament.nameEn} <> '' AND ${parliament.nameEn} = ${input.nameEn}) OR (${parliament.countryCode} = ${input.countryCode ?? null} AND ${parliament.chamber} = ${input.chamber ?? null})`,
    )
    .all()
    .filter((r) => r.id !== exceptId)
  if (rows.some((r) => r.nameEn && r.nameEn === input.nameEn)) return 'nameTaken' as const
  if (rows.length) return 'chamberTaken' as const
  return null
}
export type ParliamentConflict = NonNullable<ReturnType<typeof findParliamentConflict>>

/** Adds a parliament and its audit row together; refused, nothing written, when its name or chamber is taken. */
export function createParliament(input: ParliamentInput, actor: Actor): Result<{ id: number }, ParliamentConflict> {
  return atomically((tx) => {
    const conflict = findParliamentConflict(input, undefined, tx)
    if (conflict) return fail(conflict)
    const created = tx.insert(parliament).values(toRow(input)).returning({ id: parliament.id }).get()
    recordAuditEvent(
      { actorId: actor?.id ?? null, action: 'parliament.created', targetType: 'parliament', targetId: created.id },
      tx,
    )
    return ok(created)
  })
}

/** Saves a parliament and its audit row together; refused, nothing written, when another one has its name or chamber. */
export function updateParliament(
  id: number,
  input: ParliamentInput,
  actor: Actor,
): Result<undefined, ParliamentConflict> {
  return atomically((tx) => {
    const conflict = findParliamentConflict(input, id, tx)
    if (conflict) return fail(conflict)
    tx.update(parliament)
      .set({ ...toRow(input), updatedAt: new Date() })
      .where(eq(parliament.id, id))
      .run()
    recordAuditEvent(
      { actorId: actor?.id ?? null, action: 'parliament.updated', targetType: 'parliament', targetId: id },
      tx,
    )
    return ok()
  })
}

/** Every parliament's page (all are public), with when it last changed: the sitemap's entries. */
export function listParliamentsForSitemap() {
  return getDb()
    .select({ id: parliament.id, updatedAt: parliament.updatedAt })
    .from(parliament)
    .orderBy(asc(parliament.id))
    .all()
}
