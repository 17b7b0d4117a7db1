import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm'
import {
  meeting,
  meetingInvitation,
  meetingRegistration,
  meetingTheme,
  user,
  type MeetingFormat,
  type MeetingKind,
  type MeetingState,
  type Region,
  type Theme,
} from '#db/schema/index'
import { getDb, preparedQuery, type Tx } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { localDate, utcToZonedInput, zonedToUtc } from '~/utils/zoned-time.server'
import { listedMeetingsWhere, placeholderViewer, viewerParams, viewerShape, type MeetingViewer } from './access.server'
import type { MeetingsError } from './errors'
import { auditMeeting } from './meeting-audit.server'
import type { MeetingInput } from './schemas'

export type MeetingRow = typeof meeting.$inferSelect

/** Thrown when a wall-clock time cannot be placed in the zone (the form validated it, so only by a bug). */
export class MeetingTimeError extends Error {}

function instant(local: string, zone: string) {
  const date = zonedToUtc(local, zone)
  if (!date) throw new MeetingTimeError(`${local} in ${zone}`)
  return date
}

/** The meeting row's columns, from the form (times turned into instants in the meeting's zone). */
function columns(input: MeetingInput) {
  const startsAt = instant(input.startsAt, input.timeZone)
  return {
    kind: input.kind,
    format: input.format,
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    descriptionEn: input.descriptionEn,
    descriptionAr: input.descriptionAr,
    city: input.city,
    countryCode: input.countryCode,
    address: input.address,
    onlineUrl: input.onlineUrl,
    region: input.region,
    timeZone: input.timeZone,
    startsAt,
    endsAt: instant(input.endsAt, input.timeZone),
    year: Number(localDate(startsAt, input.timeZone).slice(0, 4)),
    hosts: input.hosts,
    visibility: input.visibility,
    capacity: input.capacity,
    registrationDeadline: input.registrationDeadline ? instant(input.registrationDeadline, input.timeZone) : null,
    requiresApproval: input.requiresApproval,
  }
}

/** Replaces a meeting's themes. */
function saveMeetingThemes(db: Tx, meetingId: number, themes: Theme[]) {
  db.delete(meetingTheme).where(eq(meetingTheme.meetingId, meetingId)).run()
  if (themes.length)
    db.insert(meetingTheme)
      .values(themes.map((theme) => ({ meetingId, theme })))
      .run()
}

/** A meeting's themes (for its form). */
const meetingThemes = preparedQuery((db) =>
  db
    .select({ theme: meetingTheme.theme })
    .from(meetingTheme)
    .where(eq(meetingTheme.meetingId, sql.placeholder('meetingId')))
    .prepare(),
)

export function listMeetingThemes(meetingId: number): Theme[] {
  return meetingThemes()
    .all({ meetingId })
    .map((r) => r.theme)
}

export function createMeeting(input: MeetingInput, actor: { id: number }) {
  return atomically((tx) => {
    const created = tx
      .insert(meeting)
      .values({ ...columns(input), state: 'draft', createdById: actor.id })
      .returning({ id: meeting.id })
      .get()
    saveMeetingThemes(tx, created.id, input.themes)
    auditMeeting(tx, actor.id, 'meeting.create', created.id)
    return created.id
  })
}

/** What changed that participants must be told about. */
export type MeetingChange = { time: boolean; venue: boolean }

/** Saves the form; says whether the time or the venue changed (participants are then told by mail). */
export function updateMeeting(id: number, input: MeetingInput, actor: { id: number }): MeetingChange | null {
  return atomically((tx) => {
    const before = tx.select().from(meeting).where(eq(meeting.id, id)).get()
    if (!before) return null
    const values = columns(input)
    tx.update(meeting)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meeting.id, id))
      .run()
    saveMeetingThemes(tx, id, input.themes)
    const change = {
      time:
        before.startsAt.getTime() !== values.startsAt.getTime() ||
        before.endsAt.getTime() !== values.endsAt.getTime() ||
        before.timeZone !== values.timeZone,
      venue:
        before.format !== values.format ||
        before.city !== values.city ||
        before.countryCode !== values.countryCode ||
        before.address !== values.address ||
        before.onlineUrl !== values.onlineUrl,
    }
    auditMeeting(tx, actor.id, 'meeting.update', id, change)
    return change
  })
}

/** The moves a coordinator can make: publish a draft, cancel, mark a published meeting as held. */
const allowedMoves: Record<MeetingState, MeetingState[]> = {
  draft: ['published', 'cancelled'],
  published: ['cancelled', 'completed'],
  cancelled: [],
  completed: [],
}

