import { canViewMeeting, isInvitedOrRegistered } from '~/models/meeting-access.server'
import { getUser, requireUser } from './auth.server'
import { requireMeeting } from './meeting-form.server'

/**
 * The meeting of `idParam` if this request may see it, with the viewer. Unknown, a draft (for non-coordinators)
 * or not visible to a signed-in member → 404; members-only or by invitation and a visitor → sign in first.
 */
export function requireVisibleMeeting(request: Request, idParam: string | undefined) {
  const meeting = requireMeeting(idParam)
  const viewer = getUser(request)
  const invitedOrRegistered = isInvitedOrRegistered(meeting.id, viewer)
  if (canViewMeeting(meeting, viewer, invitedOrRegistered)) return { meeting, viewer, invitedOrRegistered }
  if (!viewer && meeting.state !== 'draft') requireUser(request)
  throw new Response('Not Found', { status: 404 })
}
