// What the participants page posts: the intent told apart by one discriminated union, then one handler each
// (message the participants, save attendance, approve, decline or cancel one registration).
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import { requireRegistrationChange } from '~/features/meetings/guards.server'
import type { MeetingRow } from '~/features/meetings/meeting.server'
import { messageParticipants, setAttendance } from '~/features/meetings/participants.server'
import { approveRegistration, cancelRegistration, declineRegistration } from '~/features/meetings/registration.server'
import { ParticipantMessageSchema } from '~/features/meetings/registration-schemas'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { absoluteUrl } from '~/utils/links.server'
import type { SessionUser } from '~/utils/session.server'

/** The member whose registration changes (a hidden field of the row's form). */
const userId = z.unknown().transform((value, ctx) => {
  const id = readId(value)
  if (id === null) ctx.addIssue({ code: 'custom', message: 'invalidChoice' })
  return id ?? z.NEVER
})

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('message') }),
  z.object({ intent: z.literal('attendance') }),
  z.object({ intent: z.literal('approve'), userId }),
  z.object({ intent: z.literal('decline'), userId }),
  z.object({ intent: z.literal('cancel'), userId }),
])

type Intent = z.output<typeof IntentSchema>
type IntentContext = { user: SessionUser; meeting: MeetingRow; formData: FormData; here: string; baseUrl: string }

function message({ user, meeting, formData, here, baseUrl }: IntentContext) {
  const submission = parseWithZod(formData, { schema: ParticipantMessageSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), refused: null }, { status: 400 })
  messageParticipants(meeting.id, submission.value, user, { baseUrl })
  return redirectWithFlash(here, 'participantsMessaged')
}

/** The attendance selects are named `attended-<userId>`: yes, no, or unknown. */
function attendance({ user, meeting, formData, here }: IntentContext) {
  const marks: { userId: number; attended: boolean | null }[] = []
  for (const [key, value] of formData) {
    const id = readId(/^attended-(\d+)$/.exec(key)?.[1])
    if (id === null || typeof value !== 'string') continue
    marks.push({ userId: id, attended: value === 'yes' ? true : value === 'no' ? false : null })
  }
  setAttendance(meeting.id, marks, user)
  return redirectWithFlash(here, 'attendanceSaved')
}

const changes = { approve: approveRegistration, decline: declineRegistration, cancel: cancelRegistration }

function changeRegistration(
  intent: Extract<Intent, { userId: number }>,
  { user, meeting, here, baseUrl }: IntentContext,
) {
  if (intent.intent === 'cancel') requireRegistrationChange(user, intent.userId)
  const done = changes[intent.intent](meeting.id, intent.userId, user, { baseUrl })
  if (!done.ok) return data({ result: undefined, refused: done.error }, { status: 400 })
  return redirectWithFlash(here, 'registrationUpdated')
}

/** Runs the posted intent for a coordinator (the route's guard); an unknown intent or a bad user id is a 400. */
export function runParticipantsIntent(lang: Language, user: SessionUser, meeting: MeetingRow, formData: FormData) {
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent'), userId: formData.get('userId') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const ctx = {
    user,
    meeting,
    formData,
    here: `/${lang}/meetings/${meeting.id}/participants`,
    baseUrl: absoluteUrl('/'),
  }
  const intent = parsed.data
  if (intent.intent === 'message') return message(ctx)
  if (intent.intent === 'attendance') return attendance(ctx)
  return changeRegistration(intent, ctx)
}
