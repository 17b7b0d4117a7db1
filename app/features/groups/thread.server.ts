// Threads of a working group (issue 17): started with a first post and maybe a proposal; read in one page with
// their posts, mentions, proposal and positions. Only this file and its siblings query the thread tables.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import {
  follow,
  groupMember,
  groupPosition,
  groupPost,
  groupPostMention,
  groupProposal,
  groupThread,
  user,
  workGroup,
} from '#db/schema/index'
import { notify } from '~/features/notifications'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { scanMentions, type MentionCandidate } from './mentions'
import type { ThreadError } from './thread-errors'
import { closingInstant, type ThreadForm } from './thread-schemas'

export type Actor = { id: number; name: string }
export type ThreadRow = typeof groupThread.$inferSelect
type GroupNames = { id: number; nameEn: string; nameAr: string }

/** The group's active members, whom a post may mention. */
export function listMentionable(groupId: number, db: Tx = getDb()): MentionCandidate[] {
  return db
    .select({ id: user.id, name: user.name })
    .from(groupMember)
    .innerJoin(user, eq(user.id, groupMember.userId))
    .where(and(eq(groupMember.groupId, groupId), eq(groupMember.state, 'active')))
    .all()
}

export function getThread(id: number): ThreadRow | undefined {
  return getDb().select().from(groupThread).where(eq(groupThread.id, id)).get()
}

/** The names after an `@` in `body` that are no active member of the group's (empty: every mention is fine). */
export function unknownMentions(groupId: number, body: string) {
  return scanMentions(body, listMentionable(groupId)).unknown
}

export const threadPath = (groupId: number, threadId: number, postId?: number) =>
  `/groups/${groupId}/threads/${threadId}${postId ? `#post-${postId}` : ''}`

/** Follows a thread for its writer (a mute they chose stays a mute). */
export function followThread(tx: Tx, userId: number, threadId: number) {
  tx.insert(follow)
    .values({ userId, targetType: 'thread', targetId: threadId, level: 'follow' })
    .onConflictDoNothing()
    .run()
}

export function activeMemberIds(tx: Tx, groupId: number) {
  return tx
    .select({ id: groupMember.userId })
    .from(groupMember)
    .where(and(eq(groupMember.groupId, groupId), eq(groupMember.state, 'active')))
    .all()
    .map((r) => r.id)
}

/**
 * Writes a post of a thread with its mentions (members only: an unknown name refuses the whole post) and tells the
 * mentioned, then those who follow the thread. Inside the caller's transaction; returns the post and the new
 * notifications' ids for mailImmediately after the commit.
 */
export function insertPost(
  tx: Tx,
  g: GroupNames,
  thread: { id: number; title: string },
  by: Actor,
  body: string,
  quotedPostId: number | null,
  now: Date,
): Result<{ postId: number; notificationIds: number[] }, ThreadError> {
  const scan = scanMentions(body, listMentionable(g.id, tx))
  if (scan.unknown.length) return fail('mentionUnknown')
  if (quotedPostId !== null) {
    const quoted = tx
      .select({ id: groupPost.id })
      .from(groupPost)
      .where(and(eq(groupPost.id, quotedPostId), eq(groupPost.threadId, thread.id)))
      .get()
    if (!quoted) return fail('quoteNotInThread')
  }
  const postId = tx
    .insert(groupPost)
    .values({ threadId: thread.id, authorId: by.id, body, quotedPostId, createdAt: now })
    .returning({ id: groupPost.id })
    .get().id
  if (scan.ids.length)
    tx.insert(groupPostMention)
      .values(scan.ids.map((userId) => ({ postId, userId })))
      .run()
  tx.update(groupThread).set({ lastPostAt: now, updatedAt: now }).where(eq(groupThread.id, thread.id)).run()
  const path = threadPath(g.id, thread.id, postId)
  const base = {
    actorId: by.id,
    groupId: g.id,
    threadId: thread.id,
    subjectType: 'group_post',
    subjectId: postId,
    path,
  }
  const ids = notify(tx, scan.ids, {
    ...base,
    kind: 'mention',
    titleEn: `${by.name} mentioned you in “${thread.title}”`,
    titleAr: `أشار إليك ${by.name} في «${thread.title}»`,
  })
  const followers = tx
    .select({ id: follow.userId })
    .from(follow)
    .where(and(eq(follow.targetType, 'thread'), eq(follow.targetId, thread.id), eq(follow.level, 'follow')))
    .all()
    .map((r) => r.id)
  const mentioned = new Set(scan.ids)
  // A closed group's followers who have left it hear nothing more.
  const members = new Set(activeMemberIds(tx, g.id))
  ids.push(
    ...notify(
      tx,
      followers.filter((id) => !mentioned.has(id) && members.has(id)),
      {
        ...base,
        kind: 'reply',
        titleEn: `${by.name} replied in “${thread.title}”`,
        titleAr: `ردّ ${by.name} في «${thread.title}»`,
      },
    ),
  )
  followThread(tx, by.id, thread.id)
  return ok({ postId, notificationIds: ids })
}

