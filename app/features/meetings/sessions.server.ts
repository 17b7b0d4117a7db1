// Adding, editing and deleting a meeting's agenda sessions, after checking what the form's schema cannot: the
// instants within the meeting's local days, the speakers (existing members), the resources (the meeting's own).
import { and, eq, inArray } from 'drizzle-orm'
import {
  meeting,
  meetingDocument,
  meetingSession,
  meetingSessionResource,
  meetingSessionSpeaker,
  member,
  parliament,
} from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { localTimeError, zonedToUtc } from '~/utils/zoned-time.server'
import { meetingWindow } from './agenda.server'
import { auditMeeting } from './meeting-audit.server'
import type { MeetingSessionInput } from './session-schemas'

export type SessionField = keyof MeetingSessionInput
export type SessionFieldErrors = Partial<Record<SessionField, string[]>>
export type SessionResult = { ok: true; id: number } | { ok: false; fieldErrors: SessionFieldErrors }

type Checked = {
  startsAt: Date
  endsAt: Date
  speakers: { memberId: number | null; name: string; affiliation: string }[]
  resourceIds: number[]
}

/**
 * Everything the form's schema cannot know: the instants in the meeting's zone (within its days, end after
 * start), the members (they exist), the resources (linked to the meeting).
 */
function checkSession(
  meetingId: number,
  input: MeetingSessionInput,
): { ok: true; value: Checked } | { ok: false; fieldErrors: SessionFieldErrors } {
  const db = getDb()
  const m = db
    .select({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, timeZone: meeting.timeZone })
    .from(meeting)
    .where(eq(meeting.id, meetingId))
    .get()
  if (!m) throw new Error(`no meeting ${meetingId}`)
  const fieldErrors: SessionFieldErrors = {}
  const startsAt = zonedToUtc(input.startsAt, m.timeZone)
  const endsAt = zonedToUtc(input.endsAt, m.timeZone)
  if (!startsAt) fieldErrors.startsAt = [localTimeError(input.startsAt, m.timeZone) ?? 'dateTimeInvalid']
  if (!endsAt) fieldErrors.endsAt = [localTimeError(input.endsAt, m.timeZone) ?? 'dateTimeInvalid']
  if (startsAt && endsAt) {
    const window = meetingWindow(m)
    if (endsAt.getTime() <= startsAt.getTime()) fieldErrors.endsAt = ['endBeforeStart']
    if (startsAt < window.start || startsAt >= window.end) fieldErrors.startsAt = ['sessionOutsideMeeting']
    else if (endsAt > window.end && !fieldErrors.endsAt) fieldErrors.endsAt = ['sessionOutsideMeeting']
  }

  const memberIds = [...new Set([...input.speakerMemberIds, ...input.speakerMemberRef])]
  const members = memberIds.length
    ? db
        .select({
          id: member.id,
          nameEn: member.nameEn,
          nameAr: member.nameAr,
          pEn: parliament.nameEn,
          pAr: parliament.nameAr,
        })
        .from(member)
        .innerJoin(parliament, eq(parliament.id, member.parliamentId))
        .where(inArray(member.id, memberIds))
        .all()
    : []
  const byId = new Map(members.map((x) => [x.id, x]))
  if (input.speakerMemberIds.some((id) => !byId.has(id))) fieldErrors.speakerMemberIds = ['invalidChoice']
  if (input.speakerMemberRef.some((id) => !byId.has(id))) fieldErrors.speakerMemberRef = ['memberUnknown']

  if (input.resourceIds.length) {
    const linked = new Set(
      db
        .select({ id: meetingDocument.resourceId })
        .from(meetingDocument)
        .where(and(eq(meetingDocument.meetingId, meetingId), inArray(meetingDocument.resourceId, input.resourceIds)))
        .all()
        .map((r) => r.id),
    )
    if (input.resourceIds.some((id) => !linked.has(id))) fieldErrors.resourceIds = ['invalidChoice']
  }
  if (Object.keys(fieldErrors).length || !startsAt || !endsAt) return { ok: false, fieldErrors }
  return {
    ok: true,
    value: {
      startsAt,
      endsAt,
      speakers: [
        // The member's name and parliament are kept too, for the day the profile is deleted.
        ...memberIds.map((id) => {
          const x = byId.get(id)!
          return { memberId: id, name: x.nameEn || x.nameAr, affiliation: x.pEn || x.pAr }
        }),
        ...input.externalSpeakers.map((s) => ({ memberId: null, ...s })),
      ],
      resourceIds: input.resourceIds,
    },
  }
}

