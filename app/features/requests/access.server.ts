import { eq, sql, type SQL } from 'drizzle-orm'
import { assistanceRequest } from '#db/schema/index'
import type { Role } from '#db/enums'
import { hasRole } from '~/utils/auth.server'

/** Who is looking: null for a visitor. */
export type RequestViewer = { id: number; role: Role; parliamentId: number | null } | null

/**
 * Who may see a request for technical assistance: coordinators (and admins), and the members whose account
 * belongs to the parliament it was made for. Nobody else — not a member of another parliament, not a visitor.
 */
export function canViewRequest(r: { parliamentId: number }, viewer: RequestViewer) {
  if (hasRole(viewer, 'coordinator')) return true
  return viewer !== null && viewer.parliamentId !== null && viewer.parliamentId === r.parliamentId
}

/** Whether the viewer handles requests (moves them, assigns them, reads and writes internal notes). */
export function canManageRequests(viewer: RequestViewer) {
  return hasRole(viewer, 'coordinator')
}

/** The SQL condition of every list of requests: what canViewRequest allows, in one WHERE clause. */
export function listedRequestsWhere(viewer: RequestViewer): SQL {
  if (hasRole(viewer, 'coordinator')) return sql`1 = 1`
  if (!viewer?.parliamentId) return sql`0 = 1`
  return eq(assistanceRequest.parliamentId, viewer.parliamentId)
}
