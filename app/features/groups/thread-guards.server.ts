// The route guards of threads (issue 17): each throws the response a loader or action answers (decision 011). A
// closed group's thread is a 404 for anyone outside it (a forged address learns nothing); 403 for a reader who may
// not write.
import { requireRole, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canPost, canReadThreads, canRunGroup, getGroup, membershipOf } from './access.server'
import { getThread } from './thread.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The group of a route's `id`, for someone who may read its threads. */
export function requireThreadsOf(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const group = getGroup(parseId(idParam))
  if (!group || group.archivedAt) throw notFound()
  const membership = membershipOf(group.id, user.id)
  if (!canReadThreads(group, user, membership)) throw notFound()
  return {
    user,
    group,
    membership,
    mayPost: canPost(user, membership),
    mayRun: canRunGroup(user, membership),
  }
}

/** As requireThreadsOf, for someone who may also write in it. */
export function requireThreadWriter(request: Request, idParam: string | undefined) {
  const seen = requireThreadsOf(request, idParam)
  if (!seen.mayPost) throw forbidden()
  return seen
}

/** The thread of a route's `threadId` in the group of its `id`. */
export function requireThread(request: Request, idParam: string | undefined, threadIdParam: string | undefined) {
  const seen = requireThreadsOf(request, idParam)
  const thread = getThread(parseId(threadIdParam))
  if (!thread || thread.groupId !== seen.group.id) throw notFound()
  return { ...seen, thread }
}

export const requireModerator = (request: Request) => requireRole(request, 'coordinator')
