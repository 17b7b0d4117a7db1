import { parseId } from '~/utils/ids'
import { getPartner } from './partner.server'

/** The partner of a route's `id` parameter, or 404 (unknown, malformed). */
export function requirePartner(idParam: string | undefined) {
  const found = getPartner(parseId(idParam))
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}
