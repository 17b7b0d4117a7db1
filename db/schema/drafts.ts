import { sql } from 'drizzle-orm'
import {
  blob,
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { parliament } from './network'
import { resource } from './resources'
import { locales, resolutions, themes } from '../enums'
// Pure lists with no dependencies (the browser's forms read them too); see decision 025.
import { draftKinds, provisionKinds } from '../../app/features/drafts/snapshot'
import {
  amendmentKinds,
  amendmentStates,
  consultationScopes,
  draftStages,
  draftVisibilities,
} from '../../app/features/drafts/vocabulary'

/**
 * A model law, policy, strategy, resolution or guidelines drafted together (issue 15, decision 025). Its title and
 * summary are column pairs like every other record's; its provisions' texts are rows per language.
 */
export const draft = sqliteTable(
  'draft',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: draftKinds }).notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    summaryAr: text('summary_ar').notNull().default(''),
    /** The language it is first written in: the first of the snapshot's `languages`. */
    originalLanguage: text('original_language', { enum: locales }).notNull().default('en'),
    /** The coordinator in charge. */
    coordinatorId: integer('coordinator_id').references(() => user.id, { onDelete: 'set null' }),
    stage: text('stage', { enum: draftStages }).notNull().default('preparation'),
    /** When the consultation closes (set when it opens). */
    consultationClosesAt: integer('consultation_closes_at', { mode: 'timestamp' }),
    consultationScope: text('consultation_scope', { enum: consultationScopes }).notNull().default('members'),
    visibility: text('visibility', { enum: draftVisibilities }).notNull().default('members'),
    /** The library resource its adoption published (adoption.server.ts); one draft per resource. */
    resourceId: integer('resource_id').references(() => resource.id, { onDelete: 'set null' }),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    stageChangedAt: integer('stage_changed_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
    ...timestamps(),
  },
  (t) => [
    index('draft_stage_updated_at_idx').on(t.stage, t.updatedAt),
    index('draft_visibility_stage_idx').on(t.visibility, t.stage),
    index('draft_coordinator_id_idx').on(t.coordinatorId),
    index('draft_created_by_id_idx').on(t.createdById),
    uniqueIndex('draft_resource_id_idx').on(t.resourceId),
    check('draft_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
  ],
)

const draftId = () =>
  integer('draft_id')
    .notNull()
    .references(() => draft.id, { onDelete: 'cascade' })

/** The lead parliament(s) or assembly (the parliament table holds both). */
export const draftLead = sqliteTable(
  'draft_lead',
  {
    draftId: draftId(),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.draftId, t.parliamentId] }),
    index('draft_lead_parliament_id_idx').on(t.parliamentId),
  ],
)

/** The working group: editors (members or coordinators); the coordinator in charge is on the draft itself. */
export const draftEditor = sqliteTable(
  'draft_editor',
  {
    draftId: draftId(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.userId] }), index('draft_editor_user_id_idx').on(t.userId)],
)

export const draftPillar = sqliteTable(
  'draft_pillar',
  { draftId: draftId(), pillar: integer('pillar').notNull() },
  (t) => [primaryKey({ columns: [t.draftId, t.pillar] }), index('draft_pillar_pillar_idx').on(t.pillar)],
)

export const draftResolution = sqliteTable(
  'draft_resolution',
  { draftId: draftId(), resolution: text('resolution', { enum: resolutions }).notNull() },
  (t) => [
    primaryKey({ columns: [t.draftId, t.resolution] }),
    index('draft_resolution_resolution_idx').on(t.resolution),
  ],
)

export const draftTheme = sqliteTable(
  'draft_theme',
  { draftId: draftId(), theme: text('theme', { enum: themes }).notNull() },
  (t) => [primaryKey({ columns: [t.draftId, t.theme] }), index('draft_theme_theme_idx').on(t.theme)],
)

/**
 * A node of the draft's tree. `wId` is given once and kept through moves (Akoma Ntoso's work identifier); the
 * `eId` and number come from the place and are computed, never stored. `revision` goes up with every save of its
 * text, so a save that started from an older revision is refused (decision 025). The parent is tied to the same
 * draft by the composite key: a provision can never hang under another draft's.
 */
export const provision = sqliteTable(
  'provision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftId: draftId(),
    parentId: integer('parent_id'),
    kind: text('kind', { enum: provisionKinds }).notNull(),
    /** Order among its siblings, 0, 1, 2… (renumbered on every insert, move and delete). */
    position: integer('position').notNull(),
    wId: text('w_id').notNull(),
    revision: integer('revision').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('provision_draft_w_id_idx').on(t.draftId, t.wId),
    // The target of the composite keys below (and the lookup "this provision, of this draft").
    uniqueIndex('provision_draft_id_id_idx').on(t.draftId, t.id),
    // The children of a node in order; also the index the composite key's cascade needs.
    index('provision_draft_parent_position_idx').on(t.draftId, t.parentId, t.position),
    foreignKey({
      name: 'provision_parent_fk',
      columns: [t.draftId, t.parentId],
      foreignColumns: [t.draftId, t.id],
    }).onDelete('cascade'),
    check('provision_position_not_negative', sql`${t.position} >= 0`),
    check('provision_revision_positive', sql`${t.revision} >= 1`),
    check('provision_w_id_not_empty', sql`${t.wId} <> ''`),
  ],
)

