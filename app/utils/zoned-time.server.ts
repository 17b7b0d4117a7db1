import { DateTime, IANAZone } from 'luxon'

// Wall-clock times typed in a meeting's own time zone, turned into instants (and back) with Luxon, which
// reads the zone rules of the runtime's ICU data. Server only: the browser formats instants with Intl.

/** Whether a string names an IANA time zone known to this runtime ("Asia/Qatar", "Europe/London", "UTC"). */
export function isTimeZone(zone: string) {
  return zone.length > 0 && zone.length <= 64 && IANAZone.isValidZone(zone)
}

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

/** Why a wall-clock time cannot be placed: not a time at all, or skipped by clocks going forward. */
export type LocalTimeProblem =
  { kind: 'invalid' } | { kind: 'gap'; date: string; time: string; from: string; to: string; zone: string }

/**
 * The instant of a local date and time ("2021-12-13T09:00") in `zone`, as RFC 5545 reads it (so the portal and
 * every calendar agree): a time that occurs twice when clocks go back is its FIRST occurrence; a time skipped when
 * clocks go forward does not exist and is refused as a 'gap' naming the skipped hour (02:00–03:00 in Berlin).
 */
export function placeLocalTime(
  local: string,
  zone: string,
): { ok: true; instant: Date } | ({ ok: false } & LocalTimeProblem) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local)
  if (!m || !isTimeZone(zone) || !DateTime.fromISO(local, { zone: 'UTC' }).isValid)
    return { ok: false, kind: 'invalid' }
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  const tz = IANAZone.create(zone)
  const offsetAt = (ms: number) => tz.offset(ms) * 60_000
  // Every instant that reads as this wall time: one per offset in force around it.
  const candidates = [...new Set([wall - DAY, wall, wall + DAY].map(offsetAt))]
    .map((offset) => wall - offset)
    .filter((at) => at + offsetAt(at) === wall)
  if (candidates.length) return { ok: true, instant: new Date(Math.min(...candidates)) }

  // Skipped: find the change (the first instant with the later offset) and name the wall times it jumps between.
  const before = offsetAt(wall - DAY)
  let lo = wall - DAY
  let hi = wall + DAY
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2)
    if (offsetAt(mid) === before) lo = mid
    else hi = mid
  }
  const change = hi
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16)
  return {
    ok: false,
    kind: 'gap',
    date: local.slice(0, 10),
    time: local.slice(11),
    from: hhmm(change + before),
    to: hhmm(change + offsetAt(change + HOUR)),
    zone,
  }
}

/**
 * The instant of a local date and time ("2021-12-13T09:00" or "2021-12-13") in `zone`; null when the text or the
 * zone is not valid, or the time was skipped by clocks going forward (placeLocalTime says which). A date alone is
 * the start of that day, even where the day begins at 01:00 (Cairo's spring change).
 */
export function zonedToUtc(local: string, zone: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(local)) {
    if (!isTimeZone(zone)) return null
    const day = DateTime.fromISO(local, { zone })
    return day.isValid ? day.startOf('day').toJSDate() : null
  }
  const placed = placeLocalTime(local, zone)
  return placed.ok ? placed.instant : null
}

/**
 * A local time's problem as a form message key with its values ("timeInGap?zone=…&from=…"), which
 * useErrorText turns into the page's language; null when the time can be placed.
 */
export function localTimeError(local: string, zone: string) {
  const placed = placeLocalTime(local, zone)
  if (placed.ok) return null
  if (placed.kind === 'invalid') return 'dateTimeInvalid'
  const { date, time, from, to } = placed
  return `timeInGap?${new URLSearchParams({ date, time, from, to, zone })}`
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
