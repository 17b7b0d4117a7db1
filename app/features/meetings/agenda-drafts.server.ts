// Drafts on a meeting's agenda (issue 15, §8): the coordinators put a model law or policy in preparation, in
// consultation or adopted on a meeting's agenda; the agenda shows each draft's title and stage to whoever may see
// that draft (the drafts feature decides: listDraftSummaries).
import { and, asc, eq } from 'drizzle-orm'
import { meetingDraft } from '#db/schema/index'
import { listDraftChoices, listDraftSummaries, type DraftLinkViewer, type DraftSummary } from '~/features/drafts'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { MeetingsError } from './errors'
import { auditMeeting } from './meeting-audit.server'

/** The drafts on the meeting's agenda this viewer may see, in the order they were added. */
export function listMeetingDrafts(meetingId: number, viewer: DraftLinkViewer): DraftSummary[] {
  const ids = getDb()
    .select({ id: meetingDraft.draftId })
    .from(meetingDraft)
    .where(eq(meetingDraft.meetingId, meetingId))
    .orderBy(asc(meetingDraft.createdAt), asc(meetingDraft.draftId))
    .all()
    .map((r) => r.id)
  return listDraftSummaries(ids, viewer)
}

/** The drafts a coordinator may still add (those they see, not withdrawn, not on the agenda yet). */
export function listAgendaDraftChoices(meetingId: number, viewer: DraftLinkViewer): DraftSummary[] {
  const listed = new Set(listMeetingDrafts(meetingId, viewer).map((d) => d.id))
  return listDraftChoices(viewer).filter((d) => !listed.has(d.id))
}

/** Puts a draft on the agenda (the route checked the coordinator); 'cannotLink' for one they may not add. */
export function addMeetingDraft(
  meetingId: number,
  draftId: number,
  by: NonNullable<DraftLinkViewer>,
): Result<undefined, MeetingsError> {
  if (!listDraftChoices(by).some((d) => d.id === draftId)) return fail('cannotLink')
  return atomically((tx) => {
    const added = tx.insert(meetingDraft).values({ meetingId, draftId }).onConflictDoNothing().run()
    if (added.changes) auditMeeting(tx, by.id, 'meeting.draft_add', meetingId, { draftId })
    return ok()
  })
}

/** Takes a draft off the agenda; false when it was not on it. */
export function removeMeetingDraft(meetingId: number, draftId: number, by: { id: number }): boolean {
  return atomically((tx) => {
    const removed = tx
      .delete(meetingDraft)
      .where(and(eq(meetingDraft.meetingId, meetingId), eq(meetingDraft.draftId, draftId)))
      .run()
    if (removed.changes) auditMeeting(tx, by.id, 'meeting.draft_remove', meetingId, { draftId })
    return removed.changes > 0
  })
}
