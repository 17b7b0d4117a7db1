import { describe, expect, it } from 'vitest'
import { addMeeting, parseEvents } from '../../../test/calendar-helper'
import { meetingsToIcs, meetingToIcs } from './ics.server'

const base = 'https://parlnet.example.org'

// The seed's coordination meeting: Doha, 13–15 December 2021, 09:00–17:00 local time (UTC+3, no DST).
const doha = () =>
  addMeeting({
    titleEn: 'First coordination meeting of parliamentary assemblies',
    titleAr: 'الاجتماع التنسيقي الأول للجمعيات البرلمانية',
    descriptionEn: 'Hosted with the Shura Council.',
    address: 'Sheraton Grand Doha',
    hosts: 'UN Office of Counter-Terrorism\nShura Council of Qatar',
    startsAt: new Date('2021-12-13T06:00:00Z'),
    endsAt: new Date('2021-12-15T14:00:00Z'),
  })

// Across the UK's change to summer time (Sunday 28 March 2027, 01:00 GMT → 02:00 BST).
const london = () =>
  addMeeting({
    titleEn: 'Workshop on oversight',
    titleAr: '',
    city: 'London',
    countryCode: 'GB',
    format: 'in_person',
    onlineUrl: null,
    timeZone: 'Europe/London',
    startsAt: new Date('2027-03-27T09:00:00Z'), // 09:00 GMT
    endsAt: new Date('2027-03-30T15:00:00Z'), // 16:00 BST
  })

describe('a meeting as iCalendar', () => {
  it('writes the Doha meeting in Asia/Qatar, with the right instants, URL, status and venue', () => {
    const m = doha()
    const ics = meetingToIcs(m, { lang: 'en', baseUrl: base, showOnlineLink: false })
    expect(ics).toContain('METHOD:PUBLISH')
    expect(ics).toContain('PRODID:-//ParlNet//Meetings//EN')
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Qatar')
    expect(ics).toContain('DTSTART;TZID=Asia/Qatar:20211213T090000')
    const [event] = parseEvents(ics).events
    expect(event).toMatchObject({
      uid: `meeting-${m.id}@parlnet.example.org`,
      summary: 'First coordination meeting of parliamentary assemblies',
      start: '2021-12-13T06:00:00.000Z',
      end: '2021-12-15T14:00:00.000Z',
      tzid: 'Asia/Qatar',
      url: `${base}/en/meetings/${m.id}`,
      status: 'CONFIRMED',
      location: 'Sheraton Grand Doha, Doha, Qatar, and online',
      conference: null,
    })
    expect(event!.description).toContain('Hosted with the Shura Council.')
    expect(event!.description).toContain('UN Office of Counter-Terrorism, Shura Council of Qatar')
    expect(ics).not.toContain('meet.example.org')
  })

  it('gives the instants right on both sides of a daylight-saving change (Europe/London)', () => {
    const m = london()
    const ics = meetingToIcs(m, { lang: 'en', baseUrl: base, showOnlineLink: true })
    expect(ics).toContain('DTSTART;TZID=Europe/London:20270327T090000')
    expect(ics).toContain('DTEND;TZID=Europe/London:20270330T160000')
    expect(ics).toMatch(/BEGIN:DAYLIGHT[\s\S]*TZOFFSETTO:\+0100/)
    const [event] = parseEvents(ics).events
    expect(event!.start).toBe('2027-03-27T09:00:00.000Z')
    expect(event!.end).toBe('2027-03-30T15:00:00.000Z')
    expect(event!.location).toBe('London, United Kingdom')
  })

  it('puts the online link in only when the caller allows it, as CONFERENCE and in the description', () => {
    const m = doha()
    const [shown] = parseEvents(meetingToIcs(m, { lang: 'en', baseUrl: base, showOnlineLink: true })).events
    expect(shown!.conference).toBe('https://meet.example.org/room-42')
    expect(shown!.description).toContain('Online link: https://meet.example.org/room-42')
    const hidden = meetingToIcs(m, { lang: 'en', baseUrl: base, showOnlineLink: false })
    expect(hidden).not.toContain('room-42')
  })

  it('writes Arabic when asked, falls back to the other language, and marks a cancelled meeting', () => {
    const m = london() // no Arabic title
    const cancelled = { ...m, state: 'cancelled' as const, updatedAt: new Date(m.createdAt.getTime() + 90_000) }
    const ics = meetingToIcs(cancelled, { lang: 'ar', baseUrl: base, showOnlineLink: false })
    const [event] = parseEvents(ics).events
    expect(event).toMatchObject({ status: 'CANCELLED', summary: 'أُلغي: Workshop on oversight', sequence: 90 })
    expect(event!.url).toBe(`${base}/ar/meetings/${m.id}`)
    expect(event!.location).toBe('London، المملكة المتحدة')
    expect(ics).toContain('PRODID:-//ParlNet//Meetings//AR')
  })

  it('holds a VTIMEZONE for each zone of a feed, statuses as given, and the feed name', () => {
    const a = doha()
    const b = london()
    const ics = meetingsToIcs(
      [
        { meeting: a, showOnlineLink: true, status: 'CONFIRMED' },
        { meeting: b, showOnlineLink: false, status: 'TENTATIVE' },
      ],
      { lang: 'en', baseUrl: base, name: 'ParlNet: my meetings', refreshSeconds: 3600 },
    )
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2)
    expect(ics).toContain('X-WR-CALNAME:ParlNet: my meetings')
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H')
    const { events } = parseEvents(ics)
    expect(events.map((e) => [e.tzid, e.status, e.start])).toEqual([
      ['Asia/Qatar', 'CONFIRMED', '2021-12-13T06:00:00.000Z'],
      ['Europe/London', 'TENTATIVE', '2027-03-27T09:00:00.000Z'],
    ])
  })

  it('writes a zone without VTIMEZONE data in UTC rather than leave clients guessing', () => {
    const m = addMeeting({
      timeZone: 'UTC',
      startsAt: new Date('2026-05-04T10:00:00Z'),
      endsAt: new Date('2026-05-04T12:00:00Z'),
    })
    const ics = meetingToIcs(m, { lang: 'en', baseUrl: base, showOnlineLink: false })
    expect(ics).toContain('DTSTART:20260504T100000Z')
    expect(parseEvents(ics).events[0]!.start).toBe('2026-05-04T10:00:00.000Z')
  })
})
