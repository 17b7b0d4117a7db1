// What a provision's consultation page posts: the intent told apart by one discriminated union, then one handler
// each. Commenting, replying and proposing are for those who may take part now (participationRefusal); resolving,
// accepting and rejecting for the working group (requireAmendmentDecider); withdrawing for the proposer. A forged
// post by anyone else is refused (403) before anything is read from its form, and writes nothing.
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import {
  acceptAmendment,
  proposeAmendment,
  rejectAmendment,
  withdrawAmendment,
} from '~/features/drafts/amendment.server'
import {
  participationRefusal,
  postComment,
  replyToComment,
  resolveComment,
  type Participant,
} from '~/features/drafts/comment.server'
import type { DraftDetail } from '~/features/drafts/draft.server'
import type { DraftsError } from '~/features/drafts/errors'
import { requireAmendmentDecider, requireDraftParticipant } from '~/features/drafts/guards.server'
import { AmendmentAcceptSchema, AmendmentRejectSchema, AmendmentSchema, CommentSchema } from '~/features/drafts/schemas'
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import type { SessionUser } from '~/utils/session.server'

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('comment') }),
  z.object({ intent: z.literal('reply') }),
  z.object({ intent: z.literal('resolve') }),
  z.object({ intent: z.literal('propose') }),
  z.object({ intent: z.literal('withdraw') }),
  z.object({ intent: z.literal('accept') }),
  z.object({ intent: z.literal('reject') }),
])
export type Intent = z.output<typeof IntentSchema>['intent']

/** Which of the page's forms answered: the intent and the thread or amendment it was about (0: the page's own). */
export type ActionAnswer = { intent: Intent; target: number; result: unknown }

type IntentContext = {
  request: Request
  idParam: string | undefined
  lang: Language
  user: SessionUser | null
  draft: DraftDetail
  formData: FormData
  back: string
}

// The flashes of this page: the lead adds these keys to flashKeys (app/utils/flash.server.ts) and common.json.
const done = (key: FlashKey) => key

const answer = (intent: Intent, target: number, result: unknown) =>
  data<ActionAnswer>({ intent, target, result }, { status: 400 })

const forbidden = () => new Response('Forbidden', { status: 403 })

/**
 * The signed-in person who may take part now. A consultation that closed while they typed answers with its
 * code (the form then says so and keeps their text); anyone else out of it (outside its scope) gets 403.
 */
function participant({ request, idParam, user, draft }: IntentContext): Participant | DraftsError {
  if (user && participationRefusal(draft, user) === 'consultationClosed') return 'consultationClosed'
  return requireDraftParticipant(request, idParam).user
}

function comment(ctx: IntentContext) {
  const by = participant(ctx)
  const submission = parseWithZod(ctx.formData, { schema: CommentSchema })
  if (typeof by === 'string') return answer('comment', 0, submission.reply({ formErrors: [by] }))
  if (submission.status !== 'success') return answer('comment', 0, submission.reply())
  const provisionId = readId(ctx.formData.get('provisionId')) ?? 0
  const posted = postComment(ctx.draft, provisionId, submission.value, by)
  if (!posted.ok) return answer('comment', 0, submission.reply({ formErrors: [posted.error] }))
  return redirectWithFlash(`${ctx.back}#comment-${posted.value.id}`, done('commentPosted'))
}

function reply(ctx: IntentContext) {
  const by = participant(ctx)
  const threadId = readId(ctx.formData.get('commentId')) ?? 0
  const submission = parseWithZod(ctx.formData, { schema: CommentSchema })
  if (typeof by === 'string') return answer('reply', threadId, submission.reply({ formErrors: [by] }))
  if (submission.status !== 'success') return answer('reply', threadId, submission.reply())
  const posted = replyToComment(ctx.draft, threadId, submission.value, by)
  if (!posted.ok) return answer('reply', threadId, submission.reply({ formErrors: [posted.error] }))
  return redirectWithFlash(`${ctx.back}#comment-${posted.value.id}`, done('commentReplied'))
}