/**
 * Starts a thread: its title, its first post and, if `proposal` is given, a proposal closing at the end of
 * `closesOn` (a day in the future). Refused with nothing written for an unknown mention or a past closing day.
 */
export function createThread(
  g: GroupNames,
  by: Actor,
  input: ThreadForm,
  now = new Date(),
): Result<{ threadId: number; postId: number; notificationIds: number[] }, ThreadError> {
  let closesAt: Date | null = null
  if (input.proposal) {
    closesAt = closingInstant(input.closesOn)
    if (!closesAt) return fail('closesInvalid')
    if (closesAt <= now) return fail('closesInPast')
  }
  return atomically((tx) => {
    const thread = tx
      .insert(groupThread)
      .values({ groupId: g.id, title: input.title, authorId: by.id, lastPostAt: now, createdAt: now, updatedAt: now })
      .returning({ id: groupThread.id, title: groupThread.title })
      .get()
    const posted = insertPost(tx, g, thread, by, input.body, null, now)
    if (!posted.ok) {
      tx.delete(groupThread).where(eq(groupThread.id, thread.id)).run()
      return posted
    }
    const ids = posted.value.notificationIds
    if (input.proposal && closesAt) {
      const proposalId = tx
        .insert(groupProposal)
        .values({ threadId: thread.id, text: input.proposal, closesAt, createdById: by.id, createdAt: now })
        .returning({ id: groupProposal.id })
        .get().id
      ids.push(
        ...notify(tx, activeMemberIds(tx, g.id), {
          kind: 'decision_opened',
          actorId: by.id,
          groupId: g.id,
          threadId: thread.id,
          subjectType: 'group_proposal',
          subjectId: proposalId,
          titleEn: `A proposal is open in “${thread.title}”`,
          titleAr: `اقتراح مطروح للقرار في «${thread.title}»`,
          path: threadPath(g.id, thread.id),
        }),
      )
    }
    recordAuditEvent(
      { actorId: by.id, action: 'group.thread.create', targetType: 'group_thread', targetId: thread.id },
      tx,
    )
    return ok({ threadId: thread.id, postId: posted.value.postId, notificationIds: ids })
  })
}

/** A thread's page: its posts oldest first (hidden ones without their text, but for their author), mentions, proposal. */
export function loadThreadPage(thread: ThreadRow, viewerId: number) {
  const db = getDb()
  const posts = db
    .select({
      id: groupPost.id,
      authorId: groupPost.authorId,
      authorName: user.name,
      body: groupPost.body,
      quotedPostId: groupPost.quotedPostId,
      editedAt: groupPost.editedAt,
      hiddenAt: groupPost.hiddenAt,
      hiddenReason: groupPost.hiddenReason,
      createdAt: groupPost.createdAt,
    })
    .from(groupPost)
    .leftJoin(user, eq(user.id, groupPost.authorId))
    .where(eq(groupPost.threadId, thread.id))
    .orderBy(asc(groupPost.createdAt), asc(groupPost.id))
    .all()
  const ids = posts.map((p) => p.id)
  const mentions = ids.length
    ? db
        .select({ postId: groupPostMention.postId, id: user.id, name: user.name })
        .from(groupPostMention)
        .innerJoin(user, eq(user.id, groupPostMention.userId))
        .where(inArray(groupPostMention.postId, ids))
        .all()
    : []
  const shown = posts.map((p) => {
    const hidden = p.hiddenAt !== null
    const mine = p.authorId === viewerId
    return {
      ...p,
      body: hidden && !mine ? '' : p.body,
      hiddenReason: hidden && mine ? p.hiddenReason : null,
      mentions: hidden && !mine ? [] : mentions.filter((m) => m.postId === p.id).map(({ id, name }) => ({ id, name })),
    }
  })
  const proposal = db.select().from(groupProposal).where(eq(groupProposal.threadId, thread.id)).get() ?? null
  const positions = proposal
    ? db
        .select({
          userId: groupPosition.userId,
          name: user.name,
          position: groupPosition.position,
          reason: groupPosition.reason,
          updatedAt: groupPosition.updatedAt,
        })
        .from(groupPosition)
        .innerJoin(user, eq(user.id, groupPosition.userId))
        .where(eq(groupPosition.proposalId, proposal.id))
        .orderBy(desc(groupPosition.updatedAt))
        .all()
    : []
  return { posts: shown, proposal, positions }
}

export function getGroupNames(groupId: number) {
  return getDb()
    .select({ id: workGroup.id, nameEn: workGroup.nameEn, nameAr: workGroup.nameAr })
    .from(workGroup)
    .where(eq(workGroup.id, groupId))
    .get()
}

export const countPosts = (threadId: number) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(groupPost)
    .where(eq(groupPost.threadId, threadId))
    .get()!.n
