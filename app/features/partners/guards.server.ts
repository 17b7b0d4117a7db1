import { getPartner } from './partner.server'

/** The partner of a route's `id` parameter, or 404 (unknown, malformed). */
export function requirePartner(idParam: string | undefined) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getPartner(id) : undefined
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}
