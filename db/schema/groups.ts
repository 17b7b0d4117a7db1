import { sql } from 'drizzle-orm'
import {
  check,
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
// Pure lists with no dependencies (the browser's forms read them too); see decision 025.
import {
  groupAccesses,
  groupLinkKinds,
  membershipRoles,
  membershipStates,
  positions,
} from '../../app/features/groups/vocabulary'

/** A working group between meetings (issue 17): name and purpose as column pairs like every record's. */
export const workGroup = sqliteTable(
  'work_group',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameEn: text('name_en').notNull().default(''),
    nameAr: text('name_ar').notNull().default(''),
    purposeEn: text('purpose_en').notNull().default(''),
    purposeAr: text('purpose_ar').notNull().default(''),
    access: text('access', { enum: groupAccesses }).notNull().default('closed'),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    archivedAt: integer('archived_at', { mode: 'timestamp' }),
    ...timestamps(),
  },
  (t) => [
    index('work_group_access_idx').on(t.access),
    index('work_group_created_by_id_idx').on(t.createdById),
    check('work_group_has_name', sql`${t.nameEn} <> '' OR ${t.nameAr} <> ''`),
  ],
)

const groupId = () =>
  integer('group_id')
    .notNull()
    .references(() => workGroup.id, { onDelete: 'cascade' })

/** Who is in a group: asked (pending), in (active) or refused (declined); the facilitator(s) run it. */
export const groupMember = sqliteTable(
  'group_member',
  {
    groupId: groupId(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role', { enum: membershipRoles }).notNull().default('member'),
    state: text('state', { enum: membershipStates }).notNull().default('active'),
    requestedAt: integer('requested_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
    decidedAt: integer('decided_at', { mode: 'timestamp' }),
    decidedById: integer('decided_by_id').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_member_user_id_idx').on(t.userId, t.state),
    index('group_member_group_id_state_idx').on(t.groupId, t.state),
  ],
)

/** What a group links to: meetings, resources, drafts, questionnaires (ids of those features' tables). */
export const groupLink = sqliteTable(
  'group_link',
  {
    groupId: groupId(),
    kind: text('kind', { enum: groupLinkKinds }).notNull(),
    targetId: integer('target_id').notNull(),
    addedById: integer('added_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.kind, t.targetId] }),
    index('group_link_kind_target_id_idx').on(t.kind, t.targetId),
  ],
)

/** A thread of a group; it may carry one proposal (`group_proposal`). */
export const groupThread = sqliteTable(
  'group_thread',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    groupId: groupId(),
    title: text('title').notNull(),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    lastPostAt: integer('last_post_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
    ...timestamps(),
  },
  (t) => [
    index('group_thread_group_id_last_post_at_idx').on(t.groupId, t.lastPostAt),
    index('group_thread_author_id_idx').on(t.authorId),
    check('group_thread_has_title', sql`${t.title} <> ''`),
  ],
)

const threadId = () =>
  integer('thread_id')
    .notNull()
    .references(() => groupThread.id, { onDelete: 'cascade' })

/**
 * A post: plain text (links and `@name` mentions recognised when shown, never stored as HTML), maybe quoting an
 * earlier post of the thread; its author edits it within `groupLimits.editMinutes` (`editedAt` marks it); a
 * coordinator hides it (with a reason its author reads) or restores it.
 */
export const groupPost = sqliteTable(
  'group_post',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: threadId(),
    authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    quotedPostId: integer('quoted_post_id').references((): AnySQLiteColumn => groupPost.id, { onDelete: 'set null' }),
    editedAt: integer('edited_at', { mode: 'timestamp' }),
    hiddenAt: integer('hidden_at', { mode: 'timestamp' }),
    hiddenById: integer('hidden_by_id').references(() => user.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('group_post_thread_id_idx').on(t.threadId, t.createdAt),
    index('group_post_author_id_idx').on(t.authorId),
    index('group_post_quoted_post_id_idx').on(t.quotedPostId),
    index('group_post_hidden_by_id_idx').on(t.hiddenById),
    check('group_post_has_body', sql`${t.body} <> ''`),
  ],
)

/** The group's members a post mentions (only members: a mention of anyone else notifies nobody). */
export const groupPostMention = sqliteTable(
  'group_post_mention',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => groupPost.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('group_post_mention_user_id_idx').on(t.userId)],
)

/** A member's flag on a post: it goes to the coordinators' moderation queue until resolved. */
export const groupPostFlag = sqliteTable(
  'group_post_flag',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => groupPost.id, { onDelete: 'cascade' }),
    flaggedById: integer('flagged_by_id').references(() => user.id, { onDelete: 'set null' }),
    reason: text('reason').notNull().default(''),
    resolvedAt: integer('resolved_at', { mode: 'timestamp' }),
    resolvedById: integer('resolved_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('group_post_flag_post_id_idx').on(t.postId),
    index('group_post_flag_open_idx').on(t.resolvedAt, t.createdAt),
    uniqueIndex('group_post_flag_post_id_flagged_by_id_idx').on(t.postId, t.flaggedById),
  ],
)

/** A decision to take in a thread: options agree / abstain / disagree / block, a closing date, the outcome. */
export const groupProposal = sqliteTable(
  'group_proposal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: threadId(),
    text: text('text').notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp' }),
    outcome: text('outcome'),
    outcomeById: integer('outcome_by_id').references(() => user.id, { onDelete: 'set null' }),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    /** Set by the one run that announces the close (a conditional UPDATE: announced once). */
    closeAnnouncedAt: integer('close_announced_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('group_proposal_thread_id_idx').on(t.threadId),
    index('group_proposal_closes_at_idx').on(t.closedAt, t.closesAt),
    check('group_proposal_has_text', sql`${t.text} <> ''`),
  ],
)

/** Each member's current position on a proposal, with a reason. */
export const groupPosition = sqliteTable(
  'group_position',
  {
    proposalId: integer('proposal_id')
      .notNull()
      .references(() => groupProposal.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    position: text('position', { enum: positions }).notNull(),
    reason: text('reason').notNull().default(''),
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('group_position_user_id_idx').on(t.userId)],
)
