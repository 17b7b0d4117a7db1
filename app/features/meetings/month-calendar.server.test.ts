import { describe, expect, it } from 'vitest'
import type { MeetingCardData } from './meeting-card'
import { buildMonthGrid, shiftMonth } from './month-calendar.server'

const doha: MeetingCardData = {
  id: 1,
  kind: 'coordination_meeting',
  format: 'hybrid',
  titleEn: 'Doha',
  titleAr: 'الدوحة',
  city: 'Doha',
  countryCode: 'QA',
  timeZone: 'Asia/Qatar',
  // 13 Dec 2021 09:00 to 15 Dec 2021 17:00 in Doha (UTC+3)
  startsAt: new Date('2021-12-13T06:00:00Z'),
  endsAt: new Date('2021-12-15T14:00:00Z'),
  visibility: 'public',
  state: 'completed',
}

describe('month calendar', () => {
  it('puts a meeting on each of its local days, weeks starting Monday in English', () => {
    const weeks = buildMonthGrid('2021-12', 'en', [doha], new Date('2021-12-14T10:00:00Z'))
    expect(weeks[0]![0]!.date).toBe('2021-11-29')
    const days = weeks.flat()
    expect(days.filter((d) => d.meetings.length).map((d) => d.date)).toEqual(['2021-12-13', '2021-12-14', '2021-12-15'])
    expect(days.find((d) => d.isToday)?.date).toBe('2021-12-14')
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })

  it('starts weeks on Saturday in Arabic', () => {
    const weeks = buildMonthGrid('2021-12', 'ar', [])
    expect(weeks[0]![0]!.date).toBe('2021-11-27')
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2021-12-31')
  })

  it('moves between months across years', () => {
    expect(shiftMonth('2021-12', 1)).toBe('2022-01')
    expect(shiftMonth('2022-01', -1)).toBe('2021-12')
  })
})
