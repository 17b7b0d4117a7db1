import { and, eq, type SQL } from 'drizzle-orm'
import { resource } from '#db/schema/index'
import type { ResourceState, Role, Visibility } from '#db/enums'
import { hasRole } from '~/utils/auth.server'

/** Who is looking: null for a visitor. */
export type Viewer = { id: number; role: Role } | null

/**
 * Who may see a resource (its page and its files):
 * - published + public: everyone;
 * - published + members only: anyone signed in;
 * - any other state (draft, submitted, returned): its author and coordinators (and admins) only.
 */
export function canViewResource(
  r: { state: ResourceState; visibility: Visibility; authorId: number | null },
  viewer: Viewer,
) {
  if (hasRole(viewer, 'coordinator')) return true
  if (viewer && r.authorId === viewer.id) return true
  if (r.state !== 'published') return false
  return r.visibility === 'public' || viewer !== null
}

/** The SQL condition of the library's public lists (search, feeds, home): published and visible to the viewer. */
export function listedResourcesWhere(viewer: Viewer): SQL {
  const published = eq(resource.state, 'published')
  return viewer ? published : and(published, eq(resource.visibility, 'public'))!
}

/** Resources the author can still edit: everything but a published one (which only coordinators edit). */
export function canEditResource(r: { state: ResourceState; authorId: number | null }, viewer: Viewer) {
  if (hasRole(viewer, 'coordinator')) return true
  return Boolean(viewer && r.authorId === viewer.id && r.state !== 'published')
}
