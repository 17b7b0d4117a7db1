// Who may change what in the network (decision 011): answers only; guards.server.ts turns them into 403/404.
import type { Role } from '~/utils/vocabulary'

type Viewer = { id: number; role: Role } | null | undefined

/** Coordinators edit any profile; a member edits the profile linked to their account. */
export function canEditMember(user: Viewer, target: { userId: number | null }) {
  if (!user) return false
  return user.role === 'coordinator' || user.role === 'admin' || target.userId === user.id
}

/**
 * Who may add or edit a parliament's mechanisms: coordinators and administrators, for any parliament;
 * anyone else only for the parliament their account belongs to.
 */
export function canEditMechanism(
  user: { role: Role; parliamentId: number | null } | null | undefined,
  target: { parliamentId: number },
) {
  if (!user) return false
  if (user.role === 'coordinator' || user.role === 'admin') return true
  return user.parliamentId != null && user.parliamentId === target.parliamentId
}

/** Who a change is recorded against in the audit log: a signed-in user, or null for a script. */
export type Actor = { id: number } | null
