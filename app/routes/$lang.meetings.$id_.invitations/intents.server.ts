// What the invitations page posts: the intent told apart by one discriminated union, then one handler each
// (invite the chosen parliaments, invite the chosen member accounts, withdraw one invitation).
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import { inviteToMeeting, uninvite } from '~/features/meetings/invitations.server'
import type { MeetingRow } from '~/features/meetings/meeting.server'
import { InviteFormSchema } from '~/features/meetings/registration-schemas'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { absoluteUrl } from '~/utils/links.server'
import type { SessionUser } from '~/utils/session.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('parliaments') }),
  z.object({ intent: z.literal('users') }),
  z.object({ intent: z.literal('uninvite') }),
])

type IntentContext = { user: SessionUser; meeting: MeetingRow; formData: FormData; here: string }

/** The parliaments or the accounts ticked in one of the two lists. */
function invite(intent: 'parliaments' | 'users', { user, meeting, formData, here }: IntentContext) {
  const submission = parseWithZod(formData, { schema: InviteFormSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const ids = submission.value.ids
  if (!ids.length) return data({ error: 'nothingChosen' as const, intent }, { status: 400 })
  const targets = intent === 'parliaments' ? { parliamentIds: ids, userIds: [] } : { parliamentIds: [], userIds: ids }
  const result = inviteToMeeting(meeting.id, targets, user, { baseUrl: absoluteUrl('/') })
  // The meeting exists (the route found it): a refusal says it is closed to invitations.
  if (!result.ok) return data({ error: 'closed' as const, intent }, { status: 400 })
  return redirectWithFlash(here, 'invitationsSent')
}

function withdraw({ user, meeting, formData, here }: IntentContext) {
  const id = readId(formData.get('invitationId'))
  if (id === null || !uninvite(meeting.id, id, user)) throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(here, 'invitationRemoved')
}

/** Runs the posted intent for a coordinator (the route's guard); an unknown intent is a 400. */
export function runInvitationsIntent(lang: Language, user: SessionUser, meeting: MeetingRow, formData: FormData) {
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const ctx = { user, meeting, formData, here: `/${lang}/meetings/${meeting.id}/invitations` }
  const { intent } = parsed.data
  return intent === 'uninvite' ? withdraw(ctx) : invite(intent, ctx)
}
