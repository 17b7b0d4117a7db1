import type { LoaderFunctionArgs } from '@remix-run/node'
import { isConfirmedParticipant } from '~/features/meetings/participants.server'
import {
  canManageMeeting,
  canViewMeeting,
  isInvitedOrRegistered,
  type MeetingViewer,
} from '~/features/meetings/access.server'
import { getMeeting } from '~/features/meetings/meeting.server'
import { getUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { siteBaseUrl } from '~/utils/links.server'
import { isLanguage } from '~/utils/i18n'
import { meetingToIcs } from '~/features/meetings/ics.server'

/**
 * GET /meetings/<id>/calendar.ics[?lang=ar|en]: the meeting as an iCalendar file, for whoever may see the meeting
 * (anyone else, drafts included, gets the same 404 as for a meeting that does not exist). The online link is in
 * it only for confirmed participants and coordinators.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const notFound = () => new Response('Not Found', { status: 404 })
  const id = parseId(params.id)
  const user = getUser(request)
  const viewer: MeetingViewer = user && { id: user.id, role: user.role, parliamentId: user.parliamentId }
  const m = getMeeting(id)
  if (!m || !canViewMeeting(m, viewer, isInvitedOrRegistered(id, viewer))) throw notFound()
  const url = new URL(request.url)
  const asked = url.searchParams.get('lang')
  const lang = isLanguage(asked) ? asked : (user?.locale ?? 'en')
  const showOnlineLink = Boolean(viewer && (canManageMeeting(viewer) || isConfirmedParticipant(id, viewer.id)))
  const ics = meetingToIcs(m, { lang, baseUrl: siteBaseUrl(), showOnlineLink })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="meeting-${id}.ics"`,
      // Personal for signed-in viewers (the online link); never kept by shared caches.
      'Cache-Control': 'private, no-store',
    },
  })
}
