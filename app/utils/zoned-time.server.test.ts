import { describe, expect, it } from 'vitest'
import { isTimeZone, localDate, localDays, utcToZonedInput, zonedToUtc } from './zoned-time.server'

describe('zoned time', () => {
  it('places a wall-clock time of Doha (UTC+3, no DST) on the right instant', () => {
    expect(zonedToUtc('2021-12-13T09:00', 'Asia/Qatar')?.toISOString()).toBe('2021-12-13T06:00:00.000Z')
  })

  it('follows a daylight-saving change (London, 31 March 2024)', () => {
    expect(zonedToUtc('2024-03-30T10:00', 'Europe/London')?.toISOString()).toBe('2024-03-30T10:00:00.000Z')
    expect(zonedToUtc('2024-04-01T10:00', 'Europe/London')?.toISOString()).toBe('2024-04-01T09:00:00.000Z')
  })

  it('refuses unknown zones and malformed times', () => {
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('Asia/Qatar')).toBe(true)
    expect(zonedToUtc('2021-12-13T09:00', 'Mars/Olympus')).toBeNull()
    expect(zonedToUtc('13/12/2021', 'Asia/Qatar')).toBeNull()
    expect(zonedToUtc('2021-02-30T09:00', 'Asia/Qatar')).toBeNull()
  })

  it('round-trips form values and lists local days', () => {
    const start = zonedToUtc('2021-12-13T09:00', 'Asia/Qatar')!
    const end = zonedToUtc('2021-12-15T17:00', 'Asia/Qatar')!
    expect(utcToZonedInput(start, 'Asia/Qatar')).toBe('2021-12-13T09:00')
    expect(localDate(new Date('2021-12-12T22:00:00Z'), 'Asia/Qatar')).toBe('2021-12-13')
    expect(localDays(start, end, 'Asia/Qatar')).toEqual(['2021-12-13', '2021-12-14', '2021-12-15'])
  })
})
