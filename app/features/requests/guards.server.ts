import { canViewRequest } from './access.server'
import { getRequest } from './request.server'
import { requireUser } from '~/utils/auth.server'

/**
 * The request of a route's `id` parameter and the signed-in user who may see it. Visitors sign in first; a
 * request that does not exist and one of another parliament both answer 404 (a forged address learns nothing).
 */
export function requireVisibleRequest(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const id = Number(idParam)
  const found = /^\d{1,15}$/.test(idParam ?? '') ? getRequest(id) : undefined
  if (!found || !canViewRequest(found, user)) throw new Response('Not Found', { status: 404 })
  return { user, request: found }
}
