import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { normalizeForSearch } from '~/utils/arabic'
import { member, parliament } from '#db/schema/index'
import type { DirectoryQuery } from './parliament-schemas'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { Actor } from './access.server'
import { everyTermIn } from './search-sql.server'

export function countParliaments() {
  return getDb().select({ n: count() }).from(parliament).get()?.n ?? 0
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

/**
 * The directory: every word of the query must appear in the folded names (Arabic variants and diacritics
 * ignored), with filters, a sort and one page of results. Member counts come from one grouped subquery.
 */
export function searchParliaments(query: DirectoryQuery, lang: Language) {
  const db = getDb()
  const where: SQL[] = everyTermIn(parliament.searchText, query.q)
  if (query.kind) where.push(eq(parliament.kind, query.kind))
  if (query.region) where.push(eq(parliament.region, query.region))
  if (query.country) where.push(eq(parliament.countryCode, query.country))
  if (query.network) where.push(isNotNull(parliament.joinedAt))
  const filter = where.length ? and(...where) : undefined

  const members = db
    .select({ parliamentId: member.parliamentId, n: count().as('n') })
    .from(member)
    .groupBy(member.parliamentId)
    .as('members')
  const name = sql`coalesce(nullif(${lang === 'ar' ? parliament.nameAr : parliament.nameEn}, ''), ${lang === 'ar' ? parliament.nameEn : parliament.nameAr})`
  const order =
    query.sort === 'joined'
      ? [sql`${parliament.joinedAt} IS NULL`, desc(parliament.joinedAt), asc(name)]
      : query.sort === 'members'
        ? [desc(sql`coalesce(${members.n}, 0)`), asc(name)]
        : query.sort === 'country'
          ? [sql`${parliament.countryCode} IS NULL`, asc(parliament.countryCode), asc(parliament.chamber), asc(name)]
          : [asc(name)]

  const rows = db
    .select({ ...directoryColumns, memberCount: sql<number>`coalesce(${members.n}, 0)` })
    .from(parliament)
    .leftJoin(members, eq(members.parliamentId, parliament.id))
    .where(filter)
    .orderBy(...order)
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(parliament).where(filter).get()?.n ?? 0
  return { rows, total }
}

/** The countries that have a chamber in the directory (for the country filter). */
export function listParliamentCountries() {
  return getDb()
    .selectDistinct({ code: parliament.countryCode })
    .from(parliament)
    .where(isNotNull(parliament.countryCode))
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
