import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { sql } from 'drizzle-orm'
import { user } from './accounts'
import { timestamps } from './columns'
import { parliament } from './network'
import { genders, mechanismKinds, positions, visibilities } from '../enums'

/** A parliamentarian or parliamentary staff member of a parliament in the network. */
export const member = sqliteTable(
  'member',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
    /** The account of this person, when they have one (they then edit the profile themselves). */
    userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
    /** The Popolo `id` it was imported with, for re-imports. */
    popoloId: text('popolo_id'),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    position: text('position', { enum: positions }).notNull().default('member'),
    committees: text('committees').notNull().default(''),
    /** A political group or party (Popolo memberships of kind "party"). */
    groupName: text('group_name').notNull().default(''),
    gender: text('gender', { enum: genders }),
    /** Never shown publicly: only used for the youth statistics. */
    birthYear: integer('birth_year'),
    /** BCP 47 codes, comma separated (en,ar,fr). */
    languages: text('languages').notNull().default(''),
    /** The SHA-256 of the photo; its resized files live in DATA_DIR/photos. */
    photo: text('photo'),
    /** An image URL from an import, shown until a photo is uploaded. */
    imageUrl: text('image_url'),
    bioEn: text('bio_en').notNull().default(''),
    bioAr: text('bio_ar').notNull().default(''),
    /** Contact details are shown to signed-in users only. */
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    visibility: text('visibility', { enum: visibilities }).notNull().default('public'),
    isFocalPoint: integer('is_focal_point', { mode: 'boolean' }).notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index('member_parliament_id_idx').on(t.parliamentId),
    uniqueIndex('member_user_id_idx')
      .on(t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('member_popolo_id_idx')
      .on(t.popoloId)
      .where(sql`${t.popoloId} IS NOT NULL`),
    index('member_gender_idx').on(t.gender),
  ],
)

/**
 * Other identifiers of a member (Popolo `identifiers`: wikidata, parliament ids, …). A global scheme's identifier
 * (Wikidata, VIAF…) is unique in the database; any other scheme's only within its parliament (docs/decisions/021).
 */
export const memberIdentifier = sqliteTable(
  'member_identifier',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id, { onDelete: 'cascade' }),
    scheme: text('scheme').notNull(),
    identifier: text('identifier').notNull(),
    /** The member's parliament for a legislature's own scheme; null for a global scheme (app/models/popolo-import). */
    scopeParliamentId: integer('scope_parliament_id').references(() => parliament.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.scheme, t.identifier] }),
    uniqueIndex('member_identifier_global_idx')
      .on(t.scheme, t.identifier)
      .where(sql`${t.scopeParliamentId} IS NULL`),
    uniqueIndex('member_identifier_scoped_idx')
      .on(t.scopeParliamentId, t.scheme, t.identifier)
      .where(sql`${t.scopeParliamentId} IS NOT NULL`),
  ],
)

/** What a parliament has set up against terrorism and violent extremism. */
export const mechanism = sqliteTable(
  'mechanism',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: mechanismKinds }).notNull(),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    year: integer('year'),
    url: text('url'),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [index('mechanism_parliament_id_idx').on(t.parliamentId), index('mechanism_kind_idx').on(t.kind)],
)

/** The pillar(s) of the UN Global Counter-Terrorism Strategy (1–4) a mechanism serves. */
export const mechanismPillar = sqliteTable(
  'mechanism_pillar',
  {
    mechanismId: integer('mechanism_id')
      .notNull()
      .references(() => mechanism.id, { onDelete: 'cascade' }),
    pillar: integer('pillar').notNull(),
  },
  (t) => [primaryKey({ columns: [t.mechanismId, t.pillar] }), index('mechanism_pillar_pillar_idx').on(t.pillar)],
)