export function canMoveMeeting(from: MeetingState, to: MeetingState) {
  return allowedMoves[from].includes(to)
}

/**
 * Moves a meeting to another state, with its audit row; refused (`moveNotAllowed`) when the move is not allowed
 * from its current state. `from` is the state it left.
 */
export function setMeetingState(
  id: number,
  to: MeetingState,
  actor: { id: number },
): Result<{ from: MeetingState }, Extract<MeetingsError, 'moveNotAllowed'>> {
  return atomically((tx) => {
    const current = tx.select({ state: meeting.state }).from(meeting).where(eq(meeting.id, id)).get()
    if (!current || !canMoveMeeting(current.state, to)) return fail('moveNotAllowed')
    const now = new Date()
    tx.update(meeting)
      .set({
        state: to,
        updatedAt: now,
        ...(to === 'published' ? { publishedAt: now } : {}),
        ...(to === 'cancelled' ? { cancelledAt: now } : {}),
      })
      .where(eq(meeting.id, id))
      .run()
    auditMeeting(tx, actor.id, `meeting.${to}`, id, { from: current.state })
    return ok({ from: current.state })
  })
}

export function publishOutcome(id: number, outcome: { outcomeEn: string; outcomeAr: string }, actor: { id: number }) {
  atomically((tx) => {
    tx.update(meeting)
      .set({ ...outcome, outcomePublishedAt: new Date(), updatedAt: new Date() })
      .where(eq(meeting.id, id))
      .run()
    auditMeeting(tx, actor.id, 'meeting.outcome', id)
  })
}

// Every meeting page reads it (some twice: the guard, then the registration box): built once.
const meetingById = preparedQuery((db) =>
  db
    .select()
    .from(meeting)
    .where(eq(meeting.id, sql.placeholder('id')))
    .prepare(),
)

export function getMeeting(id: number) {
  return meetingById().get({ id }) ?? null
}

/** The form's values for an existing meeting (times back in its own zone). */
export function meetingFormValues(m: MeetingRow) {
  return {
    kind: m.kind,
    format: m.format,
    titleEn: m.titleEn,
    titleAr: m.titleAr,
    descriptionEn: m.descriptionEn,
    descriptionAr: m.descriptionAr,
    city: m.city,
    countryCode: m.countryCode ?? '',
    address: m.address,
    onlineUrl: m.onlineUrl ?? '',
    region: m.region ?? '',
    timeZone: m.timeZone,
    startsAt: utcToZonedInput(m.startsAt, m.timeZone),
    endsAt: utcToZonedInput(m.endsAt, m.timeZone),
    hosts: m.hosts,
    visibility: m.visibility,
    capacity: m.capacity === null ? '' : String(m.capacity),
    registrationDeadline: m.registrationDeadline ? utcToZonedInput(m.registrationDeadline, m.timeZone) : '',
    requiresApproval: m.requiresApproval ? 'on' : '',
    themes: listMeetingThemes(m.id),
  }
}

/** The columns a list or a card shows. */
export const meetingCardColumns = {
  id: meeting.id,
  kind: meeting.kind,
  format: meeting.format,
  titleEn: meeting.titleEn,
  titleAr: meeting.titleAr,
  city: meeting.city,
  countryCode: meeting.countryCode,
  timeZone: meeting.timeZone,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  visibility: meeting.visibility,
  state: meeting.state,
}
export type MeetingCard = {
  [K in keyof typeof meetingCardColumns]: (typeof meetingCardColumns)[K]['_']['data']
}

export type MeetingFilters = {
  when: 'upcoming' | 'past'
  kind: MeetingKind | null
  format: MeetingFormat | null
  region: Region | null
  year: number | null
}

function filterWhere(viewer: MeetingViewer, f: Omit<MeetingFilters, 'when'>): SQL[] {
  const where: SQL[] = [listedMeetingsWhere(viewer)]
  if (f.kind) where.push(eq(meeting.kind, f.kind))
  if (f.format) where.push(eq(meeting.format, f.format))
  if (f.region) where.push(eq(meeting.region, f.region))
  if (f.year) where.push(eq(meeting.year, f.year))
  return where
}

export const MEETINGS_PAGE_SIZE = 20

