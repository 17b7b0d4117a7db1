// Shared by the registration tests (invitations, registration, participants): rows written straight into the
// test database, a registration's details, and the mails in the outbox.
import { desc, eq } from 'drizzle-orm'
import { meeting, outbox, parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { listParticipants } from './participants.server'
import type { RegistrationInput } from './registration.server'

export const DAY = 24 * 3600 * 1000
export const base = 'https://portal.example'
export const inPerson: RegistrationInput = {
  attendanceMode: 'in_person',
  interpretation: ['ar', 'fr'],
  accessibilityNeeds: '',
  dietaryNeeds: 'Halal',
}

export type Person = { id: number; role: 'member' | 'coordinator'; parliamentId: number | null; email: string }

let n = 0
export function addUser(
  locale: 'en' | 'ar',
  parliamentId: number | null,
  role: 'member' | 'coordinator' = 'member',
  name?: string,
): Person {
  n++
  const email = `person${n}@example.org`
  const row = getDb()
    .insert(user)
    .values({ email, name: name ?? `Person ${n}`, role, locale, parliamentId, passwordHash: 'x' })
    .returning({ id: user.id, role: user.role, parliamentId: user.parliamentId })
    .get()
  return { ...row, role: row.role as Person['role'], email }
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

export function addMeeting(values: Partial<typeof meeting.$inferInsert> = {}) {
  const startsAt = new Date(Date.now() + 30 * DAY)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'hybrid',
      titleEn: 'Workshop on victims',
      titleAr: 'ورشة عمل بشأن الضحايا',
      city: 'Doha',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * DAY),
      year: startsAt.getUTCFullYear(),
      visibility: 'public',
      state: 'published',
      ...values,
    })
    .returning({ id: meeting.id })
    .get().id
}

export type Network = { qatar: number; jordan: number; coordinator: Person }

/** The two parliaments and the coordinator every registration test file starts from (call it in beforeAll). */
export function addNetwork(): Network {
  return {
    qatar: addParliament('Shura Council of Qatar', 'مجلس الشورى القطري', 'QA'),
    jordan: addParliament('House of Representatives of Jordan', 'مجلس النواب الأردني', 'JO'),
    coordinator: addUser('en', null, 'coordinator', 'Coordinator'),
  }
}

export const mailsTo = (email: string) =>
  getDb().select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).all()
export const lastMailTo = (email: string) => mailsTo(email)[0]
export const stateOf = (meetingId: number, userId: number) =>
  listParticipants(meetingId).find((p) => p.userId === userId)?.state
