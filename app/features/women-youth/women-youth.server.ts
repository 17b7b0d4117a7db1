import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm'
import {
  meeting,
  meetingTheme,
  programme,
  programmeTheme,
  resource,
  resourceTheme,
  type MemberGroup,
} from '#db/schema/index'
import { listedResourcesWhere, resourceCardColumns, type Viewer } from '~/features/library'
import { listedMeetingsWhere, meetingCardColumns, type MeetingViewer } from '~/features/meetings'
import { programmeCardColumns } from '~/features/programmes'
import { getDb } from '~/utils/db.server'

/** The themes that gather programmes, meetings and resources into the women and young parliamentarians' space. */
export const spaceThemes = ['women', 'youth'] as const satisfies readonly MemberGroup[]

/** "women,youth" from group_concat, in the order of spaceThemes. */
function themesOf(list: string | null): MemberGroup[] {
  const found = new Set((list ?? '').split(','))
  return spaceThemes.filter((t) => found.has(t))
}

/** Active programmes of the catalogue tagged women or youth, in the catalogue's order. */
export function listSpaceProgrammes() {
  const themes = sql<
    string | null
  >`(select group_concat(${programmeTheme.theme}) from ${programmeTheme} where ${programmeTheme.programmeId} = ${programme.id} and ${inArray(programmeTheme.theme, [...spaceThemes])})`
  return getDb()
    .select({ ...programmeCardColumns, themes })
    .from(programme)
    .where(and(eq(programme.isActive, true), sql`${themes} is not null`))
    .orderBy(asc(programme.position), asc(programme.id))
    .all()
    .map((p) => ({ ...p, themes: themesOf(p.themes) }))
}

/**
 * Meetings tagged women or youth that the viewer may see (cancelled ones left out): the upcoming ones, soonest
 * first, then the latest past ones.
 */
export function listSpaceMeetings(viewer: MeetingViewer, { now = new Date(), pastLimit = 6 } = {}) {
  const db = getDb()
  const tagged = sql`exists (select 1 from ${meetingTheme} where ${meetingTheme.meetingId} = ${meeting.id} and ${inArray(meetingTheme.theme, [...spaceThemes])})`
  const where = and(listedMeetingsWhere(viewer), ne(meeting.state, 'cancelled'), tagged)
  const upcoming = db
    .select(meetingCardColumns)
    .from(meeting)
    .where(and(where, gte(meeting.endsAt, now)))
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(50)
    .all()
  const past = db
    .select(meetingCardColumns)
    .from(meeting)
    .where(and(where, lt(meeting.endsAt, now)))
    .orderBy(desc(meeting.startsAt), desc(meeting.id))
    .limit(pastLimit)
    .all()
  return { upcoming, past }
}

/** Published resources tagged women or youth that the viewer may see, newest first. */
export function listSpaceResources(viewer: Viewer, limit = 8) {
  const tagged = sql`exists (select 1 from ${resourceTheme} where ${resourceTheme.resourceId} = ${resource.id} and ${inArray(resourceTheme.theme, [...spaceThemes])})`
  return getDb()
    .select(resourceCardColumns)
    .from(resource)
    .where(and(listedResourcesWhere(viewer), tagged))
    .orderBy(desc(resource.publishedAt), desc(resource.id))
    .limit(limit)
    .all()
}
