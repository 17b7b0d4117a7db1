// Which resources the lists show (search, feeds, home, a meeting's or a partner's documents): the SQL twin of the
// library's canViewResource (app/features/library/access.server.ts re-exports it beside that rule; a unit test of
// the search checks the two agree). It lives here because the engine applies it to every page and facet count.
import { and, eq, type SQL } from 'drizzle-orm'
import { resource } from '#db/schema/index'
import type { Role } from '#db/enums'

/** Who is looking: null for a visitor. */
export type Viewer = { id: number; role: Role } | null

/** The SQL condition of the library's public lists: published, and public unless someone is signed in. */
export function listedResourcesWhere(viewer: Viewer): SQL {
  return listedResourcesWhereFor(listingShape(viewer))
}

/** The two kinds of viewer the lists tell apart: the key of a list query built once per kind (preparedQuery). */
export type ListingShape = 'visitor' | 'member'

export function listingShape(viewer: Viewer): ListingShape {
  return viewer ? 'member' : 'visitor'
}

/** listedResourcesWhere for a kind of viewer. */
export function listedResourcesWhereFor(shape: ListingShape): SQL {
  const published = eq(resource.state, 'published')
  return shape === 'member' ? published : and(published, eq(resource.visibility, 'public'))!
}
