/** A positive safe integer read from a URL segment or a form value, or null for anything else. */
export function readId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) return null
  const id = Number(value)
  return Number.isSafeInteger(id) ? id : null
}

/**
 * The id of a URL's `$id` segment. Anything but a positive safe integer is a page that does not exist, so this
 * throws the 404 response a loader or action would send (decision 011).
 */
export function parseId(value: string | undefined): number {
  const id = readId(value)
  if (id === null) throw new Response('Not Found', { status: 404 })
  return id
}
