// A resource's taxonomies: pillars, resolutions, themes, languages, countries and parliaments, one table each with
// a row per value, read together and replaced whole.
import { asc, eq } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import {
  parliament,
  resourceCountry,
  resourceLanguage,
  resourceParliament,
  resourcePillar,
  resourceResolution,
  resourceTheme,
} from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import type { ResourceInput } from './schemas'

type TaxonomyTable =
  | typeof resourcePillar
  | typeof resourceResolution
  | typeof resourceTheme
  | typeof resourceLanguage
  | typeof resourceCountry
  | typeof resourceParliament

/** One column of a taxonomy table for a resource, in the column's order when `sorted` (else as stored). */
function valuesOf<C extends SQLiteColumn>(table: TaxonomyTable, column: C, id: number, sorted = false) {
  return getDb()
    .select({ v: column })
    .from(table)
    .where(eq(table.resourceId, id))
    .orderBy(...(sorted ? [asc(column)] : []))
    .all()
    .map((r) => r.v as C['_']['data'])
}

/** A resource's taxonomies as its page shows them (its parliaments with their names, by English name). */
export function readTaxonomies(id: number) {
  return {
    pillars: valuesOf(resourcePillar, resourcePillar.pillar, id, true),
    resolutions: valuesOf(resourceResolution, resourceResolution.resolution, id, true),
    themes: valuesOf(resourceTheme, resourceTheme.theme, id),
    languages: valuesOf(resourceLanguage, resourceLanguage.language, id),
    countries: valuesOf(resourceCountry, resourceCountry.countryCode, id),
    parliaments: getDb()
      .select({ id: parliament.id, nameEn: parliament.nameEn, nameAr: parliament.nameAr })
      .from(resourceParliament)
      .innerJoin(parliament, eq(parliament.id, resourceParliament.parliamentId))
      .where(eq(resourceParliament.resourceId, id))
      .orderBy(asc(parliament.nameEn))
      .all(),
  }
}

/** Replaces the taxonomies of a resource with the form's. */
export function writeTaxonomies(tx: Tx, id: number, input: ResourceInput) {
  const replace = <T extends TaxonomyTable>(table: T, rows: T['$inferInsert'][]) => {
    tx.delete(table).where(eq(table.resourceId, id)).run()
    if (rows.length) tx.insert(table).values(rows).run()
  }
  replace(
    resourcePillar,
    input.pillars.map((pillar) => ({ resourceId: id, pillar })),
  )
  replace(
    resourceResolution,
    input.resolutions.map((resolution) => ({ resourceId: id, resolution })),
  )
  replace(
    resourceTheme,
    input.themes.map((theme) => ({ resourceId: id, theme })),
  )
  replace(
    resourceLanguage,
    input.languages.map((language) => ({ resourceId: id, language })),
  )
  replace(
    resourceCountry,
    input.countries.map((countryCode) => ({ resourceId: id, countryCode })),
  )
  replace(
    resourceParliament,
    input.parliamentIds.map((parliamentId) => ({ resourceId: id, parliamentId })),
  )
}
