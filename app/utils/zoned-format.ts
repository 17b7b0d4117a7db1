import type { Language } from './i18n'

// Formats instants in a given IANA zone with Intl (server and browser alike). Formatters are cached.
const formats = new Map<string, Intl.DateTimeFormat>()

type Style = 'date' | 'time' | 'dateTime' | 'weekday' | 'zoneName' | 'day' | 'monthYear'

const styleOptions: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  zoneName: { timeZoneName: 'shortOffset' },
  // The large date of a meeting card: "13" above "Dec 2021".
  day: { day: 'numeric' },
  monthYear: { month: 'short', year: 'numeric' },
}

function formatter(lang: Language, zone: string, style: Style) {
  const key = `${lang}:${zone}:${style}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...styleOptions[style], timeZone: zone })
    formats.set(key, f)
  }
  return f
}

/**
 * An instant in a zone: "13 Dec 2021", "09:00", "13 Dec 2021, 09:00", "Monday, 13 December 2021", "13" or
 * "Dec 2021".
 */
export function formatInZone(instant: Date | number, lang: Language, zone: string, style: Style = 'dateTime') {
  return formatter(lang, zone, style).format(instant)
}

/** "GMT+3": the zone's offset at that instant, for labels next to times. */
export function zoneOffsetLabel(instant: Date | number, zone: string) {
  const part = formatter('en', zone, 'zoneName')
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? zone
}

/** A start–end range in a zone: times only when both fall on the same local day. */
export function formatRangeInZone(start: Date | number, end: Date | number, lang: Language, zone: string) {
  const sameDay = formatInZone(start, 'en', zone, 'date') === formatInZone(end, 'en', zone, 'date')
  return sameDay
    ? `${formatInZone(start, lang, zone, 'dateTime')} – ${formatInZone(end, lang, zone, 'time')}`
    : `${formatInZone(start, lang, zone, 'dateTime')} – ${formatInZone(end, lang, zone, 'dateTime')}`
}
