import { and, eq, notInArray, sql } from 'drizzle-orm'
import { meeting, meetingRegistration, member } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { MIN_GROUP } from '~/utils/privacy'

/** The IPU's definition of a young parliamentarian: under 45 (here: the meeting's year minus the birth year). */
export const YOUNG_AGE_LIMIT = 45

/** One year of meetings: who attended, and how many of them are women and young parliamentarians. */
export type YearParticipation = {
  year: number
  /** Attendances recorded (one per person and meeting: someone at two meetings of a year counts twice). */
  attendees: number
  /** Attendees whose profile states a gender. */
  withGender: number
  /** Women among them; null below MIN_GROUP known genders (a small group would tell who is a woman). */
  women: number | null
  /** women / withGender, null when `women` is. */
  womenShare: number | null
  /** Attendees with no stated gender (no member profile, or no gender on it). */
  genderNotStated: number
  /** Attendees whose profile has a birth year. */
  withBirthYear: number
  /** Under YOUNG_AGE_LIMIT in the meeting's year; null below MIN_GROUP known birth years (it would tell ages). */
  young: number | null
  /** young / withBirthYear, null when `young` is. */
  youngShare: number | null
  birthYearNotStated: number
}

/**
 * Attendance at the network's meetings (not drafts, not cancelled) by the meeting's year, oldest first: one
 * grouped query. An attendee's gender and birth year come from the member profile of their account.
 */
export function participationByYear(): YearParticipation[] {
  const rows = getDb()
    .select({
      year: meeting.year,
      attendees: sql<number>`count(*)`,
      withGender: sql<number>`coalesce(sum(${member.gender} IS NOT NULL), 0)`,
      women: sql<number>`coalesce(sum(${member.gender} = 'female'), 0)`,
      withBirthYear: sql<number>`coalesce(sum(${member.birthYear} IS NOT NULL), 0)`,
      young: sql<number>`coalesce(sum(${meeting.year} - ${member.birthYear} < ${YOUNG_AGE_LIMIT}), 0)`,
    })
    .from(meetingRegistration)
    .innerJoin(meeting, eq(meeting.id, meetingRegistration.meetingId))
    .leftJoin(member, eq(member.userId, meetingRegistration.userId))
    .where(and(eq(meetingRegistration.attended, true), notInArray(meeting.state, ['draft', 'cancelled'])))
    .groupBy(meeting.year)
    .orderBy(meeting.year)
    .all()
  return rows.map((r) => {
    const enoughAges = r.withBirthYear >= MIN_GROUP
    const enoughGenders = r.withGender >= MIN_GROUP
    return {
      year: r.year,
      attendees: r.attendees,
      withGender: r.withGender,
      women: enoughGenders ? r.women : null,
      womenShare: enoughGenders ? r.women / r.withGender : null,
      genderNotStated: r.attendees - r.withGender,
      withBirthYear: r.withBirthYear,
      young: enoughAges ? r.young : null,
      youngShare: enoughAges ? r.young / r.withBirthYear : null,
      birthYearNotStated: r.attendees - r.withBirthYear,
    }
  })
}
