import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  assistanceRequest,
  assistanceRequestEvent,
  assistanceRequestFile,
  assistanceRequestTopic,
  parliament,
  programme,
  user,
} from '#db/schema/index'
import type { RequestState, RequestTopicKind, Role } from '#db/enums'
import { getDb, type Tx } from '~/utils/db.server'
import { canMoveRequest, canWithdrawRequest } from './states'
import type { RequestInput } from './schemas'
import { listedRequestsWhere, type RequestViewer } from './access.server'
import { getPendingUpload, takePendingUpload } from '~/utils/pending-upload.server'
import { readId } from '~/utils/ids'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { RequestError } from './errors'

const requester = alias(user, 'requester')
const assignee = alias(user, 'assignee')

/** Whether one of these attachments is no longer this user's pending upload (used, swept, or forged). */
function isAnyUploadGone(uploadIds: string[], userId: number) {
  return uploadIds.some((id) => !getPendingUpload(id, userId))
}

/** Moves this user's pending uploads onto the request (inside the caller's transaction, checked before it). */
function attachFiles(tx: Tx, requestId: number, uploadIds: string[], userId: number) {
  for (const uploadId of uploadIds) {
    const pending = takePendingUpload(tx, uploadId, userId)
    if (!pending) throw new Error('A pending upload went away inside its transaction')
    tx.insert(assistanceRequestFile)
      .values({
        requestId,
        sha256: pending.sha256,
        size: pending.size,
        mediaType: pending.mediaType,
        originalName: pending.originalName,
        uploadedById: userId,
      })
      .run()
  }
}

/**
 * Records a member's request on behalf of their parliament, with its topics, attachments and the first step of
 * its history, in one transaction. 'uploadGone' (and nothing written) when an attachment is gone.
 */
export function createRequest(
  input: RequestInput,
  by: { id: number; parliamentId: number },
  now = new Date(),
): Result<{ id: number }, RequestError> {
  return atomically((tx) => {
    if (isAnyUploadGone(input.attachments, by.id)) return fail('uploadGone')
    const row = tx
      .insert(assistanceRequest)
      .values({
        parliamentId: by.parliamentId,
        requesterId: by.id,
        programmeId: input.programmeId,
        kind: input.kind,
        subject: input.subject,
        need: input.need,
        desiredFrom: input.desiredFrom,
        desiredTo: input.desiredTo,
        languages: input.languages.join(','),
        state: 'submitted',
        submittedAt: now,
        stateChangedAt: now,
      })
      .returning({ id: assistanceRequest.id })
      .get()
    const topics: { requestId: number; kind: RequestTopicKind; value: string }[] = [
      ...input.pillars.map((p) => ({ requestId: row.id, kind: 'pillar' as const, value: String(p) })),
      ...input.resolutions.map((r) => ({ requestId: row.id, kind: 'resolution' as const, value: r })),
      ...input.themes.map((t) => ({ requestId: row.id, kind: 'theme' as const, value: t })),
    ]
    if (topics.length) tx.insert(assistanceRequestTopic).values(topics).run()
    attachFiles(tx, row.id, input.attachments, by.id)
    tx.insert(assistanceRequestEvent)
      .values({ requestId: row.id, actorId: by.id, fromState: null, toState: 'submitted', createdAt: now })
      .run()
    return ok({ id: row.id })
  })
}

