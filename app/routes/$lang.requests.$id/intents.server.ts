// What a request's page posts: the intent told apart by one discriminated union, then one handler per intent
// (the requester's parliament: message, file, withdraw; the programme office: note, move, assign, output, unlink).
// Each handler parses its form, calls the one action of the feature, and answers.
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import {
  addRequestOutput,
  assignRequestTo,
  attachRequestFile,
  changeRequestState,
  removeRequestOutput,
  sendRequestMessage,
  withdrawRequestBy,
  writeRequestNote,
} from '~/features/requests/actions.server'
import {
  requireRequestOffice,
  requireRequestWithdrawer,
  type requireVisibleRequest,
} from '~/features/requests/guards.server'
import { AddFileSchema, AssignSchema, MessageSchema, MoveSchema, OutputSchema } from '~/features/requests/schemas'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import type { UploadFailure } from '~/utils/upload.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('message') }),
  z.object({ intent: z.literal('file') }),
  z.object({ intent: z.literal('withdraw') }),
  z.object({ intent: z.literal('note') }),
  z.object({ intent: z.literal('move') }),
  z.object({ intent: z.literal('assign') }),
  z.object({ intent: z.literal('output') }),
  z.object({ intent: z.literal('unlink') }),
])

export type Intent = z.output<typeof IntentSchema>['intent']

type Visible = ReturnType<typeof requireVisibleRequest>

type IntentContext = {
  lang: Language
  user: Visible['user']
  r: Visible['request']
  formData: FormData
  uploadErrors: Record<string, UploadFailure>
  back: string
}

const fail = (intentName: Intent, result: unknown) => data({ intent: intentName, result }, { status: 400 })

type Handler = (ctx: IntentContext) => ReturnType<typeof fail> | ReturnType<typeof redirectWithFlash>

function postMessage({ formData, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MessageSchema })
  if (submission.status !== 'success') return fail('message', submission.reply())
  const posted = sendRequestMessage(r, user, submission.value.body)
  if (!posted.ok) return fail('message', submission.reply({ formErrors: [posted.error] }))
  return redirectWithFlash(back, 'messagePosted')
}

function addFile({ formData, uploadErrors, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: AddFileSchema })
  const uploadError = uploadErrors.file
  if (submission.status !== 'success' || uploadError) {
    return fail('file', submission.reply(uploadError ? { fieldErrors: { file: [uploadError] } } : undefined))
  }
  const added = attachRequestFile(r, user, submission.value.file)
  if (!added.ok) {
    const errors =
      added.error === 'requestClosed' ? { formErrors: [added.error] } : { fieldErrors: { file: [added.error] } }
    return fail('file', submission.reply(errors))
  }
  return redirectWithFlash(back, 'fileAdded')
}

function withdraw({ r, user, back }: IntentContext) {
  requireRequestWithdrawer(r, user)
  const withdrawn = withdrawRequestBy(r, user)
  if (!withdrawn.ok) return fail('withdraw', withdrawn.error)
  return redirectWithFlash(back, 'requestWithdrawn')
}

function postNote({ formData, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MessageSchema })
  if (submission.status !== 'success') return fail('note', submission.reply())
  writeRequestNote(r, user, submission.value.body)
  return redirectWithFlash(back, 'notePosted')
}

function move({ formData, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MoveSchema })
  if (submission.status !== 'success') return fail('move', submission.reply())
  const moved = changeRequestState(r, user, submission.value.to, submission.value.reason)
  if (!moved.ok) return fail('move', submission.reply({ formErrors: [moved.error] }))
  return redirectWithFlash(back, 'requestUpdated')
}

function assign({ formData, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: AssignSchema })
  if (submission.status !== 'success') return fail('assign', submission.reply())
  const assigned = assignRequestTo(r, user, submission.value.assigneeId)
  if (!assigned.ok) return fail('assign', submission.reply({ fieldErrors: { assigneeId: [assigned.error] } }))
  return redirectWithFlash(back, 'requestAssigned')
}

function linkOutput({ formData, lang, r, user, back }: IntentContext) {
  const submission = parseWithZod(formData, { schema: OutputSchema })
  if (submission.status !== 'success') return fail('output', submission.reply())
  const linked = addRequestOutput(r, user, submission.value, lang)
  if (!linked.ok) return fail('output', submission.reply({ fieldErrors: { reference: [linked.error] } }))
  return redirectWithFlash(back, 'outputLinked')
}

function unlinkOutput({ formData, r, user, back }: IntentContext) {
  const outputId = readId(formData.get('outputId'))
  if (outputId === null || !removeRequestOutput(r, user, outputId).ok) throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(back, 'outputUnlinked')
}

/** Each intent's handler; `office` ones are the programme office's alone (withdraw checks who asks itself). */
const handlers: Record<Intent, { office: boolean; run: Handler }> = {
  message: { office: false, run: postMessage },
  file: { office: false, run: addFile },
  withdraw: { office: false, run: withdraw },
  note: { office: true, run: postNote },
  move: { office: true, run: move },
  assign: { office: true, run: assign },
  output: { office: true, run: linkOutput },
  unlink: { office: true, run: unlinkOutput },
}

/**
 * Runs the posted intent for the request `r` seen by `user`. A member's forged office intent is a 403; an unknown
 * or missing intent is a 400 (a 403 first for a member, whose forged post stops at the office's gate).
 */
export function runRequestIntent({
  lang,
  user,
  r,
  formData,
  uploadErrors,
}: Pick<IntentContext, 'lang' | 'user' | 'r' | 'formData' | 'uploadErrors'>) {
  const ctx: IntentContext = { lang, user, r, formData, uploadErrors, back: `/${lang}/requests/${r.id}` }
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  const handler = parsed.success ? handlers[parsed.data.intent] : undefined
  if (handler && !handler.office) return handler.run(ctx)

  // Everything below is the programme office's: a member's forged post stops here.
  requireRequestOffice(user)
  if (!handler) throw new Response('Bad Request', { status: 400 })
  return handler.run(ctx)
}
