// The route guards of the groups pages (decision 011): each throws the response a loader or action answers. Every
// group page needs a signed-in person (a visitor is sent to sign in); an unknown or archived group answers 404; one
// the viewer sees but may not run answers 403.
import { requireRole, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canCreateGroups, canRunGroup, canSeeGroup, getGroup, membershipOf } from './access.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The group of a route's `id`, with the signed-in viewer and their membership. */
export function requireVisibleGroup(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const group = getGroup(parseId(idParam))
  if (!group || group.archivedAt || !canSeeGroup(group, user)) throw notFound()
  return { user, group, membership: membershipOf(group.id, user.id) }
}

/** Coordinators and the group's facilitator(s): its members page and its settings' decisions. */
export function requireGroupRunner(request: Request, idParam: string | undefined) {
  const seen = requireVisibleGroup(request, idParam)
  if (!canRunGroup(seen.user, seen.membership)) throw forbidden()
  return seen
}

/** Coordinators create groups and edit them (a member gets 403). */
export function requireGroupCreator(request: Request) {
  return requireRole(request, 'coordinator')
}

/** Editing a group's name, purpose and access: coordinators only. */
export function requireGroupEditor(request: Request, idParam: string | undefined) {
  const seen = requireVisibleGroup(request, idParam)
  if (!canCreateGroups(seen.user)) throw forbidden()
  return seen
}
