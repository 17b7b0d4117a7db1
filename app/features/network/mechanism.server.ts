import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { mechanism, mechanismPillar, parliament } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Db, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { Actor } from './access.server'
import type { MechanismInput, MechanismQuery, Pillar } from './mechanism-schemas'
import { parliamentExists } from './parliament.server'
import { everyTermIn } from './search-sql.server'

/** group_concat's "2,4" as [2, 4]. */
function pillarList(concatenated: string | null): Pillar[] {
  return concatenated
    ? (concatenated
        .split(',')
        .map(Number)
        .sort((a, b) => a - b) as Pillar[])
    : []
}

/** What a mechanism's card shows (the parliament page and the list). */
const cardColumns = {
  id: mechanism.id,
  kind: mechanism.kind,
  nameEn: mechanism.nameEn,
  nameAr: mechanism.nameAr,
  descriptionEn: mechanism.descriptionEn,
  descriptionAr: mechanism.descriptionAr,
  year: mechanism.year,
  url: mechanism.url,
}

/** A mechanism's pillars as group_concat's "2,4" (a subquery, so that a filter on one pillar keeps them all). */
const pillarsOf = sql<
  string | null
>`(select group_concat(${mechanismPillar.pillar}) from ${mechanismPillar} where ${mechanismPillar.mechanismId} = ${mechanism.id})`

/** A parliament's mechanisms, newest first, each with its pillars (one query, grouped). */
export function listParliamentMechanisms(parliamentId: number) {
  return getDb()
    .select({
      ...cardColumns,
      pillars: sql<string | null>`group_concat(${mechanismPillar.pillar})`,
    })
    .from(mechanism)
    .leftJoin(mechanismPillar, eq(mechanismPillar.mechanismId, mechanism.id))
    .where(eq(mechanism.parliamentId, parliamentId))
    .groupBy(mechanism.id)
    .orderBy(desc(mechanism.year), asc(mechanism.id))
    .all()
    .map((m) => ({ ...m, pillars: pillarList(m.pillars) }))
}

export const MECHANISM_PAGE_SIZE = 20

// The mechanism table has no stored search text: its names are folded on the fly by the same function that
// folds the query (app/utils/arabic.ts), registered once per connection as an SQLite function. A scan of a
// few thousand short names is cheap; a search_text column can come later if the table grows large.
const foldingConnections = new WeakSet<object>()
function withFolding(db: Db) {
  if (!foldingConnections.has(db.$client)) {
    db.$client.function('parlnet_fold', { deterministic: true }, (text: unknown) =>
      normalizeForSearch(typeof text === 'string' ? text : ''),
    )
    foldingConnections.add(db.$client)
  }
  return db
}

function mechanismFilter(query: MechanismQuery) {
  // The mechanism's names, folded, then the parliament's (already folded when stored): "shura committee" works.
  const haystack = sql`(parlnet_fold(${mechanism.nameEn} || ' ' || ${mechanism.nameAr}) || ' ' || ${parliament.searchText})`
  const where: SQL[] = everyTermIn(haystack, query.q)
  if (query.kind) where.push(eq(mechanism.kind, query.kind))
  if (query.pillar) {
    // EXISTS rather than a join, so the listed pillars stay complete when one of them is the filter.
    where.push(
      sql`exists (select 1 from ${mechanismPillar} where ${mechanismPillar.mechanismId} = ${mechanism.id} and ${mechanismPillar.pillar} = ${query.pillar})`,
    )
  }
  if (query.region) where.push(eq(parliament.region, query.region))
  if (query.country) where.push(eq(parliament.countryCode, query.country))
  if (query.parliament) where.push(eq(mechanism.parliamentId, query.parliament))
  return where.length ? and(...where) : undefined
}

/**
 * Mechanisms across the network, one page of them, with their parliament and pillars in one query: every
 * word of `q` must appear in the folded names (the mechanism's or its parliament's, in either language).
 * Sorted by parliament (its name in the viewer's language), then newest year first.
 */
export function searchMechanisms(query: MechanismQuery, lang: Language) {
  const db = withFolding(getDb())
  const filter = mechanismFilter(query)
  const parliamentName = sql`coalesce(nullif(${lang === 'ar' ? parliament.nameAr : parliament.nameEn}, ''), ${lang === 'ar' ? parliament.nameEn : parliament.nameAr})`
  const rows = db
    .select({
      ...cardColumns,
      parliamentId: parliament.id,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      countryCode: parliament.countryCode,
      region: parliament.region,
      pillars: pillarsOf,
    })
    .from(mechanism)
    .innerJoin(parliament, eq(parliament.id, mechanism.parliamentId))
    .where(filter)
    .orderBy(
      asc(parliamentName),
      asc(parliament.id),
      sql`${mechanism.year} IS NULL`,
      desc(mechanism.year),
      asc(mechanism.id),
    )
    .limit(MECHANISM_PAGE_SIZE)
    .offset((query.page - 1) * MECHANISM_PAGE_SIZE)
    .all()
    .map((m) => ({ ...m, pillars: pillarList(m.pillars) }))
  const total =
    db
      .select({ n: count() })
      .from(mechanism)
      .innerJoin(parliament, eq(parliament.id, mechanism.parliamentId))
      .where(filter)
      .get()?.n ?? 0
  return { rows, total }
}

