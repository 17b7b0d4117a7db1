// The coordinators' moderation queue (issue 17): posts with open flags; hiding one (with a reason its author reads
// and is told of) or restoring it resolves its flags.
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { groupPost, groupPostFlag, groupThread, user, workGroup } from '#db/schema/index'
import { notify } from '~/features/notifications'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { ThreadError } from './thread-errors'
import { threadPath, type Actor } from './thread.server'

const postFields = {
  postId: groupPost.id,
  body: groupPost.body,
  authorName: user.name,
  hiddenAt: groupPost.hiddenAt,
  hiddenReason: groupPost.hiddenReason,
  threadId: groupThread.id,
  threadTitle: groupThread.title,
  groupId: workGroup.id,
  groupNameEn: workGroup.nameEn,
  groupNameAr: workGroup.nameAr,
}

/** Posts with open flags, oldest flag first, with how many flags and their reasons. */
export function listOpenFlags(limit = 100) {
  return getDb()
    .select({
      ...postFields,
      flags: sql<number>`count(${groupPostFlag.id})`,
      reasons: sql<string>`group_concat(nullif(${groupPostFlag.reason}, ''), char(10))`,
    })
    .from(groupPostFlag)
    .innerJoin(groupPost, eq(groupPost.id, groupPostFlag.postId))
    .innerJoin(groupThread, eq(groupThread.id, groupPost.threadId))
    .innerJoin(workGroup, eq(workGroup.id, groupThread.groupId))
    .leftJoin(user, eq(user.id, groupPost.authorId))
    .where(isNull(groupPostFlag.resolvedAt))
    .groupBy(groupPost.id)
    .orderBy(asc(sql`min(${groupPostFlag.createdAt})`), asc(groupPost.id))
    .limit(limit)
    .all()
}

/** Hidden posts, newest first, for a coordinator to restore. */
export function listHiddenPosts(limit = 50) {
  return getDb()
    .select(postFields)
    .from(groupPost)
    .innerJoin(groupThread, eq(groupThread.id, groupPost.threadId))
    .innerJoin(workGroup, eq(workGroup.id, groupThread.groupId))
    .leftJoin(user, eq(user.id, groupPost.authorId))
    .where(isNotNull(groupPost.hiddenAt))
    .orderBy(sql`${groupPost.hiddenAt} desc`, asc(groupPost.id))
    .limit(limit)
    .all()
}

function postWithThread(tx: Tx, postId: number) {
  return tx
    .select({ post: groupPost, thread: groupThread })
    .from(groupPost)
    .innerJoin(groupThread, eq(groupThread.id, groupPost.threadId))
    .where(eq(groupPost.id, postId))
    .get()
}

const resolveFlags = (tx: Tx, postId: number, by: Actor, now: Date) =>
  tx
    .update(groupPostFlag)
    .set({ resolvedAt: now, resolvedById: by.id })
    .where(and(eq(groupPostFlag.postId, postId), isNull(groupPostFlag.resolvedAt)))
    .run()

/** Hides a post with a reason; its author is told (kind post_hidden). Returns the notifications' ids. */
export function hidePost(
  postId: number,
  by: Actor,
  reason: string,
  now = new Date(),
): Result<{ notificationIds: number[] }, ThreadError | 'postNotFound'> {
  return atomically((tx) => {
    const found = postWithThread(tx, postId)
    if (!found) return fail('postNotFound')
    if (found.post.hiddenAt) return fail('postHidden')
    tx.update(groupPost)
      .set({ hiddenAt: now, hiddenById: by.id, hiddenReason: reason })
      .where(eq(groupPost.id, postId))
      .run()
    resolveFlags(tx, postId, by, now)
    const { thread } = found
    const ids = found.post.authorId
      ? notify(tx, [found.post.authorId], {
          kind: 'post_hidden',
          actorId: by.id,
          groupId: thread.groupId,
          threadId: thread.id,
          subjectType: 'group_post',
          subjectId: postId,
          titleEn: `Your post in “${thread.title}” was hidden: ${reason}`,
          titleAr: `أُخفيت مشاركتك في «${thread.title}»: ${reason}`,
          path: threadPath(thread.groupId, thread.id, postId),
        })
      : []
    recordAuditEvent(
      { actorId: by.id, action: 'group.post.hide', targetType: 'group_post', targetId: postId, details: { reason } },
      tx,
    )
    return ok({ notificationIds: ids })
  })
}

/** Shows a hidden post again (its flags resolved). */
export function restorePost(
  postId: number,
  by: Actor,
  now = new Date(),
): Result<undefined, ThreadError | 'postNotFound'> {
  return atomically((tx) => {
    const found = postWithThread(tx, postId)
    if (!found) return fail('postNotFound')
    if (!found.post.hiddenAt) return fail('notHidden')
    tx.update(groupPost)
      .set({ hiddenAt: null, hiddenById: null, hiddenReason: null })
      .where(eq(groupPost.id, postId))
      .run()
    resolveFlags(tx, postId, by, now)
    recordAuditEvent({ actorId: by.id, action: 'group.post.restore', targetType: 'group_post', targetId: postId }, tx)
    return ok()
  })
}

/** Dismisses a post's open flags without hiding it. */
export function dismissFlags(postId: number, by: Actor, now = new Date()): Result<undefined, 'postNotFound'> {
  return atomically((tx) => {
    const found = postWithThread(tx, postId)
    if (!found) return fail('postNotFound')
    resolveFlags(tx, postId, by, now)
    recordAuditEvent(
      { actorId: by.id, action: 'group.post.dismiss-flags', targetType: 'group_post', targetId: postId },
      tx,
    )
    return ok()
  })
}
