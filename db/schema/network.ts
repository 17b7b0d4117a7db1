import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { timestamps } from './columns'

export const parliamentKinds = ['national', 'assembly', 'union'] as const
export type ParliamentKind = (typeof parliamentKinds)[number]

// IPU's geographical regions, plus "global" for world-wide bodies.
export const regions = [
  'africa',
  'americas',
  'asia',
  'europe',
  'middle_east_north_africa',
  'pacific',
  'global',
] as const
export type Region = (typeof regions)[number]

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
    joinedAt: text('joined_at'),
    ...timestamps(),
  },
  (t) => [
    index('parliament_kind_idx').on(t.kind),
    index('parliament_region_idx').on(t.region),
    index('parliament_country_code_idx').on(t.countryCode),
    uniqueIndex('parliament_name_en_idx').on(t.nameEn).where(sql`${t.nameEn} <> ''`),
    check('parliament_has_name', sql`${t.nameEn} <> '' OR ${t.nameAr} <> ''`),
    check(
      'parliament_country_for_national',
      sql`(${t.kind} = 'national') = (${t.countryCode} IS NOT NULL)`,
    ),
  ],
)
