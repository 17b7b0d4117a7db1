import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import type { MeetingFormat, MeetingState } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'

// iCalendar (RFC 5545) for meetings, written by ical-generator: times in the meeting's own zone (TZID) with a
// VTIMEZONE for every zone used, so calendars show the right instants on both sides of a daylight-saving change.

/** The columns of a meeting the calendar needs. */
export type IcsMeeting = {
  id: number
  format: MeetingFormat
  state: MeetingState
  titleEn: string
  titleAr: string
  descriptionEn: string
  descriptionAr: string
  city: string
  countryCode: string | null
  address: string
  onlineUrl: string | null
  hosts: string
  timeZone: string
  startsAt: Date
  endsAt: Date
  createdAt: Date
  updatedAt: Date
}

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'

export type IcsEntry = {
  meeting: IcsMeeting
  /** Only for confirmed participants and coordinators: the online link goes into the event. */
  showOnlineLink: boolean
  /** The event's status; by default from the meeting's state. A cancelled meeting is always CANCELLED. */
  status?: IcsStatus
}

export type IcsOptions = {
  lang: Language
  /** The site's origin ("https://parlnet.example.org"): meeting pages' URLs and the UIDs' host. */
  baseUrl: string
  /** Name of a subscription feed (X-WR-CALNAME), and how often clients should refresh it. */
  name?: string
  description?: string
  refreshSeconds?: number
}

const zoneCache = new Map<string, string | null>()

/** The VTIMEZONE of a zone (null for UTC and zones the tz database of @touch4it/ical-timezones lacks). */
function vtimezone(zone: string) {
  if (!zoneCache.has(zone)) {
    let component: string | null = null
    try {
      component = getVtimezoneComponent(zone)
    } catch {
      component = null
    }
    zoneCache.set(zone, component)
  }
  return zoneCache.get(zone) ?? null
}

/** The venue in words, in `lang`: "address, city, country", "Online", or "…, and online" for a hybrid meeting. */
export function meetingVenueText(m: Pick<IcsMeeting, 'format' | 'address' | 'city' | 'countryCode'>, lang: Language) {
  const t = getFixedT(lang, 'calendar')
  const place = [m.address.trim(), m.city.trim(), m.countryCode ? countryName(m.countryCode, lang) : '']
    .filter(Boolean)
    .join(lang === 'ar' ? '، ' : ', ')
  if (m.format === 'online' || !place) return m.format === 'in_person' ? '' : t('venue.online')
  return m.format === 'hybrid' ? t('venue.hybrid', { venue: place }) : place
}

export function meetingPagePath(id: number, lang: Language) {
  return `/${lang}/meetings/${id}`
}

/** The default status of a meeting's event: drafts are tentative, cancelled meetings cancelled. */
function statusOf(state: MeetingState): IcsStatus {
  if (state === 'cancelled') return 'CANCELLED'
  if (state === 'draft') return 'TENTATIVE'
  return 'CONFIRMED'
}

const statuses: Record<IcsStatus, ICalEventStatus> = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
  CANCELLED: ICalEventStatus.CANCELLED,
}

/** RFC 5545 line folding (75 octets, continuation lines start with a space), for the lines we add ourselves. */
function foldLine(line: string) {
  const encoder = new TextEncoder()
  const out: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const n = encoder.encode(char).length
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current)
      current = ''
      size = 0
    }
    current += char
    size += n
  }
  out.push(current)
  return out.join('\r\n ')
}

/** A URI as the value of a property: no line breaks, and nothing that would end the property early. */
function uriValue(url: string) {
  return url.replace(/[\r\n]/g, '')
}

/**
 * One VCALENDAR (METHOD:PUBLISH) with an event per meeting. UIDs are stable (`meeting-<id>@<host>`), so a
 * re-imported or re-fetched file updates the event; SEQUENCE grows with every change of the meeting.
 */
export function meetingsToIcs(entries: IcsEntry[], options: IcsOptions) {
  const { lang, baseUrl } = options
  const t = getFixedT(lang, 'calendar')
  const host = new URL(baseUrl).hostname
  const calendar = ical({
    prodId: { company: 'ParlNet', product: 'Meetings', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (stamps stay in UTC); the generator writes a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: vtimezone },
    ...(options.name ? { name: options.name } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...(options.refreshSeconds ? { ttl: options.refreshSeconds } : {}),
  })
  const conferences = new Map<string, string>()
  for (const { meeting: m, showOnlineLink, status } of entries) {
    const uid = `meeting-${m.id}@${host}`
    const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
    const description = pickLanguage({ en: m.descriptionEn, ar: m.descriptionAr }, lang).text.trim()
    const url = new URL(meetingPagePath(m.id, lang), baseUrl).toString()
    const onlineUrl =
      showOnlineLink && m.onlineUrl && m.format !== 'in_person' && m.state !== 'cancelled'
        ? uriValue(m.onlineUrl)
        : null
    const hosts = m.hosts
      .split(/\r?\n/)
      .map((h) => h.trim())
      .filter(Boolean)
      .join(', ')
    const lines = [
      description,
      hosts ? t('ics.hosts', { hosts }) : '',
      onlineUrl ? t('ics.onlineLink', { url: onlineUrl }) : '',
      t('ics.meetingPage', { url }),
    ].filter(Boolean)
    const eventStatus = m.state === 'cancelled' ? 'CANCELLED' : (status ?? statusOf(m.state))
    // A zone without a VTIMEZONE would leave clients guessing: such events are written in UTC instead.
    const zone = vtimezone(m.timeZone) ? m.timeZone : null
    calendar.createEvent({
      id: uid,
      start: DateTime.fromJSDate(m.startsAt),
      end: DateTime.fromJSDate(m.endsAt),
      timezone: zone,
      summary: eventStatus === 'CANCELLED' ? t('ics.cancelledSummary', { title }) : title,
      description: lines.join('\n\n'),
      location: meetingVenueText(m, lang) || null,
      url,
      status: statuses[eventStatus],
      sequence: Math.max(0, Math.floor((m.updatedAt.getTime() - m.createdAt.getTime()) / 1000)),
      lastModified: m.updatedAt,
      created: m.createdAt,
    })
    if (onlineUrl) conferences.set(uid, onlineUrl)
  }
  let text = calendar.toString()
  // RFC 7986 CONFERENCE (ical-generator only writes X- properties): clients that know it offer a "Join" button.
  for (const [uid, onlineUrl] of conferences) {
    const line = foldLine(
      `CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=${paramText(t('ics.onlineLinkLabel'))}:${onlineUrl}`,
    )
    text = text.replace(`UID:${uid}\r\n`, `UID:${uid}\r\n${line}\r\n`)
  }
  return text
}

/** A parameter value: quoted, without the characters a quoted parameter may not hold. */
function paramText(value: string) {
  return `"${value.replace(/["\r\n]/g, '')}"`
}

/** The .ics of one meeting. */
export function meetingToIcs(meeting: IcsMeeting, options: IcsOptions & { showOnlineLink: boolean }) {
  return meetingsToIcs([{ meeting, showOnlineLink: options.showOnlineLink }], options)
}