/** One request with who made it, for whom, who handles it, its programme, topics and attachments. */
export function getRequest(id: number) {
  if (readId(id) === null) return undefined
  const db = getDb()
  const row = db
    .select({
      request: assistanceRequest,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      requesterName: requester.name,
      requesterEmail: requester.email,
      requesterLocale: requester.locale,
      assigneeName: assignee.name,
      assigneeEmail: assignee.email,
      assigneeLocale: assignee.locale,
      programmeTitleEn: programme.titleEn,
      programmeTitleAr: programme.titleAr,
    })
    .from(assistanceRequest)
    .innerJoin(parliament, eq(parliament.id, assistanceRequest.parliamentId))
    .leftJoin(requester, eq(requester.id, assistanceRequest.requesterId))
    .leftJoin(assignee, eq(assignee.id, assistanceRequest.assigneeId))
    .leftJoin(programme, eq(programme.id, assistanceRequest.programmeId))
    .where(eq(assistanceRequest.id, id))
    .get()
  if (!row) return undefined
  const topics = db
    .select({ kind: assistanceRequestTopic.kind, value: assistanceRequestTopic.value })
    .from(assistanceRequestTopic)
    .where(eq(assistanceRequestTopic.requestId, id))
    .all()
  const files = db
    .select({
      id: assistanceRequestFile.id,
      originalName: assistanceRequestFile.originalName,
      size: assistanceRequestFile.size,
      mediaType: assistanceRequestFile.mediaType,
      createdAt: assistanceRequestFile.createdAt,
    })
    .from(assistanceRequestFile)
    .where(eq(assistanceRequestFile.requestId, id))
    .orderBy(asc(assistanceRequestFile.id))
    .all()
  return {
    ...row.request,
    parliamentName: { en: row.parliamentNameEn, ar: row.parliamentNameAr },
    requester: row.requesterName
      ? { name: row.requesterName, email: row.requesterEmail!, locale: row.requesterLocale! }
      : null,
    assignee: row.assigneeName
      ? { name: row.assigneeName, email: row.assigneeEmail!, locale: row.assigneeLocale! }
      : null,
    programmeTitle: row.programmeTitleEn !== null ? { en: row.programmeTitleEn, ar: row.programmeTitleAr ?? '' } : null,
    pillars: topics
      .filter((t) => t.kind === 'pillar')
      .map((t) => Number(t.value))
      .sort(),
    resolutions: topics
      .filter((t) => t.kind === 'resolution')
      .map((t) => t.value)
      .sort(),
    themes: topics
      .filter((t) => t.kind === 'theme')
      .map((t) => t.value)
      .sort(),
    languages: row.request.languages ? row.request.languages.split(',') : [],
    files,
  }
}

export type RequestDetail = NonNullable<ReturnType<typeof getRequest>>

export const REQUESTS_PAGE_SIZE = 25

/** The requests this viewer may see (their parliament's, or all for coordinators), newest first. */
export function listRequests(
  viewer: RequestViewer,
  { state, page = 1 }: { state?: RequestState | null; page?: number } = {},
) {
  const db = getDb()
  const where = and(listedRequestsWhere(viewer), state ? eq(assistanceRequest.state, state) : undefined)
  const rows = db
    .select({
      id: assistanceRequest.id,
      subject: assistanceRequest.subject,
      kind: assistanceRequest.kind,
      state: assistanceRequest.state,
      submittedAt: assistanceRequest.submittedAt,
      stateChangedAt: assistanceRequest.stateChangedAt,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      requesterName: requester.name,
    })
    .from(assistanceRequest)
    .innerJoin(parliament, eq(parliament.id, assistanceRequest.parliamentId))
    .leftJoin(requester, eq(requester.id, assistanceRequest.requesterId))
    .where(where)
    .orderBy(desc(assistanceRequest.submittedAt), desc(assistanceRequest.id))
    .limit(REQUESTS_PAGE_SIZE)
    .offset((page - 1) * REQUESTS_PAGE_SIZE)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(assistanceRequest)
      .where(where)
      .get()?.n ?? 0
  return { rows, total }
}

/** Each change of state, oldest first, with who made it. */
export function listRequestEvents(requestId: number) {
  return getDb()
    .select({
      id: assistanceRequestEvent.id,
      fromState: assistanceRequestEvent.fromState,
      toState: assistanceRequestEvent.toState,
      createdAt: assistanceRequestEvent.createdAt,
      actorName: user.name,
    })
    .from(assistanceRequestEvent)
    .leftJoin(user, eq(user.id, assistanceRequestEvent.actorId))
    .where(eq(assistanceRequestEvent.requestId, requestId))
    .orderBy(asc(assistanceRequestEvent.createdAt), asc(assistanceRequestEvent.id))
    .all()
}

export type MoveResult = Result<{ from: RequestState }, RequestError>

