import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportParticipantsCsv } from '~/features/meetings/participants.server'
import { requireManagedMeeting } from '~/features/meetings/guards.server'

/** GET /meetings/{id}/participants.csv: the participants for coordinators (others: sign in, 403 or 404). */
export function loader({ params, request }: LoaderFunctionArgs) {
  const { meeting } = requireManagedMeeting(request, params.id)
  return new Response(exportParticipantsCsv(meeting.id), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="meeting-${meeting.id}-participants.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
