import { and, asc, eq } from 'drizzle-orm'
import {
  assistanceRequest,
  assistanceRequestMessage,
  assistanceRequestNote,
  assistanceRequestOutput,
  draft,
  meeting,
  resource,
  user,
} from '#db/schema/index'
import { isDraftOpenToMembers } from '~/features/drafts'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import type { RequestError } from './errors'
import { isClosedState } from './states'

/**
 * The conversation around a request: messages between its parliament and the coordinators (on its page),
 * coordinators' internal notes (a table of their own, read only by coordinator code paths), and its outputs.
 */

/** A request's messages or notes, oldest first, with their authors' names and roles. */
function listWritings(table: typeof assistanceRequestMessage | typeof assistanceRequestNote, requestId: number) {
  return getDb()
    .select({
      id: table.id,
      body: table.body,
      createdAt: table.createdAt,
      authorId: table.authorId,
      authorName: user.name,
      authorRole: user.role,
    })
    .from(table)
    .leftJoin(user, eq(user.id, table.authorId))
    .where(eq(table.requestId, requestId))
    .orderBy(asc(table.createdAt), asc(table.id))
    .all()
}

/** The messages of a request, oldest first, with their authors' names and roles. */
export function listRequestMessages(requestId: number) {
  return listWritings(assistanceRequestMessage, requestId)
}

/** Adds a message, unless the request is closed (declined or completed): checked in the same transaction. */
export function postRequestMessage(requestId: number, authorId: number, body: string): Result<undefined, RequestError> {
  return getDb().transaction(
    (tx) => {
      const r = tx
        .select({ state: assistanceRequest.state })
        .from(assistanceRequest)
        .where(eq(assistanceRequest.id, requestId))
        .get()
      if (!r || isClosedState(r.state)) return fail('requestClosed')
      tx.insert(assistanceRequestMessage).values({ requestId, authorId, body }).run()
      tx.update(assistanceRequest).set({ updatedAt: new Date() }).where(eq(assistanceRequest.id, requestId)).run()
      return ok()
    },
    { behavior: 'immediate' },
  )
}

/** Coordinators' internal notes, oldest first. Never call this for anyone but a coordinator. */
export function listRequestNotes(requestId: number) {
  return listWritings(assistanceRequestNote, requestId).map(({ id, body, createdAt, authorName }) => ({
    id,
    body,
    createdAt,
    authorName,
  }))
}

export function postRequestNote(requestId: number, authorId: number, body: string) {
  getDb().insert(assistanceRequestNote).values({ requestId, authorId, body }).run()
}

/**
 * The resources, meetings and drafts (model laws, policies…) that came out of a request, with their titles (library
 * and meeting drafts and all: the link decides; a draft's page checks who may read it).
 */
export function listRequestOutputs(requestId: number) {
  return getDb()
    .select({
      id: assistanceRequestOutput.id,
      resourceId: assistanceRequestOutput.resourceId,
      meetingId: assistanceRequestOutput.meetingId,
      resourceTitleEn: resource.titleEn,
      resourceTitleAr: resource.titleAr,
      meetingTitleEn: meeting.titleEn,
      meetingTitleAr: meeting.titleAr,
      meetingStartsAt: meeting.startsAt,
      meetingTimeZone: meeting.timeZone,
      draftId: assistanceRequestOutput.draftId,
      draftTitleEn: draft.titleEn,
      draftTitleAr: draft.titleAr,
      draftStage: draft.stage,
    })
    .from(assistanceRequestOutput)
    .leftJoin(resource, eq(resource.id, assistanceRequestOutput.resourceId))
    .leftJoin(meeting, eq(meeting.id, assistanceRequestOutput.meetingId))
    .leftJoin(draft, eq(draft.id, assistanceRequestOutput.draftId))
    .where(eq(assistanceRequestOutput.requestId, requestId))
    .orderBy(asc(assistanceRequestOutput.id))
    .all()
    .map((o) =>
      o.resourceId !== null
        ? {
            id: o.id,
            kind: 'resource' as const,
            targetId: o.resourceId,
            title: { en: o.resourceTitleEn ?? '', ar: o.resourceTitleAr ?? '' },
          }
        : o.draftId !== null
          ? {
              id: o.id,
              kind: 'draft' as const,
              targetId: o.draftId,
              title: { en: o.draftTitleEn ?? '', ar: o.draftTitleAr ?? '' },
              stage: o.draftStage ?? 'preparation',
            }
          : {
              id: o.id,
              kind: 'meeting' as const,
              targetId: o.meetingId!,
              title: { en: o.meetingTitleEn ?? '', ar: o.meetingTitleAr ?? '' },
              startsAt: o.meetingStartsAt,
              timeZone: o.meetingTimeZone,
            },
    )
}

/**
 * Links a published resource, a meeting that is not a draft, or a draft out of preparation (what the requester can
 * open) to a request. 'outputUnknown' when there is no such item or it is not shareable yet; linking twice is
 * harmless.
 */
export function linkRequestOutput(
  requestId: number,
  target: { kind: 'resource' | 'meeting' | 'draft'; id: number },
): Result<undefined, RequestError> {
  const db = getDb()
  if (target.kind === 'draft') {
    if (!isDraftOpenToMembers(target.id)) return fail('outputUnknown')
    db.insert(assistanceRequestOutput).values({ requestId, draftId: target.id }).onConflictDoNothing().run()
  } else if (target.kind === 'resource') {
    const r = db.select({ state: resource.state }).from(resource).where(eq(resource.id, target.id)).get()
    if (!r || r.state !== 'published') return fail('outputUnknown')
    db.insert(assistanceRequestOutput).values({ requestId, resourceId: target.id }).onConflictDoNothing().run()
  } else {
    const m = db.select({ state: meeting.state }).from(meeting).where(eq(meeting.id, target.id)).get()
    if (!m || m.state === 'draft') return fail('outputUnknown')
    db.insert(assistanceRequestOutput).values({ requestId, meetingId: target.id }).onConflictDoNothing().run()
  }
  return ok()
}

/** Unlinks one of the request's outputs; 'outputUnknown' when the request has no such output. */
export function unlinkRequestOutput(requestId: number, outputId: number): Result<undefined, RequestError> {
  const removed = getDb()
    .delete(assistanceRequestOutput)
    .where(and(eq(assistanceRequestOutput.requestId, requestId), eq(assistanceRequestOutput.id, outputId)))
    .returning({ id: assistanceRequestOutput.id })
    .get()
  return removed ? ok() : fail('outputUnknown')
}
