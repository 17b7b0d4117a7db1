import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { user } from './accounts'
import { createdAt, timestamps } from './columns'
import { workGroup } from './groups'
// Pure lists with no dependencies (the browser's forms read them too); see decision 025.
import {
  alertFrequencies,
  deliveries,
  digestPeriods,
  followLevels,
  followTargets,
  notificationKinds,
  searchScopes,
} from '../../app/features/notifications/vocabulary'

/**
 * Something a person is told about (issue 17). What it shows is worked out when it is made, in both languages
 * (`titleEn`/`titleAr`), with the page it leads to (`path`, without the language: `/groups/3/threads/9#post-41`).
 * `groupId` lets a closed group's notifications be checked against membership when they are read.
 */
export const notification = sqliteTable(
  'notification',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
    groupId: integer('group_id').references(() => workGroup.id, { onDelete: 'cascade' }),
    /** What it is about: `thread`, `post`, `proposal`, `draft`, `meeting`, `survey`, `request`… and its id. */
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    titleEn: text('title_en').notNull().default(''),
    titleAr: text('title_ar').notNull().default(''),
    path: text('path').notNull(),
    readAt: integer('read_at', { mode: 'timestamp' }),
    /** Set when it went out by mail (immediately or in a digest): never mailed twice. */
    mailedAt: integer('mailed_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_user_id_idx').on(t.userId, t.createdAt),
    index('notification_unread_idx').on(t.userId, t.readAt),
    index('notification_unmailed_idx').on(t.mailedAt, t.userId),
    index('notification_group_id_idx').on(t.groupId),
    index('notification_actor_id_idx').on(t.actorId),
    index('notification_subject_idx').on(t.subjectType, t.subjectId),
  ],
)

/** Following or muting a group or a thread (following is automatic for what one writes in). */
export const follow = sqliteTable(
  'follow',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    targetType: text('target_type', { enum: followTargets }).notNull(),
    targetId: integer('target_id').notNull(),
    level: text('level', { enum: followLevels }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index('follow_target_idx').on(t.targetType, t.targetId, t.level),
  ],
)

/** A person's e-mail delivery for one kind of notification (absent: the kind's default). */
export const notificationPreference = sqliteTable(
  'notification_preference',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    delivery: text('delivery', { enum: deliveries }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/**
 * One digest per person and period (`periodKey`: `2026-12-04` for a day, `2026-W49` for an ISO week, in UTC): the row
 * is claimed before the mail is queued, so a second run — after a restart or a clock change — sends nothing.
 */
export const digestSent = sqliteTable(
  'digest_sent',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    period: text('period', { enum: digestPeriods }).notNull(),
    periodKey: text('period_key').notNull(),
    count: integer('count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.period, t.periodKey] })],
)

/**
 * A saved search of the library, the meetings or the mechanisms: its query string as the page reads it. An alert
 * mails what newly matches since `highWaterMark` (the newest item id already sent), daily or weekly.
 */
export const savedSearch = sqliteTable(
  'saved_search',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: searchScopes }).notNull(),
    /** The page's search parameters (`q=…&type=…`), as the page's own loader parses them. */
    query: text('query').notNull().default(''),
    frequency: text('frequency', { enum: alertFrequencies }).notNull().default('off'),
    highWaterMark: integer('high_water_mark').notNull().default(0),
    lastRunAt: integer('last_run_at', { mode: 'timestamp' }),
    /** The period last mailed (`2026-12-04` / `2026-W49`): claimed with a conditional UPDATE, never mailed twice. */
    lastPeriodKey: text('last_period_key'),
    ...timestamps(),
  },
  (t) => [
    index('saved_search_user_id_idx').on(t.userId),
    index('saved_search_frequency_idx').on(t.frequency, t.lastPeriodKey),
    uniqueIndex('saved_search_user_id_name_idx').on(t.userId, t.name),
  ],
)
