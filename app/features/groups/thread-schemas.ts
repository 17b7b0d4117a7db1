// The forms of threads and posts (issue 17), shared by the browser and the server. Messages are keys of
// `groups:thread.errors`; the mention check needs the group's members and is the model's.
import { z } from '~/utils/zod'
import type { ThreadError } from './thread-errors'
import { groupLimits, positions } from './vocabulary'

const msg = (e: ThreadError) => ({ error: e })

export const PostBodySchema = z
  .string(msg('postEmpty'))
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().min(1, msg('postEmpty')).max(groupLimits.post, msg('postTooLong')))

const optionalId = z
  .string()
  .optional()
  .transform((s) => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : null))

/** A proposal's closing day (`YYYY-MM-DD`): it closes at the end of that day, UTC. */
const closesOn = z
  .string()
  .optional()
  .transform((s) => s?.trim() ?? '')
  .pipe(z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('closesInvalid'))]))

export const ThreadFormSchema = z.object({
  title: z
    .string(msg('titleRequired'))
    .transform((s) => s.trim())
    .pipe(z.string().min(1, msg('titleRequired')).max(groupLimits.threadTitle, msg('titleTooLong'))),
  body: PostBodySchema,
  proposal: z
    .string()
    .optional()
    .transform((s) => s?.trim() ?? '')
    .pipe(z.string().max(groupLimits.post, msg('proposalTooLong'))),
  closesOn,
})
export type ThreadForm = z.infer<typeof ThreadFormSchema>

/** The end of a closing day, or null for a day that is not one. */
export function closingInstant(day: string): Date | null {
  const at = new Date(`${day}T23:59:59Z`)
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== day ? null : at
}

const reason = z
  .string()
  .optional()
  .transform((s) => s?.trim() ?? '')
  .pipe(z.string().max(groupLimits.reason, msg('reasonTooLong')))

/** The intents of a thread's page. */
export const ThreadActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reply'), body: PostBodySchema, quotedPostId: optionalId }),
  z.object({ intent: z.literal('edit'), postId: z.string(), body: PostBodySchema }),
  z.object({ intent: z.literal('flag'), postId: z.string(), reason }),
  z.object({ intent: z.literal('position'), position: z.enum(positions), reason }),
  z.object({
    intent: z.literal('outcome'),
    outcome: z
      .string(msg('outcomeRequired'))
      .transform((s) => s.trim())
      .pipe(z.string().min(1, msg('outcomeRequired')).max(groupLimits.post, msg('postTooLong'))),
  }),
])
export type ThreadAction = z.infer<typeof ThreadActionSchema>

export const ModerationActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('hide'),
    postId: z.string(),
    reason: z
      .string(msg('reasonRequired'))
      .transform((s) => s.trim())
      .pipe(z.string().min(1, msg('reasonRequired')).max(groupLimits.reason, msg('reasonTooLong'))),
  }),
  z.object({ intent: z.literal('restore'), postId: z.string() }),
  z.object({ intent: z.literal('dismiss'), postId: z.string() }),
])

/** The first message key of a failed parse, per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    if (!out[field]) out[field] = issue.message
  }
  return out
}