function resolve(ctx: IntentContext) {
  const { user } = requireAmendmentDecider(ctx.request, ctx.idParam)
  const threadId = readId(ctx.formData.get('commentId')) ?? 0
  const resolved = ctx.formData.get('resolved') !== 'false'
  const done_ = resolveComment(ctx.draft, threadId, user, resolved)
  if (!done_.ok) return answer('resolve', threadId, done_.error)
  return redirectWithFlash(
    `${ctx.back}#thread-${done_.value.threadId}`,
    done(resolved ? 'commentResolved' : 'commentReopened'),
  )
}

function propose(ctx: IntentContext) {
  const by = participant(ctx)
  const submission = parseWithZod(ctx.formData, { schema: AmendmentSchema })
  const form = String(ctx.formData.get('kind') ?? '')
  // Which of the three proposal forms (replace, insert_after, delete) answers: its kind, as a number.
  const target = ['replace', 'insert_after', 'delete'].indexOf(form) + 1
  if (typeof by === 'string') return answer('propose', target, submission.reply({ formErrors: [by] }))
  if (submission.status !== 'success') {
    // Words left empty in every language arrive as no `texts` at all: say what is missing, once, for the form.
    const noWords = submission.error?.texts !== undefined
    return answer('propose', target, submission.reply(noWords ? { formErrors: ['textRequired'] } : undefined))
  }
  const provisionId = readId(ctx.formData.get('provisionId')) ?? 0
  const proposed = proposeAmendment(ctx.draft, provisionId, submission.value, by)
  if (!proposed.ok) return answer('propose', target, submission.reply({ formErrors: [proposed.error] }))
  return redirectWithFlash(`${ctx.back}#amendment-${proposed.value.id}`, done('amendmentProposed'))
}

function withdraw(ctx: IntentContext & { user: SessionUser }) {
  const amendmentId = readId(ctx.formData.get('amendmentId')) ?? 0
  const withdrawn = withdrawAmendment(ctx.draft, amendmentId, ctx.user)
  if (!withdrawn.ok && withdrawn.error === 'notProposer') throw forbidden()
  if (!withdrawn.ok) return answer('withdraw', amendmentId, withdrawn.error)
  return redirectWithFlash(`${ctx.back}#amendment-${amendmentId}`, done('amendmentWithdrawn'))
}

function accept(ctx: IntentContext) {
  const { user } = requireAmendmentDecider(ctx.request, ctx.idParam)
  const amendmentId = readId(ctx.formData.get('amendmentId')) ?? 0
  const submission = parseWithZod(ctx.formData, { schema: AmendmentAcceptSchema })
  const accepted = acceptAmendment(ctx.draft, amendmentId, submission.payload, user)
  if (!accepted.ok) return answer('accept', amendmentId, accepted.error)
  return redirectWithFlash(`${ctx.back}#amendment-${amendmentId}`, done('amendmentAccepted'))
}

function reject(ctx: IntentContext) {
  const { user } = requireAmendmentDecider(ctx.request, ctx.idParam)
  const amendmentId = readId(ctx.formData.get('amendmentId')) ?? 0
  const submission = parseWithZod(ctx.formData, { schema: AmendmentRejectSchema })
  if (submission.status !== 'success') return answer('reject', amendmentId, submission.reply())
  const rejected = rejectAmendment(ctx.draft, amendmentId, submission.value, user)
  if (!rejected.ok) return answer('reject', amendmentId, submission.reply({ formErrors: [rejected.error] }))
  return redirectWithFlash(`${ctx.back}#amendment-${amendmentId}`, done('amendmentRejected'))
}

const handlers: Record<
  Intent,
  (ctx: IntentContext & { user: SessionUser }) => ReturnType<typeof answer> | ReturnType<typeof redirectWithFlash>
> = {
  comment,
  reply,
  resolve,
  propose,
  withdraw,
  accept,
  reject,
}

/** Runs the posted intent on the provision page `back`; an unknown intent is a 400 (a visitor's, a 403). */
export function runProvisionIntent(ctx: Omit<IntentContext, 'back'> & { wId: string }) {
  const back = `/${ctx.lang}/drafts/${ctx.draft.id}/provisions/${encodeURIComponent(ctx.wId)}`
  const parsed = IntentSchema.safeParse({ intent: ctx.formData.get('intent') })
  const user = ctx.user
  if (!user) throw forbidden()
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  return handlers[parsed.data.intent]({ ...ctx, user, back })
}
