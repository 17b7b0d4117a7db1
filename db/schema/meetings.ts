import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { draft } from './drafts'
import { member } from './members'
import { parliament } from './network'
import { resource } from './resources'
import {
  attendanceModes,
  meetingDocumentRoles,
  meetingFormats,
  meetingKinds,
  meetingStates,
  meetingVisibilities,
  regions,
  registrationStates,
  reminderKinds,
  themes,
} from '../enums'

/**
 * A meeting of the network. Instants are stored in UTC (seconds since the epoch); `timeZone` (IANA) is the
 * meeting's own zone, in which its days and times are shown and its local dates are computed.
 */
export const meeting = sqliteTable(
  'meeting',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: meetingKinds }).notNull(),
    format: text('format', { enum: meetingFormats }).notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    city: text('city').notNull().default(''),
    /** ISO 3166-1 alpha-2 of the venue. */
    countryCode: text('country_code'),
    address: text('address').notNull().default(''),
    /** Shown only to registered (confirmed) participants and coordinators. */
    onlineUrl: text('online_url'),
    region: text('region', { enum: regions }),
    timeZone: text('time_zone').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp' }).notNull(),
    /** Year of the local start date, for the year filter. */
    year: integer('year').notNull(),
    /** Host organisations, one per line (e.g. "UN Office of Counter-Terrorism"). */
    hosts: text('hosts').notNull().default(''),
    visibility: text('visibility', { enum: meetingVisibilities }).notNull().default('public'),
    state: text('state', { enum: meetingStates }).notNull().default('draft'),
    /** Seats; null means no limit. */
    capacity: integer('capacity'),
    registrationDeadline: integer('registration_deadline', { mode: 'timestamp' }),
    requiresApproval: integer('requires_approval', { mode: 'boolean' }).notNull().default(false),
    /** The outcome summary a coordinator publishes after the meeting. */
    outcomeEn: text('outcome_en').notNull().default(''),
    outcomeAr: text('outcome_ar').notNull().default(''),
    outcomePublishedAt: integer('outcome_published_at', { mode: 'timestamp' }),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp' }),
    ...timestamps(),
  },
  (t) => [
    index('meeting_state_starts_at_idx').on(t.state, t.startsAt),
    index('meeting_year_idx').on(t.year),
    check('meeting_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
    check('meeting_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meeting_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
  ],
)

const meetingId = () =>
  integer('meeting_id')
    .notNull()
    .references(() => meeting.id, { onDelete: 'cascade' })

/** A session of the agenda. Its instants lie within the meeting's local days. */
export const meetingSession = sqliteTable(
  'meeting_session',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: meetingId(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    descriptionAr: text('description_ar').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp' }).notNull(),
    room: text('room').notNull().default(''),
    ...timestamps(),
  },
  (t) => [
    index('meeting_session_meeting_id_starts_at_idx').on(t.meetingId, t.startsAt),
    check('meeting_session_has_title', sql`${t.titleEn} <> '' OR ${t.titleAr} <> ''`),
    check('meeting_session_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
)

/** A speaker of a session: a member of the network, or an external name. */
export const meetingSessionSpeaker = sqliteTable(
  'meeting_session_speaker',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => meetingSession.id, { onDelete: 'cascade' }),
    memberId: integer('member_id').references(() => member.id, { onDelete: 'set null' }),
    /** The external speaker's name (or the member's name kept for when the member is deleted). */
    name: text('name').notNull().default(''),
    /** Affiliation or role of an external speaker. */
    affiliation: text('affiliation').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('meeting_session_speaker_session_id_idx').on(t.sessionId),
    index('meeting_session_speaker_member_id_idx').on(t.memberId),
  ],
)

/** Library resources linked to a session of the agenda. */
export const meetingSessionResource = sqliteTable(
  'meeting_session_resource',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => meetingSession.id, { onDelete: 'cascade' }),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.resourceId] }),
    index('meeting_session_resource_resource_id_idx').on(t.resourceId),
  ],
)

/** Library resources linked to a meeting: agenda, background papers, outcome documents. */
export const meetingDocument = sqliteTable(
  'meeting_document',
  {
    meetingId: meetingId(),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => resource.id, { onDelete: 'cascade' }),
    role: text('role', { enum: meetingDocumentRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.resourceId] }),
    index('meeting_document_resource_id_idx').on(t.resourceId),
  ],
)

/** Drafts (model laws, policies…) on a meeting's agenda, in the order the coordinators added them (issue 15). */
export const meetingDraft = sqliteTable(
  'meeting_draft',
  {
    meetingId: meetingId(),
    draftId: integer('draft_id')
      .notNull()
      .references(() => draft.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.draftId] }), index('meeting_draft_draft_id_idx').on(t.draftId)],
)

/** An invitation of a whole parliament or assembly (its members with accounts), or of one member's account. */
export const meetingInvitation = sqliteTable(
  'meeting_invitation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: meetingId(),
    parliamentId: integer('parliament_id').references(() => parliament.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => user.id, { onDelete: 'cascade' }),
    invitedById: integer('invited_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meeting_invitation_meeting_parliament_idx').on(t.meetingId, t.parliamentId),
    uniqueIndex('meeting_invitation_meeting_user_idx').on(t.meetingId, t.userId),
    index('meeting_invitation_parliament_id_idx').on(t.parliamentId),
    index('meeting_invitation_user_id_idx').on(t.userId),
    check('meeting_invitation_one_target', sql`(${t.parliamentId} IS NULL) <> (${t.userId} IS NULL)`),
  ],
)

/** A member's registration for a meeting (one per member and meeting; cancelled ones are kept). */
export const meetingRegistration = sqliteTable(
  'meeting_registration',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: meetingId(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    state: text('state', { enum: registrationStates }).notNull(),
    attendanceMode: text('attendance_mode', { enum: attendanceModes }).notNull(),
    /** Interpretation languages asked for, comma separated (interpretationLanguages). */
    interpretation: text('interpretation').notNull().default(''),
    accessibilityNeeds: text('accessibility_needs').notNull().default(''),
    dietaryNeeds: text('dietary_needs').notNull().default(''),
    /** Set by a coordinator at or after the meeting; null until marked. */
    attended: integer('attended', { mode: 'boolean' }),
    /** When the member (last) asked for a seat: the order of the waitlist. */
    requestedAt: integer('requested_at', { mode: 'timestamp' }).notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('meeting_registration_meeting_user_idx').on(t.meetingId, t.userId),
    index('meeting_registration_meeting_state_idx').on(t.meetingId, t.state, t.requestedAt),
    index('meeting_registration_user_id_idx').on(t.userId),
  ],
)

/** Reminders already sent: the scheduler inserts the row before sending, so a restart never sends twice. */
export const meetingReminder = sqliteTable(
  'meeting_reminder',
  {
    meetingId: meetingId(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    sentAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId, t.kind] })],
)

/** A member's personal calendar feed: the SHA-256 of a secret token (the URL is shown once, and revocable). */
export const calendarFeed = sqliteTable(
  'calendar_feed',
  {
    userId: integer('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_feed_token_hash_idx').on(t.tokenHash)],
)

/** Themes of a meeting (women and youth gather it into the women and young parliamentarians' space). */
export const meetingTheme = sqliteTable(
  'meeting_theme',
  { meetingId: meetingId(), theme: text('theme', { enum: themes }).notNull() },
  (t) => [primaryKey({ columns: [t.meetingId, t.theme] }), index('meeting_theme_theme_idx').on(t.theme)],
)
