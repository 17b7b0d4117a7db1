/** Whether the runtime knows this IANA time zone (works in the browser and on the server). */
export function isKnownTimeZone(zone: string) {
  if (!zone || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** "YYYY-MM-DDTHH:mm", the value of a datetime-local field, with a real date and time. */
export function isLocalDateTime(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return false
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return (
    y >= 1945 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60
  )
}