function writeLinks(tx: Tx, sessionId: number, value: Checked) {
  if (value.speakers.length) {
    tx.insert(meetingSessionSpeaker)
      .values(value.speakers.map((s, position) => ({ sessionId, ...s, position })))
      .run()
  }
  if (value.resourceIds.length) {
    tx.insert(meetingSessionResource)
      .values(value.resourceIds.map((resourceId) => ({ sessionId, resourceId })))
      .run()
  }
}

function sessionColumns(input: MeetingSessionInput, value: Checked) {
  return {
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    descriptionEn: input.descriptionEn,
    descriptionAr: input.descriptionAr,
    room: input.room,
    startsAt: value.startsAt,
    endsAt: value.endsAt,
  }
}

/** Adds a session, with its audit row; refused (nothing saved) when it falls outside the meeting's days or ends before it starts. */
export function createSession(meetingId: number, input: MeetingSessionInput, actor: { id: number }): SessionResult {
  return atomically((tx) => {
    const checked = checkSession(meetingId, input)
    if (!checked.ok) return checked
    const { id } = tx
      .insert(meetingSession)
      .values({ meetingId, ...sessionColumns(input, checked.value) })
      .returning({ id: meetingSession.id })
      .get()
    writeLinks(tx, id, checked.value)
    auditSession(tx, actor, 'meeting.session.create', meetingId, id, input)
    return { ok: true, id }
  })
}

/** Saves a session of this meeting, with its audit row; null when there is no such session in it. */
export function updateSession(
  meetingId: number,
  sessionId: number,
  input: MeetingSessionInput,
  actor: { id: number },
): SessionResult | null {
  return atomically((tx) => {
    if (!sessionExists(tx, meetingId, sessionId)) return null
    const checked = checkSession(meetingId, input)
    if (!checked.ok) return checked
    tx.update(meetingSession)
      .set({ ...sessionColumns(input, checked.value), updatedAt: new Date() })
      .where(eq(meetingSession.id, sessionId))
      .run()
    tx.delete(meetingSessionSpeaker).where(eq(meetingSessionSpeaker.sessionId, sessionId)).run()
    tx.delete(meetingSessionResource).where(eq(meetingSessionResource.sessionId, sessionId)).run()
    writeLinks(tx, sessionId, checked.value)
    auditSession(tx, actor, 'meeting.session.update', meetingId, sessionId, input)
    return { ok: true, id: sessionId }
  })
}

/** Deletes a session of this meeting (its speakers and links go with it), with its audit row; false when there is none. */
export function deleteSession(meetingId: number, sessionId: number, actor: { id: number }) {
  return atomically((tx) => {
    const row = tx
      .delete(meetingSession)
      .where(and(eq(meetingSession.id, sessionId), eq(meetingSession.meetingId, meetingId)))
      .returning({ titleEn: meetingSession.titleEn, titleAr: meetingSession.titleAr })
      .get()
    if (!row) return false
    auditSession(tx, actor, 'meeting.session.delete', meetingId, sessionId, row)
    return true
  })
}

function auditSession(
  tx: Tx,
  actor: { id: number },
  action: string,
  meetingId: number,
  sessionId: number,
  titles: { titleEn: string; titleAr: string },
) {
  auditMeeting(tx, actor.id, action, meetingId, { sessionId, title: titles.titleEn || titles.titleAr })
}

function sessionExists(tx: Tx, meetingId: number, sessionId: number) {
  return Boolean(
    tx
      .select({ id: meetingSession.id })
      .from(meetingSession)
      .where(and(eq(meetingSession.id, sessionId), eq(meetingSession.meetingId, meetingId)))
      .get(),
  )
}
