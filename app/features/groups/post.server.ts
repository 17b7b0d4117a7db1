// Replies, edits and flags of posts (issue 17). Only the author edits, within groupLimits.editMinutes; a flag sends
// the post to the coordinators' moderation queue (moderation.server.ts).
import { and, eq } from 'drizzle-orm'
import { groupPost, groupPostFlag, groupPostMention } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { scanMentions } from './mentions'
import type { ThreadError } from './thread-errors'
import { insertPost, listMentionable, type Actor, type ThreadRow } from './thread.server'
import { groupLimits } from './vocabulary'

type GroupNames = { id: number; nameEn: string; nameAr: string }

/** A post of `thread` (404 material for any other id). */
export function getPostIn(threadId: number, postId: number) {
  return getDb()
    .select()
    .from(groupPost)
    .where(and(eq(groupPost.id, postId), eq(groupPost.threadId, threadId)))
    .get()
}

/** Replies in a thread, maybe quoting one of its posts; the mentioned and the thread's followers are told. */
export function addPost(
  g: GroupNames,
  thread: ThreadRow,
  by: Actor,
  body: string,
  quotedPostId: number | null,
  now = new Date(),
): Result<{ postId: number; notificationIds: number[] }, ThreadError> {
  return atomically((tx) => insertPost(tx, g, thread, by, body, quotedPostId, now))
}

export const canStillEdit = (createdAt: Date, now = new Date()) =>
  now.getTime() - createdAt.getTime() <= groupLimits.editMinutes * 60_000

/** The author rewrites a post within the edit window; its mentions follow the new text (no one is told again). */
export function editPost(
  groupId: number,
  threadId: number,
  postId: number,
  by: Actor,
  body: string,
  now = new Date(),
): Result<{ postId: number }, ThreadError> {
  return atomically((tx) => {
    const post = tx
      .select()
      .from(groupPost)
      .where(and(eq(groupPost.id, postId), eq(groupPost.threadId, threadId)))
      .get()
    if (!post || post.authorId !== by.id) return fail('notAuthor')
    if (post.hiddenAt) return fail('postHidden')
    if (!canStillEdit(post.createdAt, now)) return fail('editWindowPassed')
    const scan = scanMentions(body, listMentionable(groupId, tx))
    if (scan.unknown.length) return fail('mentionUnknown')
    tx.update(groupPost).set({ body, editedAt: now }).where(eq(groupPost.id, postId)).run()
    tx.delete(groupPostMention).where(eq(groupPostMention.postId, postId)).run()
    if (scan.ids.length)
      tx.insert(groupPostMention)
        .values(scan.ids.map((userId) => ({ postId, userId })))
        .run()
    return ok({ postId })
  })
}

/** A reader flags a post for the coordinators (once per person and post). */
export function flagPost(
  threadId: number,
  postId: number,
  by: Actor,
  reason: string,
): Result<{ flagId: number }, ThreadError> {
  return atomically((tx) => {
    const post = tx
      .select({ id: groupPost.id, hiddenAt: groupPost.hiddenAt })
      .from(groupPost)
      .where(and(eq(groupPost.id, postId), eq(groupPost.threadId, threadId)))
      .get()
    if (!post) return fail('notAuthor')
    if (post.hiddenAt) return fail('postHidden')
    const row = tx
      .insert(groupPostFlag)
      .values({ postId, flaggedById: by.id, reason })
      .onConflictDoNothing()
      .returning({ id: groupPostFlag.id })
      .get()
    if (!row) return fail('alreadyFlagged')
    recordAuditEvent({ actorId: by.id, action: 'group.post.flag', targetType: 'group_post', targetId: postId }, tx)
    return ok({ flagId: row.id })
  })
}
