import { describe, expect, it } from 'vitest'
import {
  isTimeZone,
  localDate,
  localDays,
  localTimeError,
  placeLocalTime,
  utcToZonedInput,
  zonedToUtc,
} from './zoned-time.server'

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

describe('daylight-saving changes', () => {
  it.each([
    ['2026-03-29T01:30', 'Europe/London', '01:00', '02:00'],
    ['2026-03-29T02:30', 'Europe/Berlin', '02:00', '03:00'],
    ['2026-03-08T02:30', 'America/New_York', '02:00', '03:00'],
    ['2026-04-24T00:30', 'Africa/Cairo', '00:00', '01:00'],
  ])('refuses %s in %s, naming the skipped hour', (local, zone, from, to) => {
    expect(placeLocalTime(local, zone)).toEqual({
      ok: false,
      kind: 'gap',
      date: local.slice(0, 10),
      time: local.slice(11),
      from,
      to,
      zone,
    })
    expect(zonedToUtc(local, zone)).toBeNull()
    expect(localTimeError(local, zone)).toBe(
      `timeInGap?date=${local.slice(0, 10)}&time=${local.slice(11, 13)}%3A${local.slice(14)}&from=${from.replace(':', '%3A')}&to=${to.replace(':', '%3A')}&zone=${zone.replace('/', '%2F')}`,
    )
  })

  it('accepts the minutes either side of a gap', () => {
    expect(zonedToUtc('2026-03-29T00:59', 'Europe/London')?.toISOString()).toBe('2026-03-29T00:59:00.000Z')
    expect(zonedToUtc('2026-03-29T02:00', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:00:00.000Z')
    expect(localTimeError('2026-03-29T02:00', 'Europe/London')).toBeNull()
  })

  it('reads a time that occurs twice as its first occurrence (RFC 5545)', () => {
    // London, 25 October 2026: 01:30 BST (00:30 UTC) comes before 01:30 GMT (01:30 UTC).
    expect(zonedToUtc('2026-10-25T01:30', 'Europe/London')?.toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(zonedToUtc('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('starts a day at its first instant, even when midnight is skipped (Cairo)', () => {
    expect(zonedToUtc('2026-04-24', 'Africa/Cairo')?.toISOString()).toBe('2026-04-23T22:00:00.000Z')
    expect(localTimeError('2026-02-30T10:00', 'Africa/Cairo')).toBe('dateTimeInvalid')
  })
})
