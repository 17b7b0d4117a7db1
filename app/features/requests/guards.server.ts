import type { SessionUser } from '~/utils/session.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canManageRequests, canViewRequest } from './access.server'
import { getRequest } from './request.server'

// The route guards of requests: each throws the response a loader or action answers (decision 011).

/**
 * The request of a route's `id` parameter and the signed-in user who may see it. Visitors sign in first; a
 * request that does not exist and one of another parliament both answer 404 (a forged address learns nothing).
 */
export function requireVisibleRequest(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const found = getRequest(parseId(idParam))
  if (!found || !canViewRequest(found, user)) throw new Response('Not Found', { status: 404 })
  return { user, request: found }
}

/** 403 unless the user is of the programme office (moves, assigns, notes and outputs are theirs alone). */
export function requireRequestOffice(user: SessionUser) {
  if (!canManageRequests(user)) throw new Response('Forbidden', { status: 403 })
}

/** 403 unless the user is a member of the request's parliament: they withdraw; the programme office declines. */
export function requireRequestWithdrawer(r: { parliamentId: number }, user: SessionUser) {
  if (canManageRequests(user) || user.parliamentId !== r.parliamentId) throw new Response('Forbidden', { status: 403 })
}

/** The programme office's user for a file (an export): anyone else, a visitor too, gets a bare 403, not a sign-in. */
export function requireRequestOfficeForFile(request: Request) {
  const user = getUser(request)
  if (!user || !canManageRequests(user)) throw new Response('Forbidden', { status: 403 })
  return user
}
