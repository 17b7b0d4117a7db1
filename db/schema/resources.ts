import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { parliament } from './network'
import {
  contentLanguages,
  fileRoles,
  regions,
  resolutions,
  resourceStates,
  resourceTypes,
  themes,
  visibilities,
} from '../enums'

/** A material, publication or multimedia item of the library. */
export const resource = sqliteTable(
  'resource',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: resourceTypes }).notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    summaryAr: text('summary_ar').notNull().default(''),
    /** Transcripts of a video or audio item, in either language. */
    transcriptEn: text('transcript_en').notNull().default(''),
    transcriptAr: text('transcript_ar').notNull().default(''),
    publisher: text('publisher').notNull().default(''),
    /** Authors, one per line. */
    authors: text('authors').notNull().default(''),
    /** Free keywords, comma separated. */
    tags: text('tags').notNull().default(''),
    /** ISO date (YYYY-MM-DD) of publication. */
    publishedOn: text('published_on'),
    /** Denormalised year of publishedOn, for the year facet. */
    year: integer('year'),
    region: text('region', { enum: regions }),
    licence: text('licence').notNull().default(''),
    /** A link to the resource elsewhere (for type "link", or besides the files). */
    externalUrl: text('external_url'),
    visibility: text('visibility', { enum: visibilities }).notNull().default('public'),
    state: text('state', { enum: resourceStates }).notNull().default('draft'),
    /** Why a coordinator returned it; shown to the author. */
    returnReason: text('return_reason'),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    reviewerId: integer('reviewer_id').references(() => user.id, { onDelete: 'set null' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp' }),
    /** When it was (first) published: the order of the feeds and of "latest". */
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    ...timestamps(),
  },
  (t) => [
    index('resource_state_published_at_idx').on(t.state, t.publishedAt),
    index('resource_author_id_idx').on(t.authorId),
    index('resource_state_submitted_at_idx').on(t.state, t.submittedAt),
    // Counts the resources everyone may see (the home page's figure) from the index alone.
    index('resource_state_visibility_idx').on(t.state, t.visibility),
    check('resource_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
  ],
)

const resourceId = () =>
  integer('resource_id')
    .notNull()
    .references(() => resource.id, { onDelete: 'cascade' })

export const resourcePillar = sqliteTable(
  'resource_pillar',
  { resourceId: resourceId(), pillar: integer('pillar').notNull() },
  (t) => [primaryKey({ columns: [t.resourceId, t.pillar] }), index('resource_pillar_pillar_idx').on(t.pillar)],
)

export const resourceResolution = sqliteTable(
  'resource_resolution',
  { resourceId: resourceId(), resolution: text('resolution', { enum: resolutions }).notNull() },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.resolution] }),
    index('resource_resolution_resolution_idx').on(t.resolution),
  ],
)

export const resourceTheme = sqliteTable(
  'resource_theme',
  { resourceId: resourceId(), theme: text('theme', { enum: themes }).notNull() },
  (t) => [primaryKey({ columns: [t.resourceId, t.theme] }), index('resource_theme_theme_idx').on(t.theme)],
)

/** The languages the content exists in (not the languages of its title). */
export const resourceLanguage = sqliteTable(
  'resource_language',
  { resourceId: resourceId(), language: text('language', { enum: contentLanguages }).notNull() },
  (t) => [primaryKey({ columns: [t.resourceId, t.language] }), index('resource_language_language_idx').on(t.language)],
)

/** Countries a resource is about (ISO 3166-1 alpha-2). */
export const resourceCountry = sqliteTable(
  'resource_country',
  { resourceId: resourceId(), countryCode: text('country_code').notNull() },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.countryCode] }),
    index('resource_country_country_idx').on(t.countryCode),
  ],
)

export const resourceParliament = sqliteTable(
  'resource_parliament',
  {
    resourceId: resourceId(),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.parliamentId] }),
    index('resource_parliament_parliament_idx').on(t.parliamentId),
  ],
)

/**
 * A file of a resource. The bytes live in DATA_DIR/uploads under their SHA-256 (several rows may share one);
 * the user's file name is kept only to be offered back on download.
 */
export const resourceFile = sqliteTable(
  'resource_file',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceId: resourceId(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** Decided from the content (magic bytes), never from the name or the browser. */
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    role: text('role', { enum: fileRoles }).notNull().default('document'),
    language: text('language', { enum: contentLanguages }),
    /** Alternative text of an image, in both languages. */
    altEn: text('alt_en').notNull().default(''),
    altAr: text('alt_ar').notNull().default(''),
    /** Text extracted from a PDF, for search. */
    extractedText: text('extracted_text').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('resource_file_resource_id_idx').on(t.resourceId), index('resource_file_sha256_idx').on(t.sha256)],
)

/**
 * A file uploaded but not yet attached to a resource (the "direct upload" pattern): the browser sends the file
 * first, with a progress bar, and the form then refers to it by `id`. Attaching it moves it into
 * `resource_file`; what stays unattached is removed (row and bytes) after a day.
 */
export const pendingUpload = sqliteTable(
  'pending_upload',
  {
    /** A random, unguessable token (base32). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    extractedText: text('extracted_text').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('pending_upload_user_id_idx').on(t.userId), index('pending_upload_created_at_idx').on(t.createdAt)],
)
