import { beforeAll, describe, expect, it } from 'vitest'
import { meetingInvitation, meetingRegistration, parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { MeetingFormSchema } from './schemas'
import { canViewMeeting, isInvitedOrRegistered, type MeetingViewer } from './access.server'
import {
  countUpcomingPublicMeetings,
  createMeeting,
  getMeeting,
  listMeetings,
  listMeetingYears,
  listNextMeetings,
  listParliamentMeetings,
  meetingFormValues,
  setMeetingState,
  updateMeeting,
} from './meeting.server'

function form(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'coordination_meeting',
    format: 'hybrid',
    titleEn: 'Coordination meeting',
    city: 'Doha',
    countryCode: 'qa',
    onlineUrl: 'https://meet.example.org/x',
    timeZone: 'Asia/Qatar',
    startsAt: '2031-12-13T09:00',
    endsAt: '2031-12-15T17:00',
    visibility: 'public',
    ...overrides,
  }
}

function input(overrides: Record<string, unknown> = {}) {
  const parsed = MeetingFormSchema.safeParse(form(overrides))
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data
}

function errorsOf(overrides: Record<string, unknown>) {
  const parsed = MeetingFormSchema.safeParse(form(overrides))
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}:${i.message}`)
}

const addUser = (email: string, role: 'member' | 'coordinator', parliamentId: number | null = null) =>
  getDb().insert(user).values({ email, name: email, role, parliamentId, passwordHash: 'x' }).returning().get()

let coordinator: { id: number }
let qatar: number
let uk: number
let memberQa: MeetingViewer
let memberUk: MeetingViewer

beforeAll(() => {
  const db = getDb()
  qatar = db
    .insert(parliament)
    .values({ kind: 'national', countryCode: 'QA', nameEn: 'Shura', region: 'middle_east_north_africa' })
    .returning()
    .get().id
  uk = db
    .insert(parliament)
    .values({ kind: 'national', countryCode: 'GB', nameEn: 'Commons', region: 'europe' })
    .returning()
    .get().id
  coordinator = addUser('c@x.org', 'coordinator')
  const a = addUser('qa@x.org', 'member', qatar)
  const b = addUser('uk@x.org', 'member', uk)
  memberQa = { id: a.id, role: 'member', parliamentId: qatar }
  memberUk = { id: b.id, role: 'member', parliamentId: uk }
})

describe('the meeting form', () => {
  it('accepts a three-day hybrid meeting in Doha and upper-cases the country', () => {
    expect(input().countryCode).toBe('QA')
  })

  it('refuses an end before the start, an unknown zone, a negative capacity, a deadline after the end', () => {
    expect(errorsOf({ endsAt: '2031-12-12T09:00' })).toContain('endsAt:endBeforeStart')
    expect(errorsOf({ endsAt: '2031-12-13T09:00' })).toContain('endsAt:endBeforeStart')
    // An unknown zone is reported with the form's other problems, not instead of them.
    expect(errorsOf({ timeZone: 'Mars/Olympus', endsAt: '2031-12-12T09:00' })).toEqual(
      expect.arrayContaining(['timeZone:timeZoneInvalid', 'endsAt:endBeforeStart']),
    )
    expect(errorsOf({ timeZone: 'Mars/Olympus' })).toContain('timeZone:timeZoneInvalid')
    expect(errorsOf({ capacity: -3 })).toContain('capacity:capacityInvalid')
    expect(errorsOf({ capacity: 2.5 })).toContain('capacity:capacityInvalid')
    expect(errorsOf({ registrationDeadline: '2031-12-16T09:00' })).toContain('registrationDeadline:deadlineAfterEnd')
    expect(errorsOf({ startsAt: '2031-02-30T09:00' })).toContain('startsAt:dateTimeInvalid')
    expect(errorsOf({ titleEn: '' })).toContain('titleEn:titleOneLanguage')
    expect(errorsOf({ format: 'in_person', city: '' })).toContain('city:cityRequired')
    expect(errorsOf({ onlineUrl: 'javascript:alert(1)' })).toContain('onlineUrl:urlInvalid')
  })
})

describe('meetings', () => {
  it('stores instants in UTC from times in the meeting zone, and gives them back for the form', () => {
    const id = createMeeting(input(), coordinator)
    const m = getMeeting(id)!
    expect(m.startsAt.toISOString()).toBe('2031-12-13T06:00:00.000Z')
    expect(m.endsAt.toISOString()).toBe('2031-12-15T14:00:00.000Z')
    expect(m.year).toBe(2031)
    expect(m.state).toBe('draft')
    expect(meetingFormValues(m).startsAt).toBe('2031-12-13T09:00')
  })

  it('says whether an edit changed the time or the venue', () => {
    const id = createMeeting(input(), coordinator)
    expect(updateMeeting(id, input({ descriptionEn: 'More' }), coordinator)).toEqual({ time: false, venue: false })
    expect(updateMeeting(id, input({ descriptionEn: 'More', endsAt: '2031-12-15T18:00' }), coordinator)).toEqual({
      time: true,
      venue: false,
    })
    expect(
      updateMeeting(id, input({ descriptionEn: 'More', endsAt: '2031-12-15T18:00', city: 'Lusail' }), coordinator),
    ).toEqual({ time: false, venue: true })
  })

  it('moves only along draft → published → completed, or to cancelled', () => {
    const id = createMeeting(input(), coordinator)
    expect(setMeetingState(id, 'completed', coordinator).ok).toBe(false)
    expect(setMeetingState(id, 'published', coordinator).ok).toBe(true)
    expect(setMeetingState(id, 'published', coordinator).ok).toBe(false)
    expect(setMeetingState(id, 'cancelled', coordinator).ok).toBe(true)
    expect(setMeetingState(id, 'published', coordinator).ok).toBe(false)
  })

  it('shows each viewer only what they may see, in lists and on the page', () => {
    const pub = createMeeting(
      input({ titleEn: 'Public one', startsAt: '2032-01-10T09:00', endsAt: '2032-01-10T12:00' }),
      coordinator,
    )
    const mem = createMeeting(
      input({
        titleEn: 'Members one',
        visibility: 'members',
        startsAt: '2032-01-11T09:00',
        endsAt: '2032-01-11T12:00',
      }),
      coordinator,
    )
    const inv = createMeeting(
      input({
        titleEn: 'Invited one',
        visibility: 'invitation',
        startsAt: '2032-01-12T09:00',
        endsAt: '2032-01-12T12:00',
      }),
      coordinator,
    )
    const draft = createMeeting(
      input({ titleEn: 'Draft one', startsAt: '2032-01-13T09:00', endsAt: '2032-01-13T12:00' }),
      coordinator,
    )
    for (const id of [pub, mem, inv]) setMeetingState(id, 'published', coordinator)
    getDb().insert(meetingInvitation).values({ meetingId: inv, parliamentId: qatar }).run()

    const titles = (viewer: MeetingViewer) =>
      listMeetings(viewer, { when: 'upcoming', kind: null, format: null, region: null, year: 2032 }, 1).rows.map(
        (r) => r.titleEn,
      )
    expect(titles(null)).toEqual(['Public one'])
    expect(titles(memberUk)).toEqual(['Public one', 'Members one'])
    expect(titles(memberQa)).toEqual(['Public one', 'Members one', 'Invited one'])
    expect(titles({ id: coordinator.id, role: 'coordinator', parliamentId: null })).toEqual([
      'Public one',
      'Members one',
      'Invited one',
      'Draft one',
    ])

    const invited = getMeeting(inv)!
    expect(canViewMeeting(invited, null, false)).toBe(false)
    expect(canViewMeeting(invited, memberUk, isInvitedOrRegistered(inv, memberUk))).toBe(false)
    expect(canViewMeeting(invited, memberQa, isInvitedOrRegistered(inv, memberQa))).toBe(true)
    expect(canViewMeeting(getMeeting(draft)!, memberQa, false)).toBe(false)

    // A member registered for it (say, invited by name and later uninvited) still sees it.
    getDb()
      .insert(meetingRegistration)
      .values({
        meetingId: inv,
        userId: memberUk!.id,
        state: 'confirmed',
        attendanceMode: 'online',
        requestedAt: new Date(),
      })
      .run()
    expect(isInvitedOrRegistered(inv, memberUk)).toBe(true)
    expect(titles(memberUk)).toContain('Invited one')
  })

  it('feeds the home page, the parliament page and the year filter', () => {
    const now = new Date('2031-01-01T00:00:00Z')
    expect(listNextMeetings(null, 3, now).map((m) => m.titleEn)).toContain('Public one')
    expect(listNextMeetings(null, 3, now).map((m) => m.titleEn)).not.toContain('Draft one')
    expect(countUpcomingPublicMeetings(now)).toBeGreaterThanOrEqual(1)
    expect(listParliamentMeetings(qatar, memberQa).map((m) => m.titleEn)).toEqual(['Invited one'])
    expect(listParliamentMeetings(qatar, null)).toEqual([])
    expect(listParliamentMeetings(uk, memberUk).map((m) => m.titleEn)).toEqual(['Invited one'])
    expect(listMeetingYears(null)).toEqual([2032, 2031])
  })
})
