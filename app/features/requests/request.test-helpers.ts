// Shared by the requests feature's model tests: rows written straight into the test database (people,
// parliaments, resources, meetings, pending uploads), a valid request's input and the row counts of its tables.
import { eq, sql } from 'drizzle-orm'
import {
  assistanceRequest,
  assistanceRequestEvent,
  assistanceRequestFile,
  assistanceRequestMessage,
  assistanceRequestNote,
  assistanceRequestOutput,
  assistanceRequestTopic,
  meeting,
  parliament,
  pendingUpload,
  resource,
  user,
} from '#db/schema/index'
import type { Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import type { RequestInput } from './schemas'
import { createPendingUpload } from '~/utils/pending-upload.server'
import { createRequest } from './request.server'

const DAY = 24 * 3600 * 1000

export type Person = { id: number; role: Role; parliamentId: number | null; name: string }

let n = 0
export function addUser(
  parliamentId: number | null,
  role: Role = 'member',
  values: Partial<typeof user.$inferInsert> = {},
): Person {
  n++
  return getDb()
    .insert(user)
    .values({ email: `person${n}@example.org`, name: `Person ${n}`, role, parliamentId, passwordHash: 'x', ...values })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId, name: user.name })
    .get()
}

export function addParliament(nameEn: string, nameAr: string, countryCode: string) {
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode,
      chamber: 'single',
      nameEn,
      nameAr,
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
    })
    .returning({ id: parliament.id })
    .get().id
}

export function addResource(state: 'draft' | 'submitted' | 'published', titleEn: string) {
  return getDb().insert(resource).values({ type: 'report', titleEn, state }).returning({ id: resource.id }).get().id
}

export function addMeeting(state: 'draft' | 'published' | 'cancelled' | 'completed', titleEn: string) {
  const startsAt = new Date(Date.now() + 30 * DAY)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'hybrid',
      titleEn,
      city: 'Doha',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + DAY),
      year: startsAt.getUTCFullYear(),
      state,
    })
    .returning({ id: meeting.id })
    .get().id
}

/** A pending upload row for this user (the bytes themselves do not matter to the model). */
export function addPendingUpload(userId: number, name = 'brief.pdf') {
  return createPendingUpload({ sha256: 'a'.repeat(64), size: 1234, mediaType: 'application/pdf' }, userId, name)
}

export function input(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    programmeId: null,
    kind: 'legislative_drafting',
    subject: 'Review of the draft law on terrorism financing',
    need: 'A written review of the draft before its second reading.',
    pillars: [2],
    resolutions: ['2462'],
    themes: ['terrorism_financing', 'legislation_oversight'],
    desiredFrom: '2030-04-01',
    desiredTo: '2030-04-30',
    languages: ['ar', 'en'],
    attachments: [],
    ...overrides,
  }
}

/** A request made through the model, by this member for their parliament: its id (a refusal fails the test). */
export function addRequest(by: { id: number; parliamentId: number }, overrides: Partial<RequestInput> = {}) {
  const created = createRequest(input(overrides), by)
  if (!created.ok) throw new Error(`createRequest refused: ${created.error}`)
  return created.value.id
}

export const tables = {
  request: assistanceRequest,
  topic: assistanceRequestTopic,
  file: assistanceRequestFile,
  event: assistanceRequestEvent,
  message: assistanceRequestMessage,
  note: assistanceRequestNote,
  output: assistanceRequestOutput,
  pending: pendingUpload,
}

/** How many rows each request table holds. */
export function counts() {
  const db = getDb()
  return Object.fromEntries(
    Object.entries(tables).map(([name, table]) => [
      name,
      db
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .get()!.n,
    ]),
  ) as Record<keyof typeof tables, number>
}

export function rowOf(id: number) {
  return getDb().select().from(assistanceRequest).where(eq(assistanceRequest.id, id)).get()!
}

/** The two parliaments and the people every test file starts from. */
export function addPeople() {
  const qatar = addParliament('Shura Council of Qatar', 'مجلس الشورى القطري', 'QA')
  const oman = addParliament('Council of Oman', 'مجلس عُمان', 'OM')
  return {
    qatar,
    oman,
    member: addUser(qatar),
    colleague: addUser(qatar),
    otherMember: addUser(oman),
    homeless: addUser(null),
    coordinator: addUser(null, 'coordinator'),
    admin: addUser(null, 'admin'),
    retired: addUser(null, 'coordinator', { isActive: false }),
  }
}
