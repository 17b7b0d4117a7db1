import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns'
import { chambers, parliamentKinds, regions } from '../enums'

export * from '../enums'

/** A national chamber or a parliamentary assembly / union that belongs to the network. */
export const parliament = sqliteTable(
  'parliament',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: parliamentKinds }).notNull(),
    /** ISO 3166-1 alpha-2, only for national chambers. */
    countryCode: text('country_code'),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    region: text('region', { enum: regions }).notNull(),
    website: text('website'),
    /** ISO date (YYYY-MM-DD) the chamber joined the network; null for chambers listed only for context. */
    joinedAt: text('joined_at'),
    /** For national parliaments with two chambers: which one this is. */
    chamber: text('chamber', { enum: chambers }),
    /** Both names, lower-cased and with Arabic spelling variants folded (app/utils/arabic.ts), for search. */
    searchText: text('search_text').notNull().default(''),
    /** IPU's figures for the whole chamber (context beside the network's own members). */
    ipuSeats: integer('ipu_seats'),
    ipuWomen: integer('ipu_women'),
    /** The date IPU's figures are "as of", e.g. 2021-09-01. */
    ipuAsOf: text('ipu_as_of'),
    ...timestamps(),
  },
  (t) => [
    index('parliament_kind_idx').on(t.kind),
    index('parliament_region_idx').on(t.region),
    index('parliament_country_code_idx').on(t.countryCode),
    uniqueIndex('parliament_name_en_idx')
      .on(t.nameEn)
      .where(sql`${t.nameEn} <> ''`),
    uniqueIndex('parliament_country_chamber_idx')
      .on(t.countryCode, t.chamber)
      .where(sql`${t.countryCode} IS NOT NULL AND ${t.chamber} IS NOT NULL`),
    check('parliament_has_name', sql`${t.nameEn} <> '' OR ${t.nameAr} <> ''`),
    check('parliament_country_for_national', sql`(${t.kind} = 'national') = (${t.countryCode} IS NOT NULL)`),
  ],
)