/** Upcoming meetings (not yet ended, soonest first) or past ones (latest first), filtered, one page. */
export function listMeetings(viewer: MeetingViewer, filters: MeetingFilters, page: number, now = new Date()) {
  const db = getDb()
  const where = filterWhere(viewer, filters)
  where.push(filters.when === 'upcoming' ? gte(meeting.endsAt, now) : lt(meeting.endsAt, now))
  const condition = and(...where)
  const total = db.select({ n: count() }).from(meeting).where(condition).get()?.n ?? 0
  const rows = db
    .select(meetingCardColumns)
    .from(meeting)
    .where(condition)
    .orderBy(filters.when === 'upcoming' ? asc(meeting.startsAt) : desc(meeting.startsAt), asc(meeting.id))
    .limit(MEETINGS_PAGE_SIZE)
    .offset((page - 1) * MEETINGS_PAGE_SIZE)
    .all()
  return { rows, total }
}

/** Meetings overlapping [from, to), for the month calendar. */
export function listMeetingsBetween(
  viewer: MeetingViewer,
  filters: Omit<MeetingFilters, 'when' | 'year'>,
  from: Date,
  to: Date,
) {
  return getDb()
    .select(meetingCardColumns)
    .from(meeting)
    .where(and(...filterWhere(viewer, { ...filters, year: null }), lt(meeting.startsAt, to), gte(meeting.endsAt, from)))
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(500)
    .all()
}

/** The years that have meetings the viewer can see (newest first), for the year filter. */
export function listMeetingYears(viewer: MeetingViewer) {
  return getDb()
    .selectDistinct({ year: meeting.year })
    .from(meeting)
    .where(listedMeetingsWhere(viewer))
    .orderBy(desc(meeting.year))
    .all()
    .map((r) => r.year)
}

// The home page's two reads, built once (per shape of viewer); `now` goes in as the column stores it.
const nextMeetings = preparedQuery((db, shape: ReturnType<typeof viewerShape>) =>
  db
    .select(meetingCardColumns)
    .from(meeting)
    .where(
      and(
        listedMeetingsWhere(placeholderViewer(shape)),
        gte(meeting.endsAt, sql.placeholder('now')),
        sql`${meeting.state} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(sql.placeholder('limit'))
    .prepare(),
)
const upcomingPublic = preparedQuery((db) =>
  db
    .select({ n: count(), soonestEnd: sql<number | null>`min(${meeting.endsAt})` })
    .from(meeting)
    .where(and(listedMeetingsWhere(null), gte(meeting.endsAt, sql.placeholder('now')), eq(meeting.state, 'published')))
    .prepare(),
)

/** The next meetings the viewer can see (home page); cancelled ones are left out. */
export function listNextMeetings(viewer: MeetingViewer, limit = 3, now = new Date()) {
  return nextMeetings(viewerShape(viewer)).all({
    ...viewerParams(viewer),
    now: meeting.endsAt.mapToDriverValue(now),
    limit,
  })
}

/** The count of upcoming public meetings (the home page's figure). */
export function countUpcomingPublicMeetings(now = new Date()) {
  return upcomingPublicMeetings(now).count
}

/**
 * The count of upcoming public meetings, and the instant it next falls by itself (the soonest of them is over),
 * null when there are none: until then, only a change in the database changes it.
 */
export function upcomingPublicMeetings(now = new Date()): { count: number; changesAt: Date | null } {
  const row = upcomingPublic().get({ now: meeting.endsAt.mapToDriverValue(now) })
  // ends_at is stored in whole seconds, and a meeting counts through the second it ends.
  const soonestEnd = row?.soonestEnd ?? null
  return { count: row?.n ?? 0, changesAt: soonestEnd === null ? null : new Date((soonestEnd + 1) * 1000) }
}

/**
 * Meetings a parliament takes part in: it is invited, or one of its members' accounts registered (not
 * cancelled). Newest first.
 */
export function listParliamentMeetings(parliamentId: number, viewer: MeetingViewer, limit = 10) {
  const invited = sql`exists (select 1 from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meeting.id} and ${meetingInvitation.parliamentId} = ${parliamentId})`
  const registered = sql`exists (select 1 from ${meetingRegistration} join ${user} on ${user.id} = ${meetingRegistration.userId} where ${meetingRegistration.meetingId} = ${meeting.id} and ${user.parliamentId} = ${parliamentId} and ${meetingRegistration.state} in ('confirmed', 'pending', 'waitlisted'))`
  return getDb()
    .select(meetingCardColumns)
    .from(meeting)
    .where(and(listedMeetingsWhere(viewer), or(invited, registered)))
    .orderBy(desc(meeting.startsAt))
    .limit(limit)
    .all()
}

/** The meetings a visitor may see (not drafts, public), with when each last changed: the sitemap's entries. */
export function listPublicMeetingsForSitemap() {
  return getDb()
    .select({ id: meeting.id, updatedAt: meeting.updatedAt })
    .from(meeting)
    .where(listedMeetingsWhere(null))
    .orderBy(asc(meeting.id))
    .all()
}
