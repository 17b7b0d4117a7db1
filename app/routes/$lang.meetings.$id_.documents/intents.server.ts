// What the documents page posts: the intent told apart by one discriminated union, then one handler each (link a
// library resource with a role, or unlink one). Back to the page with the search it was on.
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import { linkDocument, unlinkDocument } from '~/features/meetings/documents.server'
import type { MeetingRow } from '~/features/meetings/meeting.server'
import { MeetingDocumentFormSchema } from '~/features/meetings/session-schemas'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import type { SessionUser } from '~/utils/session.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('link') }),
  z.object({ intent: z.literal('unlink') }),
])

type IntentContext = { user: SessionUser; meeting: MeetingRow; formData: FormData; back: string }

function link({ user, meeting, formData, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MeetingDocumentFormSchema })
  if (submission.status !== 'success') return data({ error: 'invalidChoice' as const }, { status: 400 })
  const linked = linkDocument(meeting.id, submission.value.resourceId, submission.value.role, user)
  if (!linked.ok) return data({ error: linked.error }, { status: 400 })
  return redirectWithFlash(back, 'documentLinked')
}

function unlink({ user, meeting, formData, back }: IntentContext) {
  const resourceId = readId(formData.get('resourceId'))
  if (resourceId === null || !unlinkDocument(meeting.id, resourceId, user))
    throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(back, 'documentUnlinked')
}

const handlers = { link, unlink }

/** Runs the posted intent for a coordinator (the route's guard); an unknown intent is a 400. */
export function runDocumentsIntent(lang: Language, user: SessionUser, meeting: MeetingRow, formData: FormData) {
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const q = String(formData.get('q') ?? '')
    .trim()
    .slice(0, 200)
  const back = `/${lang}/meetings/${meeting.id}/documents${q ? `?${new URLSearchParams({ q })}` : ''}`
  return handlers[parsed.data.intent]({ user, meeting, formData, back })
}
