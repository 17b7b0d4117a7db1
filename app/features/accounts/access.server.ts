import type { Role } from '#db/schema/index'
import { requireRole } from '~/utils/auth.server'

/** Coordinators invite members; only admins may invite coordinators and admins. */
export function invitableRoles(inviterRole: Role): Role[] {
  return inviterRole === 'admin' ? ['member', 'coordinator', 'admin'] : ['member']
}

/** Who may open the invitation form and send one: a coordinator or an admin; others get the 403 page. */
export function requireInviter(request: Request) {
  return requireRole(request, 'coordinator')
}