const provisionId = () =>
  integer('provision_id')
    .notNull()
    .references(() => provision.id, { onDelete: 'cascade' })

/**
 * A provision's heading and body in one language: one row per (provision, language), so that a third language is
 * data. A language with no row is "to translate"; a row is never empty in both fields.
 */
export const provisionText = sqliteTable(
  'provision_text',
  {
    provisionId: provisionId(),
    /** BCP 47 ('en', 'ar'). */
    lang: text('lang').notNull(),
    heading: text('heading').notNull().default(''),
    body: text('body').notNull().default(''),
    updatedById: integer('updated_by_id').references(() => user.id, { onDelete: 'set null' }),
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    primaryKey({ columns: [t.provisionId, t.lang] }),
    index('provision_text_lang_idx').on(t.lang),
    check('provision_text_not_empty', sql`${t.heading} <> '' OR ${t.body} <> ''`),
    check('provision_text_lang_code', sql`length(${t.lang}) BETWEEN 2 AND 35`),
  ],
)

/**
 * A proposed change to a provision in consultation. Its provision is kept as `provision_id` (null once that
 * provision is deleted) and as its `w_id`, so the record survives; `base_revision` is the provision's revision when
 * it was written: a provision changed since then makes it "outdated".
 */
export const draftAmendment = sqliteTable(
  'draft_amendment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftId: draftId(),
    provisionId: integer('provision_id').references(() => provision.id, { onDelete: 'set null' }),
    provisionWId: text('provision_w_id').notNull(),
    kind: text('kind', { enum: amendmentKinds }).notNull(),
    /** insert_after: the kind of the new provision. */
    newKind: text('new_kind', { enum: provisionKinds }),
    justification: text('justification').notNull().default(''),
    proposerId: integer('proposer_id').references(() => user.id, { onDelete: 'set null' }),
    status: text('status', { enum: amendmentStates }).notNull().default('open'),
    /** Why it was rejected: the proposer reads it. */
    reason: text('reason'),
    decidedById: integer('decided_by_id').references(() => user.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at', { mode: 'timestamp' }),
    baseRevision: integer('base_revision').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('draft_amendment_draft_status_idx').on(t.draftId, t.status),
    index('draft_amendment_provision_status_idx').on(t.provisionId, t.status),
    index('draft_amendment_proposer_id_idx').on(t.proposerId),
    check('draft_amendment_new_kind', sql`(${t.kind} = 'insert_after') = (${t.newKind} IS NOT NULL)`),
  ],
)

/** The wording an amendment proposes, one row per language (none for a deletion). */
export const draftAmendmentText = sqliteTable(
  'draft_amendment_text',
  {
    amendmentId: integer('amendment_id')
      .notNull()
      .references(() => draftAmendment.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    heading: text('heading').notNull().default(''),
    body: text('body').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.amendmentId, t.lang] }),
    check('draft_amendment_text_not_empty', sql`${t.heading} <> '' OR ${t.body} <> ''`),
  ],
)

/**
 * A provision's history: each save of a language's text (the words after the save), with who and when, and the
 * amendment it came from when an editor accepted one. An empty heading and body is the language's text removed.
 */
export const provisionChange = sqliteTable(
  'provision_change',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftId: draftId(),
    provisionId: provisionId(),
    lang: text('lang').notNull(),
    heading: text('heading').notNull().default(''),
    body: text('body').notNull().default(''),
    /** The provision's revision this save made. */
    revision: integer('revision').notNull(),
    changedById: integer('changed_by_id').references(() => user.id, { onDelete: 'set null' }),
    changedAt: integer('changed_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
    amendmentId: integer('amendment_id').references(() => draftAmendment.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('provision_change_provision_id_idx').on(t.provisionId, t.id),
    index('provision_change_draft_id_idx').on(t.draftId, t.id),
    index('provision_change_amendment_id_idx').on(t.amendmentId),
  ],
)

/**
 * A saved version: the tree and its texts frozen as a DraftSnapshot (app/features/drafts/snapshot.ts), stored as
 * gzipped JSON (a 400-provision bilingual draft: see decision 025 for the sizes).
 */
export const draftVersion = sqliteTable(
  'draft_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftId: draftId(),
    /** 1, 2, 3… within the draft. */
    number: integer('number').notNull(),
    note: text('note').notNull().default(''),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    provisionCount: integer('provision_count').notNull(),
    snapshot: blob('snapshot', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    uniqueIndex('draft_version_draft_number_idx').on(t.draftId, t.number),
    check('draft_version_number_positive', sql`${t.number} >= 1`),
  ],
)

/**
 * A comment on a provision in consultation, or a reply (`parent_id`) in its thread; an editor resolves a thread.
 * Like amendments, it keeps its place (`provision_w_id`) when its provision is deleted.
 */
export const draftComment = sqliteTable(
  'draft_comment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    draftId: draftId(),
    provisionId: integer('provision_id').references(() => provision.id, { onDelete: 'set null' }),
    provisionWId: text('provision_w_id').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => draftComment.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp' }),
    resolvedById: integer('resolved_by_id').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('draft_comment_draft_provision_idx').on(t.draftId, t.provisionId, t.createdAt),
    index('draft_comment_provision_id_idx').on(t.provisionId),
    index('draft_comment_parent_id_idx').on(t.parentId),
    index('draft_comment_author_id_idx').on(t.authorId),
    check('draft_comment_has_body', sql`${t.body} <> ''`),
  ],
)
