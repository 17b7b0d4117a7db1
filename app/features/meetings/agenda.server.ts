// A meeting's agenda: its sessions, their speakers (members of the network or external names) and the library
// resources linked to them. Sessions are kept within the meeting's local days, in the meeting's own zone.
// Here what is read (the agenda, a session's form values, the speakers to pick); sessions.server.ts writes.
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  meetingInvitation,
  meetingRegistration,
  meetingSession,
  meetingSessionResource,
  meetingSessionSpeaker,
  member,
  parliament,
  resource,
  type ResourceType,
  type Visibility,
} from '#db/schema/index'
import { listedResourcesWhereFor, listingShape, type Viewer } from '~/features/library'
import { getDb, preparedQuery } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { localDayBounds, localDays, utcToZonedInput } from '~/utils/zoned-time.server'
import { formatExternalSpeakers } from './session-schemas'

/** A speaker as the agenda shows it. `memberId` is null when the viewer may not open the member's profile. */
export type AgendaSpeaker =
  | {
      kind: 'member'
      memberId: number | null
      nameEn: string
      nameAr: string
      parliamentEn: string
      parliamentAr: string
    }
  | { kind: 'external'; name: string; affiliation: string }

export type AgendaResource = {
  id: number
  type: ResourceType
  titleEn: string
  titleAr: string
  visibility: Visibility
}

/** One session, with its instants as ISO strings (safe to send to the browser as they are). */
export type AgendaSession = {
  id: number
  titleEn: string
  titleAr: string
  descriptionEn: string
  descriptionAr: string
  room: string
  startsAt: string
  endsAt: string
  speakers: AgendaSpeaker[]
  resources: AgendaResource[]
}

/** What getAgenda returns and <MeetingAgenda agenda={…}> takes. */
export type MeetingAgendaData = AgendaSession[]

// The agenda's three reads, built once (the resources' once per kind of viewer: visitors see public ones only).
const agendaSessions = preparedQuery((db) =>
  db
    .select()
    .from(meetingSession)
    .where(eq(meetingSession.meetingId, sql.placeholder('meetingId')))
    .orderBy(asc(meetingSession.startsAt), asc(meetingSession.endsAt), asc(meetingSession.id))
    .prepare(),
)
const agendaSpeakers = preparedQuery((db) =>
  db
    .select({
      sessionId: meetingSessionSpeaker.sessionId,
      memberId: meetingSessionSpeaker.memberId,
      name: meetingSessionSpeaker.name,
      affiliation: meetingSessionSpeaker.affiliation,
      memberNameEn: member.nameEn,
      memberNameAr: member.nameAr,
      memberVisibility: member.visibility,
      parliamentEn: parliament.nameEn,
      parliamentAr: parliament.nameAr,
    })
    .from(meetingSessionSpeaker)
    .innerJoin(meetingSession, eq(meetingSession.id, meetingSessionSpeaker.sessionId))
    .leftJoin(member, eq(member.id, meetingSessionSpeaker.memberId))
    .leftJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(eq(meetingSession.meetingId, sql.placeholder('meetingId')))
    .orderBy(asc(meetingSessionSpeaker.sessionId), asc(meetingSessionSpeaker.position), asc(meetingSessionSpeaker.id))
    .prepare(),
)
const agendaResources = preparedQuery((db, shape: ReturnType<typeof listingShape>) =>
  db
    .select({
      sessionId: meetingSessionResource.sessionId,
      id: resource.id,
      type: resource.type,
      titleEn: resource.titleEn,
      titleAr: resource.titleAr,
      visibility: resource.visibility,
    })
    .from(meetingSessionResource)
    .innerJoin(meetingSession, eq(meetingSession.id, meetingSessionResource.sessionId))
    .innerJoin(resource, eq(resource.id, meetingSessionResource.resourceId))
    .where(and(eq(meetingSession.meetingId, sql.placeholder('meetingId')), listedResourcesWhereFor(shape)))
    .orderBy(asc(meetingSessionResource.sessionId), asc(resource.id))
    .prepare(),
)

/**
 * The agenda of a meeting as `viewer` may see it, sessions in start order. Three queries whatever the number of
 * sessions: the sessions, every speaker (with member and parliament names), every linked resource the viewer
 * may see (published; members-only ones for signed-in viewers only). The caller has checked the viewer may see
 * the meeting itself.
 */
export function getAgenda(meetingId: number, viewer: Viewer): MeetingAgendaData {
  const sessions = agendaSessions().all({ meetingId })
  if (!sessions.length) return []
  const speakers = agendaSpeakers().all({ meetingId })
  const resources = agendaResources(listingShape(viewer)).all({ meetingId })

  const speakersOf = new Map<number, AgendaSpeaker[]>()
  for (const s of speakers) {
    const list = speakersOf.get(s.sessionId) ?? []
    // A member whose profile was deleted (member_id set null) is shown by the name kept at the time.
    if (s.memberId !== null && s.memberNameEn !== null) {
      list.push({
        kind: 'member',
        // A members-only profile is not linked for a visitor (it would only send them to sign in).
        memberId: s.memberVisibility === 'public' || viewer ? s.memberId : null,
        nameEn: s.memberNameEn,
        nameAr: s.memberNameAr ?? '',
        parliamentEn: s.parliamentEn ?? '',
        parliamentAr: s.parliamentAr ?? '',
      })
    } else {
      list.push({ kind: 'external', name: s.name, affiliation: s.affiliation })
    }
    speakersOf.set(s.sessionId, list)
  }
  const resourcesOf = new Map<number, AgendaResource[]>()
  for (const { sessionId, ...r } of resources) {
    const list = resourcesOf.get(sessionId) ?? []
    list.push(r)
    resourcesOf.set(sessionId, list)
  }
  return sessions.map((s) => ({
    id: s.id,
    titleEn: s.titleEn,
    titleAr: s.titleAr,
    descriptionEn: s.descriptionEn,
    descriptionAr: s.descriptionAr,
    room: s.room,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    speakers: speakersOf.get(s.id) ?? [],
    resources: resourcesOf.get(s.id) ?? [],
  }))
}

