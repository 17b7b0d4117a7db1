import type { ResourceState, Visibility } from '#db/enums'
import { hasRole } from '~/utils/auth.server'

import type { Viewer } from '~/features/search'

// The SQL twin of canViewResource for lists: declared by the search engine, which applies it to every page and
// facet count (the engine sits below the library and imports nothing of it); re-exported here with the other rules.
export { listedResourcesWhere, listedResourcesWhereFor, listingShape, type Viewer } from '~/features/search'

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

/** Resources the author can still edit: everything but a published one (which only coordinators edit). */
export function canEditResource(r: { state: ResourceState; authorId: number | null }, viewer: Viewer) {
  if (hasRole(viewer, 'coordinator')) return true
  return Boolean(viewer && r.authorId === viewer.id && r.state !== 'published')
}
