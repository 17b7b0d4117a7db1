import { getProgramme } from './programme.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'

// How every programme route finds its programme: one place for the 404 rules.

/** The programme of a route's `id` parameter, retired or not, or 404. */
export function requireProgramme(idParam: string | undefined) {
  const found = getProgramme(parseId(idParam))
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}

/** The programme if this request may see it, with the viewer: a retired one is a 404 to all but coordinators. */
export function requireVisibleProgramme(request: Request, idParam: string | undefined) {
  const programme = requireProgramme(idParam)
  const viewer = getUser(request)
  if (!programme.isActive && !hasRole(viewer, 'coordinator')) throw new Response('Not Found', { status: 404 })
  return { programme, viewer }
}