/**
 * Moves a request to another state when its current state allows it (checked inside an IMMEDIATE transaction,
 * so two coordinators acting at once cannot both move it from the same state), and records the step.
 */
export function moveRequest(
  id: number,
  to: RequestState,
  actorId: number,
  reason: string | null,
  now = new Date(),
): MoveResult {
  return getDb().transaction(
    (tx) => {
      const current = tx
        .select({ state: assistanceRequest.state })
        .from(assistanceRequest)
        .where(eq(assistanceRequest.id, id))
        .get()
      if (!current || !canMoveRequest(current.state, to)) return fail('stateNotAllowed')
      tx.update(assistanceRequest)
        .set({
          state: to,
          stateChangedAt: now,
          updatedAt: now,
          ...(to === 'declined' ? { declineReason: reason } : {}),
        })
        .where(eq(assistanceRequest.id, id))
        .run()
      tx.insert(assistanceRequestEvent)
        .values({ requestId: id, actorId, fromState: current.state, toState: to, createdAt: now })
        .run()
      return ok({ from: current.state })
    },
    { behavior: 'immediate' },
  )
}

/**
 * The requester's parliament withdraws its request (until work starts), checked against the current state in
 * an IMMEDIATE transaction like a coordinator's move, and recorded in the history.
 */
export function withdrawRequest(id: number, actorId: number, now = new Date()): MoveResult {
  return getDb().transaction(
    (tx) => {
      const current = tx
        .select({ state: assistanceRequest.state })
        .from(assistanceRequest)
        .where(eq(assistanceRequest.id, id))
        .get()
      if (!current || !canWithdrawRequest(current.state)) return fail('stateNotAllowed')
      tx.update(assistanceRequest)
        .set({ state: 'withdrawn', stateChangedAt: now, updatedAt: now })
        .where(eq(assistanceRequest.id, id))
        .run()
      tx.insert(assistanceRequestEvent)
        .values({ requestId: id, actorId, fromState: current.state, toState: 'withdrawn', createdAt: now })
        .run()
      return ok({ from: current.state })
    },
    { behavior: 'immediate' },
  )
}

/** Coordinators and admins who can be put in charge of a request (active accounts). */
export function listAssignableUsers() {
  return getDb()
    .select({ id: user.id, name: user.name, role: user.role, email: user.email, locale: user.locale })
    .from(user)
    .where(and(inArray(user.role, ['coordinator', 'admin'] satisfies Role[]), eq(user.isActive, true)))
    .orderBy(asc(user.name))
    .all()
}

/** Puts a coordinator (or nobody, null) in charge; 'invalidChoice' when that account cannot handle requests. */
export function assignRequest(id: number, assigneeId: number | null): Result<undefined, RequestError> {
  if (assigneeId !== null && !listAssignableUsers().some((u) => u.id === assigneeId)) return fail('invalidChoice')
  getDb().update(assistanceRequest).set({ assigneeId, updatedAt: new Date() }).where(eq(assistanceRequest.id, id)).run()
  return ok()
}

/** Adds files to a request after it was made (this user's pending uploads); 'uploadGone' (none added) when gone. */
export function addRequestFiles(
  requestId: number,
  uploadIds: string[],
  userId: number,
): Result<undefined, RequestError> {
  return atomically((tx) => {
    if (isAnyUploadGone(uploadIds, userId)) return fail('uploadGone')
    attachFiles(tx, requestId, uploadIds, userId)
    return ok()
  })
}

/** An attachment with its request's parliament, for the download route to check who may have it. */
export function getRequestFile(fileId: number) {
  if (readId(fileId) === null) return undefined
  return getDb()
    .select({
      sha256: assistanceRequestFile.sha256,
      size: assistanceRequestFile.size,
      mediaType: assistanceRequestFile.mediaType,
      originalName: assistanceRequestFile.originalName,
      requestId: assistanceRequestFile.requestId,
      parliamentId: assistanceRequest.parliamentId,
    })
    .from(assistanceRequestFile)
    .innerJoin(assistanceRequest, eq(assistanceRequest.id, assistanceRequestFile.requestId))
    .where(eq(assistanceRequestFile.id, fileId))
    .get()
}
