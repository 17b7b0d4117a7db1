import { beforeAll, describe, expect, it } from 'vitest'
import { meeting, meetingRegistration, member, parliament, user, type MeetingState } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { participationByYear } from './participation-stats.server'

let parliamentId = 0
let seq = 0

function addMeeting(year: number, state: MeetingState = 'completed') {
  const startsAt = new Date(`${year}-06-01T08:00:00Z`)
  return getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'in_person',
      titleEn: `Meeting ${++seq}`,
      city: 'Doha',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 8 * 3600_000),
      year,
      state,
    })
    .returning({ id: meeting.id })
    .get().id
}

/** An account, with a member profile unless `profile` is null. */
function addPerson(profile: { gender: 'female' | 'male' | 'other' | null; birthYear: number | null } | null) {
  const db = getDb()
  const n = ++seq
  const u = db
    .insert(user)
    .values({ email: `p${n}@x.org`, name: `Person ${n}`, passwordHash: 'x', parliamentId })
    .returning()
    .get()
  if (profile)
    db.insert(member)
      .values({ parliamentId, userId: u.id, nameEn: `Person ${n}`, ...profile })
      .run()
  return u.id
}

function register(meetingId: number, userId: number, attended: boolean | null) {
  getDb()
    .insert(meetingRegistration)
    .values({ meetingId, userId, state: 'confirmed', attendanceMode: 'in_person', attended, requestedAt: new Date() })
    .run()
}

describe('participation by year', () => {
  it('is empty when no attendance is recorded', () => {
    expect(participationByYear()).toEqual([])
  })

  describe('with attendances in 2021 and 2023', () => {
    beforeAll(() => {
      parliamentId = getDb()
        .insert(parliament)
        .values({ kind: 'national', countryCode: 'QA', nameEn: 'Shura', region: 'middle_east_north_africa' })
        .returning()
        .get().id
      // 2021, two meetings: 6 attendances. Women 2 of 5 with a gender (one account without profile); birth
      // years of 5: ages 31, 44, 45, 50, 70 in 2021 → 2 young (under 45).
      const doha = addMeeting(2021)
      const online = addMeeting(2021, 'published')
      register(doha, addPerson({ gender: 'female', birthYear: 1990 }), true)
      register(doha, addPerson({ gender: 'female', birthYear: 1977 }), true)
      register(doha, addPerson({ gender: 'male', birthYear: 1976 }), true)
      register(doha, addPerson({ gender: 'male', birthYear: 1971 }), true)
      register(online, addPerson({ gender: 'other', birthYear: 1951 }), true)
      register(online, addPerson(null), true)
      // Not counted: registered but absent, attendance not recorded, a draft, a cancelled meeting.
      register(doha, addPerson({ gender: 'female', birthYear: 2000 }), false)
      register(doha, addPerson({ gender: 'female', birthYear: 2000 }), null)
      register(addMeeting(2021, 'draft'), addPerson({ gender: 'female', birthYear: 2000 }), true)
      register(addMeeting(2021, 'cancelled'), addPerson({ gender: 'female', birthYear: 2000 }), true)
      // 2023: 3 attendances, 1 woman of 2 with a gender; only 2 birth years: too few to show genders or ages.
      const later = addMeeting(2023)
      register(later, addPerson({ gender: 'female', birthYear: 1990 }), true)
      register(later, addPerson({ gender: 'male', birthYear: null }), true)
      register(later, addPerson({ gender: null, birthYear: 1960 }), true)
    })

    it('counts attendees, women and young ones per year, with those who did not say', () => {
      expect(participationByYear()).toEqual([
        {
          year: 2021,
          attendees: 6,
          withGender: 5,
          women: 2,
          womenShare: 0.4,
          genderNotStated: 1,
          withBirthYear: 5,
          young: 2,
          youngShare: 0.4,
          birthYearNotStated: 1,
        },
        {
          year: 2023,
          attendees: 3,
          withGender: 2,
          women: null,
          womenShare: null,
          genderNotStated: 1,
          withBirthYear: 2,
          young: null,
          youngShare: null,
          birthYearNotStated: 1,
        },
      ])
    })
  })
})