/** The countries with at least one mechanism (for the country filter). */
export function listMechanismCountries() {
  return getDb()
    .selectDistinct({ code: parliament.countryCode })
    .from(mechanism)
    .innerJoin(parliament, eq(parliament.id, mechanism.parliamentId))
    .where(isNotNull(parliament.countryCode))
    .all()
    .map((r) => r.code!)
}

/** One mechanism with its pillars, or undefined. */
export function getMechanism(id: number) {
  const row = getDb()
    .select({
      ...cardColumns,
      parliamentId: mechanism.parliamentId,
      createdById: mechanism.createdById,
      pillars: pillarsOf,
    })
    .from(mechanism)
    .where(eq(mechanism.id, id))
    .get()
  return row ? { ...row, pillars: pillarList(row.pillars) } : undefined
}

function toRow(input: MechanismInput) {
  // The form requires a pillar; refusing here too keeps scripts from storing a mechanism that serves none.
  if (input.pillars.length === 0) throw new Error('A mechanism serves at least one pillar.')
  return {
    kind: input.kind,
    nameEn: input.nameEn,
    nameAr: input.nameAr,
    descriptionEn: input.descriptionEn,
    descriptionAr: input.descriptionAr,
    year: input.year,
    url: input.url,
  }
}

function writePillars(tx: Tx, mechanismId: number, pillars: Pillar[]) {
  tx.insert(mechanismPillar)
    .values(pillars.map((pillar) => ({ mechanismId, pillar })))
    .run()
}

/**
 * Adds a mechanism, its pillars and its audit row together: all or nothing. `createdById` is who adds it (null
 * for a script); refused ('parliamentRequired', nothing written) when the parliament does not exist.
 */
export function createMechanism(
  input: MechanismInput,
  owner: { parliamentId: number; createdById: number | null },
): Result<{ id: number }, 'parliamentRequired'> {
  return atomically((tx) => {
    if (!parliamentExists(owner.parliamentId, tx)) return fail('parliamentRequired')
    return ok(insertMechanism(tx, input, owner))
  })
}

/**
 * The directory's rows of a new mechanism (the row, its pillars, its audit entry) inside the caller's transaction:
 * for another feature that adds a mechanism as part of its own change (a survey's accepted proposal). The caller
 * has checked that the parliament exists.
 */
export function insertMechanism(
  tx: Tx,
  input: MechanismInput,
  owner: { parliamentId: number; createdById: number | null; details?: Record<string, unknown> },
): { id: number } {
  const { id } = tx
    .insert(mechanism)
    .values({ ...toRow(input), parliamentId: owner.parliamentId, createdById: owner.createdById })
    .returning({ id: mechanism.id })
    .get()
  writePillars(tx, id, input.pillars)
  recordAuditEvent(
    {
      actorId: owner.createdById,
      action: 'mechanism.created',
      targetType: 'mechanism',
      targetId: id,
      details: { parliamentId: owner.parliamentId, ...owner.details },
    },
    tx,
  )
  return { id }
}

/**
 * Saves a mechanism's fields, replaces its pillars and writes its audit row in one transaction. `parliamentId`
 * moves it to another parliament (coordinators only; the route decides), refused ('parliamentRequired', nothing
 * written) when that one does not exist. The audit row says from where to where it moved.
 */
export function updateMechanism(
  id: number,
  input: MechanismInput,
  { parliamentId }: { parliamentId?: number },
  actor: Actor,
): Result<undefined, 'parliamentRequired'> {
  return atomically((tx) => {
    const before = tx.select({ parliamentId: mechanism.parliamentId }).from(mechanism).where(eq(mechanism.id, id)).get()
    if (!before) throw new Error(`There is no mechanism ${id}.`)
    if (parliamentId && parliamentId !== before.parliamentId && !parliamentExists(parliamentId, tx)) {
      return fail('parliamentRequired')
    }
    tx.update(mechanism)
      .set({ ...toRow(input), ...(parliamentId ? { parliamentId } : {}), updatedAt: new Date() })
      .where(eq(mechanism.id, id))
      .run()
    tx.delete(mechanismPillar).where(eq(mechanismPillar.mechanismId, id)).run()
    writePillars(tx, id, input.pillars)
    const to = parliamentId ?? before.parliamentId
    recordAuditEvent(
      {
        actorId: actor?.id ?? null,
        action: 'mechanism.updated',
        targetType: 'mechanism',
        targetId: id,
        details: to === before.parliamentId ? undefined : { from: before.parliamentId, to },
      },
      tx,
    )
    return ok()
  })
}
