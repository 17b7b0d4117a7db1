// Shared by the agenda's tests (agenda.server.test.ts, sessions.server.test.ts): rows written straight into the
// test database, the people and members both start from, a meeting's form input and a session's.
import { count, eq } from 'drizzle-orm'
import { meetingSession, member, parliament, resource, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { MeetingFormSchema } from './schemas'
import type { MeetingSessionInput } from './session-schemas'

export type Actor = { id: number; role: 'member' | 'coordinator' | 'admin' }

function addUser(email: string, role: Actor['role'], parliamentId: number | null = null): Actor {
  return getDb()
    .insert(user)
    .values({ email, name: email.split('@')[0]!, role, parliamentId, locale: 'en', passwordHash: 'x' })
    .returning({ id: user.id, role: user.role })
    .get()
}

function addParliament(nameEn: string, nameAr: string, countryCode: string) {
  return getDb()
    .insert(parliament)
    .values({ kind: 'national', countryCode, nameEn, nameAr, region: 'middle_east_north_africa' })
    .returning({ id: parliament.id })
    .get().id
}

function addMember(
  parliamentId: number,
  nameEn: string,
  nameAr: string,
  extra: Partial<typeof member.$inferInsert> = {},
) {
  return getDb()
    .insert(member)
    .values({ parliamentId, nameEn, nameAr, ...extra })
    .returning({ id: member.id })
    .get().id
}

export function addResource(
  titleEn: string,
  visibility: 'public' | 'members',
  state: 'published' | 'draft' = 'published',
) {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn, visibility, state, publishedAt: state === 'published' ? new Date() : null })
    .returning({ id: resource.id })
    .get().id
}

/** The form input of a public hybrid coordination meeting (in Doha), at the given zone's local times. */
export function meetingInput(timeZone: string, startsAt: string, endsAt: string) {
  return MeetingFormSchema.parse({
    kind: 'coordination_meeting',
    format: 'hybrid',
    titleEn: 'Coordination meeting',
    city: 'Doha',
    timeZone,
    startsAt,
    endsAt,
    visibility: 'public',
  })
}

export function session(overrides: Partial<MeetingSessionInput> = {}): MeetingSessionInput {
  return {
    titleEn: 'Opening',
    titleAr: '',
    descriptionEn: '',
    descriptionAr: '',
    startsAt: '2021-12-13T09:30',
    endsAt: '2021-12-13T10:30',
    room: '',
    speakerMemberIds: [],
    speakerMemberRef: [],
    externalSpeakers: [],
    resourceIds: [],
    ...overrides,
  }
}

export const sessionCount = (meetingId: number) =>
  getDb().select({ n: count() }).from(meetingSession).where(eq(meetingSession.meetingId, meetingId)).get()!.n

/** The coordinator, a member, two parliaments and their members that both test files start from. */
export function addPeople() {
  const coordinator = addUser('coord@example.org', 'coordinator')
  const shura = addParliament('Shura Council of Qatar', 'مجلس الشورى القطري', 'QA')
  const commons = addParliament('UK House of Commons', 'مجلس العموم البريطاني', 'GB')
  const memberUser = addUser('member@example.org', 'member', shura)
  const amal = addMember(shura, 'Amal Al-Kuwari', 'أمل الكواري')
  const hidden = addMember(shura, 'Hidden Member', 'عضو محجوب', { visibility: 'members' })
  const registeredUser = addUser('reg@example.org', 'member', commons)
  const registeredMember = addMember(commons, 'Registered Member', '', { userId: registeredUser.id })
  const outsider = addMember(commons, 'Outside Member', '')
  return { coordinator, memberUser, shura, commons, amal, hidden, registeredMember, outsider }
}
