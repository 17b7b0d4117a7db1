import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import {
  assistanceRequest,
  assistanceRequestMessage,
  assistanceRequestOutput,
  assistanceRequestTopic,
  meeting,
  meetingRegistration,
  parliament,
  programme,
  resource,
  user,
} from '#db/schema/index'
import { requestStates, requestTopicKinds, type RequestState, type RequestTopicKind } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { openRequestStates } from '~/features/requests'

// The coordinators' dashboard (/{lang}/coordination) and the CSV export of requests. Coordinators see every
// request, so nothing here filters by viewer: the routes call requireRole(request, 'coordinator') first.

const requester = alias(user, 'requester')
const assignee = alias(user, 'assignee')

/** How many requests are in each of the six states (zero included). */
export function requestCountsByState(): Record<RequestState, number> {
  const counts = Object.fromEntries(requestStates.map((s) => [s, 0])) as Record<RequestState, number>
  const rows = getDb()
    .select({ state: assistanceRequest.state, n: count() })
    .from(assistanceRequest)
    .groupBy(assistanceRequest.state)
    .all()
  for (const r of rows) counts[r.state] = r.n
  return counts
}

const messageCount = sql<number>`(select count(*) from ${assistanceRequestMessage} where ${assistanceRequestMessage.requestId} = ${assistanceRequest.id})`
const lastMessageAt =
  sql<Date | null>`(select max(${assistanceRequestMessage.createdAt}) from ${assistanceRequestMessage} where ${assistanceRequestMessage.requestId} = ${assistanceRequest.id})`.mapWith(
    assistanceRequestMessage.createdAt,
  )

export const OPEN_REQUESTS_LIMIT = 200

/**
 * The requests still waiting for the programme office (submitted, under review, accepted, in progress), the
 * one that has waited longest in its state first; `assigneeId` keeps those assigned to that coordinator. One
 * query: names by joins, the thread's size and last message by correlated subqueries on their index.
 */
export function listOpenRequests(options: { assigneeId?: number; limit?: number } = {}) {
  const where = [inArray(assistanceRequest.state, [...openRequestStates])]
  if (options.assigneeId !== undefined) where.push(eq(assistanceRequest.assigneeId, options.assigneeId))
  return getDb()
    .select({
      id: assistanceRequest.id,
      subject: assistanceRequest.subject,
      kind: assistanceRequest.kind,
      state: assistanceRequest.state,
      parliamentId: assistanceRequest.parliamentId,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      requesterName: requester.name,
      assigneeId: assistanceRequest.assigneeId,
      assigneeName: assignee.name,
      programmeId: assistanceRequest.programmeId,
      programmeTitleEn: programme.titleEn,
      programmeTitleAr: programme.titleAr,
      submittedAt: assistanceRequest.submittedAt,
      stateChangedAt: assistanceRequest.stateChangedAt,
      messageCount,
      lastMessageAt,
    })
    .from(assistanceRequest)
    .innerJoin(parliament, eq(parliament.id, assistanceRequest.parliamentId))
    .leftJoin(requester, eq(requester.id, assistanceRequest.requesterId))
    .leftJoin(assignee, eq(assignee.id, assistanceRequest.assigneeId))
    .leftJoin(programme, eq(programme.id, assistanceRequest.programmeId))
    .where(and(...where))
    .orderBy(asc(assistanceRequest.stateChangedAt), asc(assistanceRequest.id))
    .limit(options.limit ?? OPEN_REQUESTS_LIMIT)
    .all()
}
export type OpenRequestRow = ReturnType<typeof listOpenRequests>[number]

const registrations = (state: 'confirmed' | 'waitlisted' | 'pending') =>
  sql<number>`coalesce(sum(case when ${meetingRegistration.state} = ${state} then 1 else 0 end), 0)`

/**
 * Published meetings that have not ended yet, soonest first, with their registrations by state (confirmed,
 * waitlisted, pending) and capacity: one grouped query.
 */
