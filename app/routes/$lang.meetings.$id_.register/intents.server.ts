// What the register page posts: the intent told apart by one discriminated union, then one handler each (the
// member registers or changes their registration's details, or cancels it).
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import { requireRegistrationChange } from '~/features/meetings/guards.server'
import type { MeetingRow } from '~/features/meetings/meeting.server'
import { cancelRegistration, register } from '~/features/meetings/registration.server'
import { RegistrationFormSchema } from '~/features/meetings/registration-schemas'
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { absoluteUrl } from '~/utils/links.server'
import type { SessionUser } from '~/utils/session.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('register') }),
  z.object({ intent: z.literal('cancel') }),
])

type Intent = z.output<typeof IntentSchema>['intent']
type IntentContext = { user: SessionUser; meeting: MeetingRow; formData: FormData; here: string; baseUrl: string }

function registerMember({ user, meeting, formData, here, baseUrl }: IntentContext) {
  const submission = parseWithZod(formData, { schema: RegistrationFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), refused: null }, { status: 400 })
  const done = register(meeting.id, user, submission.value, { baseUrl })
  if (!done.ok) {
    return data(
      { result: submission.reply(), refused: done.error },
      { status: done.error === 'notInvited' ? 403 : 400 },
    )
  }
  const { updated, state } = done.value
  const flash: FlashKey = updated
    ? 'registrationUpdated'
    : state === 'pending'
      ? 'registrationPending'
      : state === 'waitlisted'
        ? 'waitlisted'
        : 'registered'
  return redirectWithFlash(here, flash)
}

function cancel({ user, meeting, here, baseUrl }: IntentContext) {
  requireRegistrationChange(user, user.id)
  const done = cancelRegistration(meeting.id, user.id, user, { baseUrl })
  if (!done.ok) return data({ result: undefined, refused: done.error }, { status: 400 })
  return redirectWithFlash(here, 'registrationCancelled')
}

const handlers = { register: registerMember, cancel } satisfies Record<Intent, (ctx: IntentContext) => unknown>

/** Runs the posted intent for the signed-in member; a form without one registers (its button names it). */
export function runRegisterIntent(lang: Language, user: SessionUser, meeting: MeetingRow, formData: FormData) {
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') ?? 'register' })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const here = `/${lang}/meetings/${meeting.id}/register`
  const ctx = { user, meeting, formData, here, baseUrl: absoluteUrl('/') }
  return handlers[parsed.data.intent](ctx)
}
