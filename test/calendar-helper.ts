// Shared by the calendar part's unit tests: rows written straight into the test database, and ical.js parsing.
import ICAL from 'ical.js'
import { meeting, meetingRegistration, parliament, user, type RegistrationState } from '#db/schema/index'
import { getDb } from '../app/utils/db.server'

let n = 0

export function addUser(
  input: { locale?: 'en' | 'ar'; parliamentId?: number | null; isActive?: boolean; name?: string } = {},
) {
  n += 1
  return getDb()
    .insert(user)
    .values({
      email: `user-${n}-${Math.random().toString(36).slice(2, 8)}@example.org`,
      name: input.name ?? `User ${n}`,
      locale: input.locale ?? 'en',
      parliamentId: input.parliamentId ?? null,
      isActive: input.isActive ?? true,
      passwordHash: '!',
    })
    .returning({ id: user.id, email: user.email, locale: user.locale, parliamentId: user.parliamentId })
    .get()
}

export function addParliament() {
  n += 1
  return getDb()
    .insert(parliament)
    .values({ kind: 'national', nameEn: `Parliament ${n}`, nameAr: 'برلمان', region: 'asia', countryCode: 'QA' })
    .returning({ id: parliament.id })
    .get().id
}

export function addMeeting(input: Partial<typeof meeting.$inferInsert> & { startsAt: Date; endsAt: Date }) {
  return getDb()
    .insert(meeting)
    .values({
      kind: 'coordination_meeting',
      format: 'hybrid',
      titleEn: 'Coordination meeting',
      titleAr: 'اجتماع التنسيق',
      city: 'Doha',
      countryCode: 'QA',
      timeZone: 'Asia/Qatar',
      year: input.startsAt.getUTCFullYear(),
      state: 'published',
      publishedAt: new Date(),
      onlineUrl: 'https://meet.example.org/room-42',
      ...input,
    })
    .returning()
    .get()
}

export function register(meetingId: number, userId: number, state: RegistrationState) {
  getDb()
    .insert(meetingRegistration)
    .values({ meetingId, userId, state, attendanceMode: 'online', requestedAt: new Date() })
    .run()
}

/** The VEVENTs of an iCalendar text, parsed by Mozilla's ical.js (zones resolved from the file's VTIMEZONEs). */
export function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent)
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description ?? '',
        location: event.location ?? '',
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        tzid: event.startDate.zone?.tzid,
        url: String(vevent.getFirstPropertyValue('url')),
        status: String(vevent.getFirstPropertyValue('status')),
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        conference: vevent.getFirstPropertyValue('conference') as string | null,
      }
    }),
  }
}