export function listUpcomingMeetingsWithCounts(now = new Date(), limit = 20) {
  return getDb()
    .select({
      id: meeting.id,
      titleEn: meeting.titleEn,
      titleAr: meeting.titleAr,
      timeZone: meeting.timeZone,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      capacity: meeting.capacity,
      requiresApproval: meeting.requiresApproval,
      confirmed: registrations('confirmed'),
      waitlisted: registrations('waitlisted'),
      pending: registrations('pending'),
    })
    .from(meeting)
    .leftJoin(meetingRegistration, eq(meetingRegistration.meetingId, meeting.id))
    .where(and(eq(meeting.state, 'published'), gte(meeting.endsAt, now)))
    .groupBy(meeting.id)
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(limit)
    .all()
}
export type UpcomingMeetingRow = ReturnType<typeof listUpcomingMeetingsWithCounts>[number]

/** Resources sent for review, oldest first (at most `limit`), and how many wait in all. */
export function listResourcesAwaitingReview(limit = 10) {
  const rows = getDb()
    .select({
      id: resource.id,
      type: resource.type,
      titleEn: resource.titleEn,
      titleAr: resource.titleAr,
      submittedAt: resource.submittedAt,
      authorName: user.name,
      // The whole queue's size, computed before LIMIT applies.
      total: sql<number>`count(*) over ()`,
    })
    .from(resource)
    .leftJoin(user, eq(user.id, resource.authorId))
    .where(eq(resource.state, 'submitted'))
    .orderBy(asc(resource.submittedAt), asc(resource.id))
    .limit(limit)
    .all()
  return { rows: rows.map(({ total: _total, ...r }) => r), total: rows[0]?.total ?? 0 }
}

const topicOrder = (kind: RequestTopicKind) => requestTopicKinds.indexOf(kind)

/** `pillar:1|theme:women` (group_concat) → topics in a stable order: pillars, resolutions, themes. */
function parseTopics(list: string | null) {
  if (!list) return []
  return list
    .split('|')
    .map((item) => {
      const at = item.indexOf(':')
      return { kind: item.slice(0, at) as RequestTopicKind, value: item.slice(at + 1) }
    })
    .sort((a, b) => topicOrder(a.kind) - topicOrder(b.kind) || a.value.localeCompare(b.value, 'en', { numeric: true }))
}

/**
 * Every request, oldest first, with what the export shows: names, topics, desired dates and languages, state,
 * assignee, and the number of outputs. One query; topics and outputs by correlated subqueries.
 */
export function listRequestsForExport() {
  return getDb()
    .select({
      id: assistanceRequest.id,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      requesterName: requester.name,
      programmeTitleEn: programme.titleEn,
      programmeTitleAr: programme.titleAr,
      kind: assistanceRequest.kind,
      subject: assistanceRequest.subject,
      topicList: sql<
        string | null
      >`(select group_concat(${assistanceRequestTopic.kind} || ':' || ${assistanceRequestTopic.value}, '|') from ${assistanceRequestTopic} where ${assistanceRequestTopic.requestId} = ${assistanceRequest.id})`,
      desiredFrom: assistanceRequest.desiredFrom,
      desiredTo: assistanceRequest.desiredTo,
      languages: assistanceRequest.languages,
      state: assistanceRequest.state,
      assigneeName: assignee.name,
      submittedAt: assistanceRequest.submittedAt,
      stateChangedAt: assistanceRequest.stateChangedAt,
      outputCount: sql<number>`(select count(*) from ${assistanceRequestOutput} where ${assistanceRequestOutput.requestId} = ${assistanceRequest.id})`,
    })
    .from(assistanceRequest)
    .innerJoin(parliament, eq(parliament.id, assistanceRequest.parliamentId))
    .leftJoin(requester, eq(requester.id, assistanceRequest.requesterId))
    .leftJoin(assignee, eq(assignee.id, assistanceRequest.assigneeId))
    .leftJoin(programme, eq(programme.id, assistanceRequest.programmeId))
    .orderBy(asc(assistanceRequest.submittedAt), asc(assistanceRequest.id))
    .all()
    .map(({ topicList, languages, ...r }) => ({
      ...r,
      topics: parseTopics(topicList),
      languages: languages ? languages.split(',').filter(Boolean) : [],
    }))
}
export type ExportRequestRow = ReturnType<typeof listRequestsForExport>[number]

/** Whole days since an instant (0 the first day). */
export function daysSince(instant: Date, now = new Date()) {
  return Math.max(0, Math.floor((now.getTime() - instant.getTime()) / 86_400_000))
}
