// What a resource's page posts: the intent told apart by one discriminated union, then one handler per intent
// (a coordinator returns it with a reason; its author or a coordinator deletes it, sends it or publishes it).
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import type { LibraryError } from '~/features/library/errors'
import { requireResourceEditor, requireTransition, type requireVisibleResource } from '~/features/library/guards.server'
import { deleteResource } from '~/features/library/resource.server'
import { ReturnSchema } from '~/features/library/schemas'
import { lacksFileAndLink, resourceLink, savedFlash, transitionResource } from '~/features/library/workflow.server'
import type { SessionUser } from '~/utils/session.server'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('return') }),
  z.object({ intent: z.literal('delete') }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('publish') }),
])

type IntentContext = {
  lang: Language
  user: SessionUser
  r: ReturnType<typeof requireVisibleResource>['resource']
  formData: FormData
}

function returnToAuthor({ lang, user, r, formData }: IntentContext) {
  const submission = parseWithZod(formData, { schema: ReturnSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  requireTransition(r, user, 'return')
  const { reason } = submission.value
  transitionResource({ resource: r, transition: 'return', actor: user, reason, link: resourceLink(lang, r.id) })
  return redirectWithFlash(`/${lang}/resources/${r.id}`, 'resourceReturned')
}

function remove({ lang, user, r }: IntentContext) {
  requireResourceEditor(r, user)
  deleteResource(r, user)
  return redirectWithFlash(`/${lang}/resources/mine`, 'resourceDeleted')
}

function move(transition: 'submit' | 'publish') {
  return ({ lang, user, r }: IntentContext) => {
    if (transition === 'submit' && lacksFileAndLink({ file: null, externalUrl: r.externalUrl }, r.files)) {
      return data({ result: null, error: 'fileOrLinkRequired' as LibraryError }, { status: 400 })
    }
    requireTransition(r, user, transition)
    transitionResource({ resource: r, transition, actor: user, link: resourceLink(lang, r.id) })
    return redirectWithFlash(`/${lang}/resources/${r.id}`, savedFlash(transition))
  }
}

const handlers = { return: returnToAuthor, delete: remove, submit: move('submit'), publish: move('publish') }

/** Runs the posted intent for the resource `r`; an unknown or missing intent is a 400. */
export function runResourceIntent(ctx: IntentContext) {
  const parsed = IntentSchema.safeParse({ intent: ctx.formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  return handlers[parsed.data.intent](ctx)
}
