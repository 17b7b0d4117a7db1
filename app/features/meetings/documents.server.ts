import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  meetingDocument,
  meetingDocumentRoles,
  meetingSession,
  meetingSessionResource,
  resource,
  type MeetingDocumentRole,
  type ResourceState,
  type ResourceType,
  type Visibility,
} from '#db/schema/index'
import { listedResourcesWhereFor, listingShape, type Viewer } from '~/features/library'
import { getDb, preparedQuery } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { MeetingsError } from './errors'
import { auditMeeting } from './meeting-audit.server'

// Library resources linked to a meeting: its agenda, background papers and outcome documents. What a viewer
// sees follows the library's own rule (listedResourcesWhere): published, and members-only ones for signed-in
// viewers only.

export type MeetingDocumentItem = {
  id: number
  role: MeetingDocumentRole
  type: ResourceType
  titleEn: string
  titleAr: string
  visibility: Visibility
  publishedOn: string | null
}

/** What listMeetingDocuments returns and <MeetingDocuments documents={…}> takes. */
export type MeetingDocumentsData = Record<MeetingDocumentRole, MeetingDocumentItem[]>

const columns = {
  id: resource.id,
  role: meetingDocument.role,
  type: resource.type,
  titleEn: resource.titleEn,
  titleAr: resource.titleAr,
  visibility: resource.visibility,
  publishedOn: resource.publishedOn,
}

function byRole<T extends { role: MeetingDocumentRole }>(rows: T[]) {
  const grouped = Object.fromEntries(meetingDocumentRoles.map((r) => [r, [] as T[]])) as Record<
    MeetingDocumentRole,
    T[]
  >
  for (const row of rows) grouped[row.role].push(row)
  return grouped
}

// The meeting page's read, built once per kind of viewer.
const visibleDocuments = preparedQuery((db, shape: ReturnType<typeof listingShape>) =>
  db
    .select(columns)
    .from(meetingDocument)
    .innerJoin(resource, eq(resource.id, meetingDocument.resourceId))
    .where(and(eq(meetingDocument.meetingId, sql.placeholder('meetingId')), listedResourcesWhereFor(shape)))
    .orderBy(asc(meetingDocument.createdAt), asc(resource.id))
    .prepare(),
)

/** The meeting's documents the viewer may see, grouped by role, in the order they were linked. */
export function listMeetingDocuments(meetingId: number, viewer: Viewer): MeetingDocumentsData {
  return byRole(visibleDocuments(listingShape(viewer)).all({ meetingId }))
}

export type LinkedDocument = MeetingDocumentItem & { state: ResourceState }

/**
 * Every document linked to the meeting, whatever its state now (a resource withdrawn after being linked is
 * listed too, so a coordinator can unlink it): the documents page.
 */
export function listLinkedDocuments(meetingId: number): Record<MeetingDocumentRole, LinkedDocument[]> {
  const rows = getDb()
    .select({ ...columns, state: resource.state })
    .from(meetingDocument)
    .innerJoin(resource, eq(resource.id, meetingDocument.resourceId))
    .where(eq(meetingDocument.meetingId, meetingId))
    .orderBy(asc(meetingDocument.createdAt), asc(resource.id))
    .all()
  return byRole(rows)
}

/**
 * Links a published resource to the meeting with a role (a resource already linked changes role), with its audit
 * row. Refused (`cannotLink`) when the resource does not exist or is not published.
 */
export function linkDocument(
  meetingId: number,
  resourceId: number,
  role: MeetingDocumentRole,
  actor: { id: number },
): Result<undefined, Extract<MeetingsError, 'cannotLink'>> {
  return atomically((tx) => {
    const r = tx.select({ state: resource.state }).from(resource).where(eq(resource.id, resourceId)).get()
    if (!r || r.state !== 'published') return fail('cannotLink')
    tx.insert(meetingDocument)
      .values({ meetingId, resourceId, role })
      .onConflictDoUpdate({ target: [meetingDocument.meetingId, meetingDocument.resourceId], set: { role } })
      .run()
    auditMeeting(tx, actor.id, 'meeting.document.link', meetingId, { resourceId, role })
    return ok()
  })
}

/** Unlinks a resource from the meeting, and from the meeting's sessions. False when it was not linked. */
export function unlinkDocument(meetingId: number, resourceId: number, actor: { id: number }) {
  return atomically((tx) => {
    const removed = tx
      .delete(meetingDocument)
      .where(and(eq(meetingDocument.meetingId, meetingId), eq(meetingDocument.resourceId, resourceId)))
      .returning({ role: meetingDocument.role })
      .get()
    if (!removed) return false
    // Sessions link only the meeting's documents.
    tx.delete(meetingSessionResource)
      .where(
        and(
          eq(meetingSessionResource.resourceId, resourceId),
          inArray(
            meetingSessionResource.sessionId,
            sql`(select ${meetingSession.id} from ${meetingSession} where ${meetingSession.meetingId} = ${meetingId})`,
          ),
        ),
      )
      .run()
    auditMeeting(tx, actor.id, 'meeting.document.unlink', meetingId, { resourceId, role: removed.role })
    return true
  })
}

/** The meeting's documents as choices for a session's linked resources (every state: the editor's view). */
export function listDocumentChoices(meetingId: number) {
  return Object.values(listLinkedDocuments(meetingId)).flat()
}
