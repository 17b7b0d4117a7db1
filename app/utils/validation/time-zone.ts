/**
 * The IANA name of a time zone as the runtime spells it ("asia/qatar" → "Asia/Qatar", "utc" → "UTC"), or null
 * when the runtime does not know it. Works in the browser and on the server.
 */
export function canonicalTimeZone(zone: string) {
  if (!zone || zone.length > 64) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** Whether the runtime knows this IANA time zone. */
export function isKnownTimeZone(zone: string) {
  return canonicalTimeZone(zone) !== null
}

/** "YYYY-MM-DDTHH:mm", the value of a datetime-local field, with a real date and time. */
export function isLocalDateTime(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return false
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return y >= 1945 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60
}
