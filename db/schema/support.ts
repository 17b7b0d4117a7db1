import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { draft } from './drafts'
import { meeting } from './meetings'
import { parliament } from './network'
import { resource } from './resources'
import { programmeKinds, requestStates, requestTopicKinds, themes } from '../enums'

/**
 * A programme of the catalogue: what the programme office offers parliaments. `formats` and `languages` are
 * comma-separated lists of deliveryFormats and contentLanguages.
 */
export const programme = sqliteTable(
  'programme',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: programmeKinds }).notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    summaryAr: text('summary_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    audienceEn: text('audience_en').notNull().default(''),
    audienceAr: text('audience_ar').notNull().default(''),
    formats: text('formats').notNull().default(''),
    languages: text('languages').notNull().default(''),
    /** A retired programme leaves the catalogue but keeps its requests. */
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    /** Order in the catalogue (ascending). */
    position: integer('position').notNull().default(0),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('programme_active_position_idx').on(t.isActive, t.position),
    check('programme_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
  ],
)

/** Themes of a programme (women and youth gather it into the women and young parliamentarians' space). */
export const programmeTheme = sqliteTable(
  'programme_theme',
  {
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    theme: text('theme', { enum: themes }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.theme] }), index('programme_theme_theme_idx').on(t.theme)],
)

/**
 * A request for technical assistance, made by a member on behalf of their parliament. Members of that parliament
 * see it; coordinators handle it. Dates are ISO (YYYY-MM-DD); `languages` is a comma-separated list of
 * contentLanguages.
 */
export const assistanceRequest = sqliteTable(
  'assistance_request',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parliamentId: integer('parliament_id')
      .notNull()
      .references(() => parliament.id, { onDelete: 'cascade' }),
    requesterId: integer('requester_id').references(() => user.id, { onDelete: 'set null' }),
    programmeId: integer('programme_id').references(() => programme.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: programmeKinds }).notNull(),
    subject: text('subject').notNull(),
    need: text('need').notNull(),
    desiredFrom: text('desired_from'),
    desiredTo: text('desired_to'),
    languages: text('languages').notNull().default(''),
    state: text('state', { enum: requestStates }).notNull().default('submitted'),
    /** Why it was declined; shown to the requester. */
    declineReason: text('decline_reason'),
    /** The coordinator in charge. */
    assigneeId: integer('assignee_id').references(() => user.id, { onDelete: 'set null' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp' }).notNull(),
    /** When the state last changed: the age of a request in its state. */
    stateChangedAt: integer('state_changed_at', { mode: 'timestamp' }).notNull(),
    ...timestamps(),
  },
  (t) => [
    index('assistance_request_parliament_id_idx').on(t.parliamentId, t.submittedAt),
    index('assistance_request_state_idx').on(t.state, t.stateChangedAt),
    index('assistance_request_assignee_id_idx').on(t.assigneeId),
    index('assistance_request_requester_id_idx').on(t.requesterId),
    index('assistance_request_programme_id_idx').on(t.programmeId),
    check('assistance_request_has_subject', sql`${t.subject} <> ''`),
    check(
      'assistance_request_dates_in_order',
      sql`${t.desiredFrom} IS NULL OR ${t.desiredTo} IS NULL OR ${t.desiredTo} >= ${t.desiredFrom}`,
    ),
  ],
)

const requestId = () =>
  integer('request_id')
    .notNull()
    .references(() => assistanceRequest.id, { onDelete: 'cascade' })

/** The topics of a request: pillars (1–4), resolutions and themes, as in the library. */
export const assistanceRequestTopic = sqliteTable(
  'assistance_request_topic',
  {
    requestId: requestId(),
    kind: text('kind', { enum: requestTopicKinds }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.kind, t.value] }),
    index('assistance_request_topic_kind_value_idx').on(t.kind, t.value),
  ],
)

/** A file attached to a request (bytes in DATA_DIR/uploads under their SHA-256, as the library's). */
export const assistanceRequestFile = sqliteTable(
  'assistance_request_file',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: requestId(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mediaType: text('media_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedById: integer('uploaded_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('assistance_request_file_request_id_idx').on(t.requestId),
    index('assistance_request_file_sha256_idx').on(t.sha256),
  ],
)

/** The thread between the requester's parliament and the coordinators, on the request's page. */
export const assistanceRequestMessage = sqliteTable(
  'assistance_request_message',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: requestId(),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('assistance_request_message_request_id_idx').on(t.requestId, t.createdAt),
    check('assistance_request_message_has_body', sql`${t.body} <> ''`),
  ],
)

/**
 * Coordinators' internal notes on a request. A table of their own (not a flag on messages), so that no query
 * made for a requester can ever read one.
 */
export const assistanceRequestNote = sqliteTable(
  'assistance_request_note',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: requestId(),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('assistance_request_note_request_id_idx').on(t.requestId, t.createdAt),
    check('assistance_request_note_has_body', sql`${t.body} <> ''`),
  ],
)

/** Each change of state, with who made it: the history the requester sees. */
export const assistanceRequestEvent = sqliteTable(
  'assistance_request_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: requestId(),
    actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
    fromState: text('from_state', { enum: requestStates }),
    toState: text('to_state', { enum: requestStates }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('assistance_request_event_request_id_idx').on(t.requestId, t.createdAt)],
)

/** What came out of a request: library resources, meetings and drafts (exactly one of the three per row). */
export const assistanceRequestOutput = sqliteTable(
  'assistance_request_output',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: requestId(),
    resourceId: integer('resource_id').references(() => resource.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').references(() => meeting.id, { onDelete: 'cascade' }),
    draftId: integer('draft_id').references(() => draft.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assistance_request_output_resource_idx').on(t.requestId, t.resourceId),
    uniqueIndex('assistance_request_output_meeting_idx').on(t.requestId, t.meetingId),
    index('assistance_request_output_resource_id_idx').on(t.resourceId),
    uniqueIndex('assistance_request_output_draft_idx').on(t.requestId, t.draftId),
    index('assistance_request_output_meeting_id_idx').on(t.meetingId),
    index('assistance_request_output_draft_id_idx').on(t.draftId),
    check(
      'assistance_request_output_one_target',
      sql`(${t.resourceId} IS NOT NULL) + (${t.meetingId} IS NOT NULL) + (${t.draftId} IS NOT NULL) = 1`,
    ),
  ],
)
