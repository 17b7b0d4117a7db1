import { canManageMeeting, canViewMeeting, isInvitedOrRegistered } from '~/models/meeting-access.server'
import { getMeeting } from '~/models/meeting.server'
import { requireUser } from './auth.server'

function findMeeting(idParam: string | undefined) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getMeeting(id) : null
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}

/** A signed-in member and a meeting they may see; visitors sign in first, others get a 404 (nothing leaks). */
export function requireVisibleMeeting(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const meeting = findMeeting(idParam)
  if (!canViewMeeting(meeting, user, isInvitedOrRegistered(meeting.id, user))) throw new Response('Not Found', { status: 404 })
  return { user, meeting }
}

/** A coordinator (or admin) and an existing meeting; members get a 403. */
export function requireManagedMeeting(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  if (!canManageMeeting(user)) throw new Response('Forbidden', { status: 403 })
  return { user, meeting: findMeeting(idParam) }
}
