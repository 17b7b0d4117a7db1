import { canChangeRegistration, canManageMeeting, canViewMeeting, isInvitedOrRegistered } from './access.server'
import { getMeeting } from './meeting.server'
import type { Role } from '#db/enums'
import { getUser, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'

// How every meeting route finds its meeting and checks who asks: one place for the 404/403/sign-in rules.

const forbidden = () => new Response('Forbidden', { status: 403 })

/** The meeting of a route's `id` parameter, or 404. */
export function requireMeeting(idParam: string | undefined) {
  const found = getMeeting(parseId(idParam))
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}

/**
 * The meeting if this request may see it, with the viewer. Unknown, a draft (for non-coordinators) or not
 * visible to a signed-in member → 404; members-only or by invitation and a visitor → sign in first.
 */
export function requireVisibleMeeting(request: Request, idParam: string | undefined) {
  const meeting = requireMeeting(idParam)
  const viewer = getUser(request)
  // Only a meeting by invitation depends on it: one query fewer for every other meeting.
  const invitedOrRegistered = meeting.visibility === 'invitation' && isInvitedOrRegistered(meeting.id, viewer)
  if (canViewMeeting(meeting, viewer, invitedOrRegistered)) return { meeting, viewer }
  if (!viewer && meeting.state !== 'draft') requireUser(request)
  throw new Response('Not Found', { status: 404 })
}

/** A signed-in member and a meeting they may see (visitors sign in first, whatever the meeting). */
export function requireMemberMeeting(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const { meeting } = requireVisibleMeeting(request, idParam)
  return { user, meeting }
}

/** A coordinator (or admin): creating meetings and everything requireManagedMeeting allows; members get a 403. */
export function requireMeetingManager(request: Request) {
  const user = requireUser(request)
  if (!canManageMeeting(user)) throw forbidden()
  return user
}

/** A coordinator (or admin) and an existing meeting; members get a 403, visitors sign in. */
export function requireManagedMeeting(request: Request, idParam: string | undefined) {
  const user = requireMeetingManager(request)
  return { user, meeting: requireMeeting(idParam) }
}

/** A signed-in coordinator and a meeting they may see (the meeting page's own actions); members get a 403. */
export function requireVisibleManagedMeeting(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const { meeting } = requireVisibleMeeting(request, idParam)
  if (!canManageMeeting(user)) throw forbidden()
  return { user, meeting }
}

/** A change to `userId`'s registration by `actor`: their own, or anyone's for a coordinator; else 403. */
export function requireRegistrationChange(actor: { id: number; role: Role }, userId: number) {
  if (!canChangeRegistration(actor, userId)) throw forbidden()
}
