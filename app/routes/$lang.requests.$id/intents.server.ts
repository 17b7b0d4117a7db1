// What a request's page posts: the intent told apart by one discriminated union, then one handler per intent
// (the requester's parliament: message, file, withdraw; the programme office: note, move, assign, output, unlink).
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { canManageRequests } from '~/features/requests/access.server'
import { requireVisibleRequest } from '~/features/requests/guards.server'
import { notifyAssignee, notifyCoordinators, notifyRequester } from '~/features/requests/mail.server'
import {
  addRequestFiles,
  assignRequest,
  listAssignableUsers,
  moveRequest,
  UploadGoneError,
  withdrawRequest,
} from '~/features/requests/request.server'
import { AddFileSchema, AssignSchema, MessageSchema, MoveSchema, OutputSchema } from '~/features/requests/schemas'
import { isClosedState } from '~/features/requests/states'
import {
  linkRequestOutput,
  listRequestOutputs,
  postRequestMessage,
  postRequestNote,
  unlinkRequestOutput,
} from '~/features/requests/thread.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { atomically, type Tx } from '~/utils/transaction.server'
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
  manage: boolean
  back: string
  audit: (tx: Tx, action: string, details?: Record<string, unknown>) => void
}

const fail = (intentName: Intent, result: unknown) => data({ intent: intentName, result }, { status: 400 })

type Handler = (ctx: IntentContext) => ReturnType<typeof fail> | ReturnType<typeof redirectWithFlash>

const forbidden = () => new Response('Forbidden', { status: 403 })

function postMessage({ formData, r, user, manage, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MessageSchema })
  if (submission.status !== 'success') return fail('message', submission.reply())
  const { body } = submission.value
  const posted = atomically((tx) => {
    const result = postRequestMessage(r.id, user.id, body)
    if (!result.ok) return result
    audit(tx, 'request.message')
    if (manage) notifyRequester(tx, r, r.requester, { kind: 'message', from: user.name, body })
    else {
      notifyCoordinators(tx, r, { kind: 'reply', from: user.name, body }, r.assignee)
      // A colleague of the same parliament wrote: the requester hears of it too.
      if (r.requesterId !== user.id) notifyRequester(tx, r, r.requester, { kind: 'message', from: user.name, body })
    }
    return result
  })
  if (!posted.ok) return fail('message', submission.reply({ formErrors: [posted.error] }))
  return redirectWithFlash(back, 'messagePosted')
}

function addFile({ formData, uploadErrors, r, user, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: AddFileSchema })
  const uploadError = uploadErrors.file
  if (submission.status !== 'success' || uploadError) {
    return fail('file', submission.reply(uploadError ? { fieldErrors: { file: [uploadError] } } : undefined))
  }
  if (isClosedState(r.state)) return fail('file', submission.reply({ formErrors: ['requestClosed'] }))
  try {
    atomically((tx) => {
      addRequestFiles(r.id, [submission.value.file], user.id)
      audit(tx, 'request.file_add')
    })
  } catch (error) {
    if (!(error instanceof UploadGoneError)) throw error
    return fail('file', submission.reply({ fieldErrors: { file: ['uploadGone'] } }))
  }
  return redirectWithFlash(back, 'fileAdded')
}

function withdraw({ r, user, manage, back, audit }: IntentContext) {
  // The parliament's own members withdraw; the programme office declines instead.
  if (manage || user.parliamentId !== r.parliamentId) throw forbidden()
  const withdrawn = atomically((tx) => {
    const result = withdrawRequest(r.id, user.id)
    if (!result.ok) return result
    audit(tx, 'request.withdraw', { from: result.from })
    notifyCoordinators(tx, r, { kind: 'withdrawn', from: user.name }, r.assignee)
    if (r.requesterId !== user.id)
      notifyRequester(tx, r, r.requester, { kind: 'state', state: 'withdrawn', reason: null })
    return result
  })
  if (!withdrawn.ok) return fail('withdraw', withdrawn.error)
  return redirectWithFlash(back, 'requestWithdrawn')
}

