import type { ResourceState } from '#db/enums'
import { getUser, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canEditResource, canViewResource, type Viewer } from './access.server'
import { getResource } from './resource.server'
import { canTransition, type ResourceTransition } from './workflow.server'

// The route guards of the library: each throws the response a loader or action answers (decision 011).

/**
 * The resource of a route's `id` if this request may see it: unknown or not visible → 404; members-only and a
 * visitor → sign in first (and come back here).
 */
export function requireVisibleResource(request: Request, idParam: string | undefined) {
  const found = getResource(parseId(idParam))
  if (!found) throw new Response('Not Found', { status: 404 })
  const viewer = getUser(request)
  if (canViewResource(found, viewer)) return { resource: found, viewer }
  if (!viewer && found.state === 'published') requireUser(request)
  throw new Response('Not Found', { status: 404 })
}

/** 403 unless this user may edit (or delete) the resource. */
export function requireResourceEditor(r: { state: ResourceState; authorId: number | null }, user: Viewer) {
  if (!canEditResource(r, user)) throw new Response('Forbidden', { status: 403 })
}

/** The resource of a route's `id`, if this user may edit it: 404 when there is none, 403 when it is not theirs. */
export function requireEditableResource(idParam: string | undefined, user: NonNullable<Viewer>) {
  const found = getResource(parseId(idParam))
  if (!found) throw new Response('Not Found', { status: 404 })
  requireResourceEditor(found, user)
  return found
}

/** 403 unless this user may make this move of the workflow now (a forged "publish" from a member, say). */
export function requireTransition(
  r: { state: ResourceState; authorId: number | null },
  user: Viewer,
  transition: ResourceTransition,
) {
  if (!canTransition(r, user, transition)) throw new Response('Forbidden', { status: 403 })
}
