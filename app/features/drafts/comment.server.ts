// Comments on a draft's provisions in consultation (issue 15, "Consultation"; decision 025): threads of one level
// (a comment and its replies, `parent_id` pointing at the thread's first comment), resolved as a whole by the working
// group. Each write is one transaction with its audit row and its queued mails; a refusal writes nothing.
import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { draftComment, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import {
  canDecideAmendments,
  canParticipate,
  canViewDraft,
  isConsultationOpen,
  type DraftViewer,
} from './access.server'
import { audit, type DraftActor, type DraftDetail } from './draft.server'
import { asDraftsError, type DraftsError } from './errors'
import { notifyCommentReply, type Recipient } from './mail.server'
import { getProvision } from './provision.server'
import { CommentFilterSchema, CommentSchema, type CommentFilter } from './schemas'

/** Who writes: a signed-in person with the facts the access rules read, and the name the mails show. */
export type Participant = DraftActor & NonNullable<DraftViewer>

/**
 * Why this person may not comment or amend now, or null if they may (canParticipate, told apart for the message):
 * a draft they do not see is "not found", a consultation not open is closed, otherwise they are outside its scope.
 */
export function participationRefusal(d: DraftDetail, by: Participant, now = new Date()): DraftsError | null {
  if (canParticipate(d, by, now)) return null
  if (!canViewDraft(d, by)) return 'draftNotFound'
  if (!isConsultationOpen(d, now)) return 'consultationClosed'
  return 'outsideConsultationScope'
}

/** A new thread on a provision of this draft, while the consultation is open to the writer. */
export function postComment(
  d: DraftDetail,
  provisionId: number,
  raw: unknown,
  by: Participant,
  now = new Date(),
): Result<{ id: number }, DraftsError> {
  const refused = participationRefusal(d, by, now)
  if (refused) return fail(refused)
  const parsed = CommentSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  return atomically((tx) => {
    const p = getProvision(d.id, provisionId)
    if (!p) return fail('provisionNotInDraft')
    const { id } = tx
      .insert(draftComment)
      .values({ draftId: d.id, provisionId: p.id, provisionWId: p.wId, authorId: by.id, body: parsed.data.body })
      .returning({ id: draftComment.id })
      .get()
    audit(tx, by, 'draft.comment', d.id, { commentId: id, wId: p.wId })
    return ok({ id })
  })
}

/** A comment of this draft, or null (one of another draft is null too). */
function findComment(draftId: number, commentId: number) {
  return (
    getDb()
      .select()
      .from(draftComment)
      .where(and(eq(draftComment.draftId, draftId), eq(draftComment.id, commentId)))
      .get() ?? null
  )
}

/** The first comment of the thread `commentId` belongs to (itself, or its parent), of this draft. */
function findThread(draftId: number, commentId: number) {
  const c = findComment(draftId, commentId)
  if (!c || c.parentId === null) return c
  return findComment(draftId, c.parentId)
}

/**
 * A reply in the thread of `commentId` (a reply to a reply joins the same thread: threads have one level), on the
 * thread's provision. Not in a resolved thread, nor once its provision was deleted. The thread's people (its first
 * author and those who replied, but the writer) are mailed, each in their language.
 */
export function replyToComment(
  d: DraftDetail,
  commentId: number,
  raw: unknown,
  by: Participant,
  now = new Date(),
): Result<{ id: number; threadId: number }, DraftsError> {
  const refused = participationRefusal(d, by, now)
  if (refused) return fail(refused)
  const parsed = CommentSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  return atomically((tx) => {
    const thread = findThread(d.id, commentId)
    if (!thread) return fail('commentNotFound')
    if (thread.resolvedAt) return fail('threadResolved')
    if (thread.provisionId === null) return fail('provisionNotInDraft')
    const { id } = tx
      .insert(draftComment)
      .values({
        draftId: d.id,
        provisionId: thread.provisionId,
        provisionWId: thread.provisionWId,
        parentId: thread.id,
        authorId: by.id,
        body: parsed.data.body,
      })
      .returning({ id: draftComment.id })
      .get()
    audit(tx, by, 'draft.comment_reply', d.id, { commentId: id, threadId: thread.id, wId: thread.provisionWId })
    const people = getDb()
      .selectDistinct({ id: user.id, email: user.email, locale: user.locale })
      .from(draftComment)
      .innerJoin(user, eq(user.id, draftComment.authorId))
      .where(
        and(
          or(eq(draftComment.id, thread.id), eq(draftComment.parentId, thread.id)),
          eq(user.isActive, true),
          sql`${user.id} <> ${by.id}`,
        ),
      )
      .all() satisfies Recipient[]
    notifyCommentReply(tx, d, people, { by: by.name, body: parsed.data.body, wId: thread.provisionWId })
    return ok({ id, threadId: thread.id })
  })
}

/**
 * Resolves (or reopens, `resolved: false`) the thread of `commentId` — a reply stands for its thread. The working
 * group does it, in consultation or revision. Already so: nothing is written, and `changed` is false.
 */
export function resolveComment(
  d: DraftDetail,
  commentId: number,
  by: Participant,
  resolved = true,
  now = new Date(),
): Result<{ threadId: number; changed: boolean }, DraftsError> {
  if (!canDecideAmendments(d, by)) return fail('workingGroupOnly')
  return atomically((tx) => {
    const thread = findThread(d.id, commentId)
    if (!thread) return fail('commentNotFound')
    if ((thread.resolvedAt !== null) === resolved) return ok({ threadId: thread.id, changed: false })
    tx.update(draftComment)
      .set(resolved ? { resolvedAt: now, resolvedById: by.id } : { resolvedAt: null, resolvedById: null })
      .where(eq(draftComment.id, thread.id))
      .run()
    audit(tx, by, resolved ? 'draft.comment_resolve' : 'draft.comment_reopen', d.id, {
      commentId: thread.id,
      wId: thread.provisionWId,
    })
    return ok({ threadId: thread.id, changed: true })
  })
}

/** A comment as lists show it: the author's name, never their email. */
export type CommentView = {
  id: number
  authorId: number | null
  authorName: string | null
  body: string
  createdAt: Date
}
export type CommentThread = CommentView & {
  provisionId: number | null
  provisionWId: string
  resolvedAt: Date | null
  resolvedById: number | null
  replies: CommentView[]
}

const thread = alias(draftComment, 'thread')

/**
 * The draft's comment threads by provision (its wId: the key the page's tree and a deleted provision's comments
 * share), oldest first, replies in order. Filtered by provision and by open or resolved threads. One query.
 */
export function listComments(
  draftId: number,
  rawFilter: CommentFilter = {},
): Result<Record<string, CommentThread[]>, DraftsError> {
  const parsed = CommentFilterSchema.safeParse(rawFilter)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const filter = parsed.data
  // A reply's thread is its parent; a thread's first comment is its own.
  const threadResolvedAt = sql`CASE WHEN ${draftComment.parentId} IS NULL THEN ${draftComment.resolvedAt} ELSE ${thread.resolvedAt} END`
  const where: (SQL | undefined)[] = [eq(draftComment.draftId, draftId)]
  if (filter.provisionId !== undefined) where.push(eq(draftComment.provisionId, filter.provisionId))
  if (filter.status === 'open') where.push(sql`${threadResolvedAt} IS NULL`)
  if (filter.status === 'resolved') where.push(sql`${threadResolvedAt} IS NOT NULL`)
  const rows = getDb()
    .select({
      id: draftComment.id,
      parentId: draftComment.parentId,
      provisionId: draftComment.provisionId,
      provisionWId: draftComment.provisionWId,
      authorId: draftComment.authorId,
      authorName: user.name,
      body: draftComment.body,
      createdAt: draftComment.createdAt,
      resolvedAt: draftComment.resolvedAt,
      resolvedById: draftComment.resolvedById,
    })
    .from(draftComment)
    .leftJoin(thread, eq(thread.id, draftComment.parentId))
    .leftJoin(user, eq(user.id, draftComment.authorId))
    .where(and(...where))
    .orderBy(asc(draftComment.createdAt), asc(draftComment.id))
    .all()
  const threads = new Map<number, CommentThread>()
  const byProvision: Record<string, CommentThread[]> = {}
  for (const r of rows) {
    const view: CommentView = {
      id: r.id,
      authorId: r.authorId,
      authorName: r.authorName,
      body: r.body,
      createdAt: r.createdAt,
    }
    if (r.parentId === null) {
      const t: CommentThread = {
        ...view,
        provisionId: r.provisionId,
        provisionWId: r.provisionWId,
        resolvedAt: r.resolvedAt,
        resolvedById: r.resolvedById,
        replies: [],
      }
      threads.set(r.id, t)
      ;(byProvision[r.provisionWId] ??= []).push(t)
    } else {
      // A reply is newer than its thread's first comment, so its thread came first in this order.
      threads.get(r.parentId)?.replies.push(view)
    }
  }
  return ok(byProvision)
}

/**
 * How many open threads each provision has (by wId), and how many comments they hold in all; provisions without
 * any are absent. One query.
 */
export function countOpenComments(draftId: number): Record<string, { threads: number; comments: number }> {
  const rows = getDb()
    .select({
      wId: draftComment.provisionWId,
      threads: sql<number>`count(DISTINCT coalesce(${draftComment.parentId}, ${draftComment.id}))`,
      comments: sql<number>`count(*)`,
    })
    .from(draftComment)
    .leftJoin(thread, eq(thread.id, draftComment.parentId))
    .where(
      and(
        eq(draftComment.draftId, draftId),
        isNotNull(draftComment.provisionId),
        or(
          and(isNull(draftComment.parentId), isNull(draftComment.resolvedAt)),
          and(isNotNull(draftComment.parentId), isNull(thread.resolvedAt)),
        ),
      ),
    )
    .groupBy(draftComment.provisionWId)
    .all()
  return Object.fromEntries(rows.map((r) => [r.wId, { threads: r.threads, comments: r.comments }]))
}