function postNote({ formData, r, user, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MessageSchema })
  if (submission.status !== 'success') return fail('note', submission.reply())
  atomically((tx) => {
    postRequestNote(r.id, user.id, submission.value.body)
    audit(tx, 'request.note')
  })
  return redirectWithFlash(back, 'notePosted')
}

function move({ formData, r, user, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: MoveSchema })
  if (submission.status !== 'success') return fail('move', submission.reply())
  const { to, reason } = submission.value
  const moved = atomically((tx) => {
    const result = moveRequest(r.id, to, user.id, reason)
    if (!result.ok) return result
    audit(tx, 'request.move', { from: result.from, to })
    notifyRequester(tx, r, r.requester, { kind: 'state', state: to, reason })
    return result
  })
  if (!moved.ok) return fail('move', submission.reply({ formErrors: [moved.error] }))
  return redirectWithFlash(back, 'requestUpdated')
}

function assign({ formData, r, user, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: AssignSchema })
  if (submission.status !== 'success') return fail('assign', submission.reply())
  const { assigneeId } = submission.value
  const assigned = atomically((tx) => {
    if (!assignRequest(r.id, assigneeId)) return false
    audit(tx, 'request.assign', { assigneeId })
    if (assigneeId !== null && assigneeId !== r.assigneeId) {
      const assignee = listAssignableUsers().find((u) => u.id === assigneeId)!
      notifyRequester(tx, r, r.requester, { kind: 'assigned', name: assignee.name })
      if (assignee.id !== user.id) notifyAssignee(tx, r, assignee, user.name)
    }
    return true
  })
  if (!assigned) return fail('assign', submission.reply({ fieldErrors: { assigneeId: ['invalidChoice'] } }))
  return redirectWithFlash(back, 'requestAssigned')
}

function linkOutput({ formData, lang, r, back, audit }: IntentContext) {
  const submission = parseWithZod(formData, { schema: OutputSchema })
  if (submission.status !== 'success') return fail('output', submission.reply())
  const linked = atomically((tx) => {
    const result = linkRequestOutput(r.id, submission.value)
    if (!result.ok) return result
    audit(tx, 'request.output_link', { [submission.value.kind]: submission.value.id })
    const output = listRequestOutputs(r.id).find(
      (o) => o.kind === submission.value.kind && o.targetId === submission.value.id,
    )
    const title = output ? pickLanguage(output.title, r.requester?.locale ?? lang).text : ''
    notifyRequester(tx, r, r.requester, { kind: 'output', title })
    return result
  })
  if (!linked.ok) return fail('output', submission.reply({ fieldErrors: { reference: [linked.error] } }))
  return redirectWithFlash(back, 'outputLinked')
}

function unlinkOutput({ formData, r, back, audit }: IntentContext) {
  const outputId = Number(formData.get('outputId'))
  const unlinked = atomically((tx) => {
    if (!unlinkRequestOutput(r.id, outputId)) return false
    audit(tx, 'request.output_unlink', { outputId })
    return true
  })
  if (!unlinked) throw new Response('Not Found', { status: 404 })
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
  const back = `/${lang}/requests/${r.id}`
  const manage = canManageRequests(user)
  // Every change commits with its audit row and its queued mails in one transaction (atomically).
  const audit = (tx: Tx, action: string, details?: Record<string, unknown>) =>
    recordAuditEvent({ actorId: user.id, action, targetType: 'assistance_request', targetId: r.id, details }, tx)
  const ctx: IntentContext = { lang, user, r, formData, uploadErrors, manage, back, audit }

  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  const handler = parsed.success ? handlers[parsed.data.intent] : undefined
  if (handler && !handler.office) return handler.run(ctx)

  // Everything below is the programme office's: a member's forged post stops here.
  if (!manage) throw forbidden()
  if (!handler) throw new Response('Bad Request', { status: 400 })
  return handler.run(ctx)
}
