// What the initiatives page posts: the intent told apart by one discriminated union, then one handler per intent
// (link a meeting, programme or resource to the partner; unlink one).
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import type { PartnersError } from '~/features/partners/errors'
import { initiativeTarget, linkInitiative, unlinkInitiative } from '~/features/partners/initiatives.server'
import { parseInitiativeReference } from '~/features/partners/schemas'
import { redirectWithFlash } from '~/utils/flash.server'
import { readId } from '~/utils/ids'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('link') }),
  z.object({ intent: z.literal('unlink') }),
])

type Intent = z.output<typeof IntentSchema>['intent']

type IntentContext = { partnerId: number; actor: { id: number }; formData: FormData; back: string }

/** A refused link: the message, and which of the page's forms to mark (a kind's select, or `reference`). */
const refuse = (error: PartnersError, form: string) => data({ error, form }, { status: 400 })

function link({ partnerId, actor, formData, back }: IntentContext) {
  // From a select (`id`) or typed (`reference`: a number, or a page's address that names its kind).
  const target = parseInitiativeReference(formData.get('kind'), formData.get('reference') || formData.get('id'))
  const form = String(formData.get('form') ?? '')
  if (!target) return refuse('required', form)
  const linked = linkInitiative(partnerId, initiativeTarget(target.kind, target.id), actor)
  if (!linked.ok) return refuse(linked.error, form)
  return redirectWithFlash(back, 'initiativeLinked')
}

function unlink({ partnerId, actor, formData, back }: IntentContext) {
  const initiativeId = readId(formData.get('initiativeId'))
  const removed = initiativeId === null ? null : unlinkInitiative(partnerId, initiativeId, actor)
  if (!removed) throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(back, 'initiativeUnlinked')
}

const handlers: Record<
  Intent,
  (ctx: IntentContext) => ReturnType<typeof refuse> | ReturnType<typeof redirectWithFlash>
> = { link, unlink }

/** Runs the posted intent for a coordinator on this partner's initiatives; an unknown intent is a 400. */
export function runInitiativeIntent(ctx: IntentContext) {
  const parsed = IntentSchema.safeParse({ intent: ctx.formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  return handlers[parsed.data.intent](ctx)
}
