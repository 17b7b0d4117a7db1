import { describe, expect, it } from 'vitest'
import { meeting, parliament } from '#db/schema/index'
import { getDatabasePath } from '~/utils/config.server'
import { countQueries, getDb, openDatabase } from '~/utils/db.server'
import { getSiteStats } from './stats.server'

const HOUR = 60 * 60 * 1000

function addParliament(nameEn: string) {
  getDb().insert(parliament).values({ kind: 'assembly', nameEn, region: 'asia' }).run()
}

function addPublicMeeting(startsAt: Date, endsAt: Date) {
  getDb()
    .insert(meeting)
    .values({
      kind: 'workshop',
      format: 'online',
      titleEn: 'Counted seminar',
      timeZone: 'Asia/Qatar',
      startsAt,
      endsAt,
      year: startsAt.getUTCFullYear(),
      visibility: 'public',
      state: 'published',
    })
    .run()
}

describe('the home page figures', () => {
  it('are counted once, then kept while nothing is written', () => {
    const first = getSiteStats()
    expect(countQueries(() => getSiteStats()).queries).toBe(0)
    expect(getSiteStats()).toEqual(first)
  })

  it('count again at the next request after a write by this process', () => {
    const before = getSiteStats().parliaments
    addParliament('Kept figures A')
    expect(getSiteStats().parliaments).toBe(before + 1)
  })

  it('count again after a write by another connection (a script, another process)', () => {
    const before = getSiteStats().parliaments
    const other = openDatabase(getDatabasePath())
    try {
      other.insert(parliament).values({ kind: 'assembly', nameEn: 'Kept figures B', region: 'asia' }).run()
    } finally {
      other.$client.close()
    }
    expect(getSiteStats().parliaments).toBe(before + 1)
  })

  it('drop a meeting from the upcoming ones once it has ended, with no write', () => {
    const end = new Date(Math.floor((Date.now() + 5 * HOUR) / 1000) * 1000)
    addPublicMeeting(new Date(end.getTime() - HOUR), end)
    const during = getSiteStats(new Date(end.getTime() - 1000))
    expect(getSiteStats(end).upcomingMeetings).toBe(during.upcomingMeetings)
    expect(getSiteStats(new Date(end.getTime() + 1000)).upcomingMeetings).toBe(during.upcomingMeetings - 1)
  })
})
