// What the meeting page posts (a coordinator's moves): the intent told apart by one discriminated union, each
// naming the state the meeting moves to.
import { z } from '~/utils/zod'
import type { MeetingState } from '~/utils/vocabulary'
import { moveMeeting } from '~/features/meetings/meeting-changes.server'
import type { MeetingRow } from '~/features/meetings/meeting.server'
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { absoluteUrl } from '~/utils/links.server'
import type { SessionUser } from '~/utils/session.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('cancel') }),
  z.object({ intent: z.literal('complete') }),
])

type Intent = z.output<typeof IntentSchema>['intent']

const moves: Record<Intent, { to: MeetingState; flash: FlashKey }> = {
  publish: { to: 'published', flash: 'meetingPublished' },
  cancel: { to: 'cancelled', flash: 'meetingCancelled' },
  complete: { to: 'completed', flash: 'meetingCompleted' },
}

/** Moves the meeting for a coordinator (the route's guard): 400 for an unknown intent, 409 for a move not allowed. */
export function runMeetingIntent(lang: Language, user: SessionUser, meeting: MeetingRow, formData: FormData) {
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const { to, flash } = moves[parsed.data.intent]
  const moved = moveMeeting(meeting, to, user, { baseUrl: absoluteUrl('/') })
  if (!moved.ok) throw new Response('Conflict', { status: 409 })
  return redirectWithFlash(`/${lang}/meetings/${meeting.id}`, flash)
}