/** The span sessions may take: from the start of the meeting's first local day to the end of its last. */
export function meetingWindow(m: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const days = localDays(m.startsAt, m.endsAt, m.timeZone)
  const first = days[0] ?? utcToZonedInput(m.startsAt, m.timeZone).slice(0, 10)
  const last = days.at(-1) ?? first
  return {
    days,
    start: localDayBounds(first, m.timeZone).start,
    end: localDayBounds(last, m.timeZone).end,
  }
}

/** The edit form's values of a session (times back in the meeting's zone); null when it is not this meeting's. */
export function getSessionFormValues(meetingId: number, sessionId: number, timeZone: string) {
  const db = getDb()
  const s = db
    .select()
    .from(meetingSession)
    .where(and(eq(meetingSession.id, sessionId), eq(meetingSession.meetingId, meetingId)))
    .get()
  if (!s) return null
  const speakers = db
    .select({
      memberId: meetingSessionSpeaker.memberId,
      name: meetingSessionSpeaker.name,
      affiliation: meetingSessionSpeaker.affiliation,
    })
    .from(meetingSessionSpeaker)
    .where(eq(meetingSessionSpeaker.sessionId, sessionId))
    .orderBy(asc(meetingSessionSpeaker.position), asc(meetingSessionSpeaker.id))
    .all()
  const resourceIds = db
    .select({ id: meetingSessionResource.resourceId })
    .from(meetingSessionResource)
    .where(eq(meetingSessionResource.sessionId, sessionId))
    .all()
    .map((r) => String(r.id))
  return {
    titleEn: s.titleEn,
    titleAr: s.titleAr,
    descriptionEn: s.descriptionEn,
    descriptionAr: s.descriptionAr,
    startsAt: utcToZonedInput(s.startsAt, timeZone),
    endsAt: utcToZonedInput(s.endsAt, timeZone),
    room: s.room,
    speakerMemberIds: speakers.flatMap((x) => (x.memberId === null ? [] : [String(x.memberId)])),
    speakerMemberRef: '',
    externalSpeakers: formatExternalSpeakers(speakers.filter((x) => x.memberId === null)),
    resourceIds,
  }
}

export type SessionFormValues = NonNullable<ReturnType<typeof getSessionFormValues>>

/** A member a coordinator can pick as a speaker. */
export type SpeakerChoice = {
  id: number
  nameEn: string
  nameAr: string
  parliamentId: number
  parliamentEn: string
  parliamentAr: string
}

/** The most members the speaker list offers (the id/address field reaches everyone else). */
export const SPEAKER_CHOICES_LIMIT = 500

/**
 * The members offered as speakers: those of the parliaments invited to the meeting, those whose account is
 * registered for it (not cancelled or declined), and `include` (the session's current speakers). Sorted by
 * parliament, then name, in the page's language.
 */
export function listSpeakerChoices(meetingId: number, lang: Language, include: number[] = []): SpeakerChoice[] {
  const invited = sql`${member.parliamentId} in (select ${meetingInvitation.parliamentId} from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meetingId} and ${meetingInvitation.parliamentId} is not null)`
  const registered = sql`${member.userId} in (select ${meetingRegistration.userId} from ${meetingRegistration} where ${meetingRegistration.meetingId} = ${meetingId} and ${meetingRegistration.state} in ('confirmed', 'pending', 'waitlisted'))`
  const included = include.length ? inArray(member.id, include) : sql`0 = 1`
  const rows = getDb()
    .select({
      id: member.id,
      nameEn: member.nameEn,
      nameAr: member.nameAr,
      parliamentId: member.parliamentId,
      parliamentEn: parliament.nameEn,
      parliamentAr: parliament.nameAr,
    })
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(sql`(${invited}) or (${registered}) or (${included})`)
    // The session's current speakers first, so the limit never drops one (the form would then lose them).
    .orderBy(sql`(${included}) desc`, asc(member.id))
    .limit(SPEAKER_CHOICES_LIMIT)
    .all()
  const collator = new Intl.Collator(lang)
  const pick = (en: string, ar: string) => (lang === 'ar' ? ar || en : en || ar)
  return rows.sort(
    (a, b) =>
      collator.compare(pick(a.parliamentEn, a.parliamentAr), pick(b.parliamentEn, b.parliamentAr)) ||
      a.parliamentId - b.parliamentId ||
      collator.compare(pick(a.nameEn, a.nameAr), pick(b.nameEn, b.nameAr)) ||
      a.id - b.id,
  )
}
