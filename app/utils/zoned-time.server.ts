import { DateTime, IANAZone } from 'luxon'

// Wall-clock times typed in a meeting's own time zone, turned into instants (and back) with Luxon, which
// reads the zone rules of the runtime's ICU data. Server only: the browser formats instants with Intl.

/** Whether a string names an IANA time zone known to this runtime ("Asia/Qatar", "Europe/London", "UTC"). */
export function isTimeZone(zone: string) {
  return zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone)
}

/**
 * The instant of a local date and time ("2021-12-13T09:00" or "2021-12-13") in `zone`; null when the text
 * or the zone is not valid. A time skipped by a daylight-saving change moves forward, as calendars do.
 */
export function zonedToUtc(local: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(local) || !isTimeZone(zone)) return null
  const dt = DateTime.fromISO(local, { zone })
  return dt.isValid ? dt.toJSDate() : null
}

/** "YYYY-MM-DDTHH:mm" of an instant in `zone`: the value of a datetime-local field. */
export function utcToZonedInput(instant: Date, zone: string) {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-LL-dd'T'HH:mm")
}

/** "YYYY-MM-DD": the local date of an instant in `zone`. */
export function localDate(instant: Date, zone: string) {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!
}

/** The local dates ("YYYY-MM-DD") from the start's to the end's, in `zone`, both included. */
export function localDays(start: Date, end: Date, zone: string) {
  const days: string[] = []
  let day = DateTime.fromJSDate(start, { zone }).startOf('day')
  // An end at exactly midnight belongs to the day before (a meeting "until 24:00").
  const last = DateTime.fromJSDate(new Date(end.getTime() - 1), { zone }).startOf('day')
  while (day <= last && days.length < 366) {
    days.push(day.toISODate()!)
    day = day.plus({ days: 1 })
  }
  return days
}

/** The instants at which the local day `date` begins and ends in `zone`. */
export function localDayBounds(date: string, zone: string) {
  const start = DateTime.fromISO(date, { zone }).startOf('day')
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() }
}
