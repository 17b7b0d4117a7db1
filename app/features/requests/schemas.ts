import { z } from '~/utils/zod'
import { contentLanguages, programmeKinds, requestStates, resolutions, themes } from '#db/enums'
import { readId } from '~/utils/ids'
import { choices, isIsoDate } from '~/utils/validation/lists'
import { optionalText, requiredText, visibleLength } from '~/utils/validation/text'

/**
 * The earliest date that is still "today" somewhere on Earth (UTC−12): a desired date before it is in the past
 * for every requester, whatever their zone; one on it is today for someone and is accepted.
 */
export function earliestToday(now = new Date()) {
  return new Date(now.getTime() - 12 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isIsoDate(v), 'dateInvalid')

const idList = z
  .array(z.string().trim().max(64))
  .optional()
  .transform((list) => [...new Set((list ?? []).filter(Boolean))])

/** The fields a member fills in to ask for technical assistance on behalf of their parliament. */
export function requestFormSchema(now = new Date()) {
  const today = earliestToday(now)
  return z
    .object({
      programmeId: z
        .number({ error: 'invalidChoice' })
        .int('invalidChoice')
        .min(1, 'invalidChoice')
        .optional()
        .transform((v) => v ?? null),
      kind: z.enum(programmeKinds, { error: 'invalidChoice' }),
      subject: requiredText(200, 'required', 3),
      need: requiredText(10_000, 'needRequired', 10),
      pillars: z
        .array(
          z.number({ error: 'invalidChoice' }).int('invalidChoice').min(1, 'invalidChoice').max(4, 'invalidChoice'),
        )
        .optional()
        .transform((list) => [...new Set(list ?? [])].sort()),
      resolutions: choices(resolutions),
      themes: choices(themes),
      desiredFrom: optionalDate.refine((v) => v === null || !isIsoDate(v) || v >= today, 'dateInPast'),
      desiredTo: optionalDate.refine((v) => v === null || !isIsoDate(v) || v >= today, 'dateInPast'),
      languages: z
        .array(z.enum(contentLanguages, { error: 'invalidChoice' }), { error: 'languageRequired' })
        .min(1, 'languageRequired')
        .transform((list) => [...new Set(list)]),
      attachments: idList,
    })
    .superRefine((value, ctx) => {
      if (value.pillars.length + value.resolutions.length + value.themes.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'topicRequired', path: ['topics'] })
      }
      if (
        value.desiredFrom &&
        value.desiredTo &&
        isIsoDate(value.desiredFrom) &&
        isIsoDate(value.desiredTo) &&
        value.desiredTo < value.desiredFrom
      ) {
        ctx.addIssue({ code: 'custom', message: 'endBeforeStart', path: ['desiredTo'] })
      }
    })
}

export type RequestInput = z.output<ReturnType<typeof requestFormSchema>>

/** A message of the thread (the requester's parliament or a coordinator) or a coordinator's internal note. */
export const MessageSchema = z.object({
  body: requiredText(10_000, 'messageRequired'),
})

/** A coordinator moves a request; declining says why (the requester reads it). */
export const MoveSchema = z
  .object({
    to: z.enum(requestStates, { error: 'invalidChoice' }),
    reason: optionalText(2000).transform((v) => v || null),
  })
  .superRefine((value, ctx) => {
    if (value.to === 'declined' && (!value.reason || visibleLength(value.reason) < 3)) {
      ctx.addIssue({ code: 'custom', message: 'declineReasonRequired', path: ['reason'] })
    }
  })

export const AssignSchema = z.object({
  assigneeId: z
    .number({ error: 'invalidChoice' })
    .int('invalidChoice')
    .min(1, 'invalidChoice')
    .optional()
    .transform((v) => v ?? null),
})

/**
 * An output of the request: a library resource, a meeting or a draft, given by its number or by its page's address
 * (/en/resources/12, https://…/ar/meetings/3, /en/drafts/5).
 */
export const OutputSchema = z
  .object({
    kind: z.enum(['resource', 'meeting', 'draft'], { error: 'invalidChoice' }),
    reference: requiredText(500, 'outputRequired'),
  })
  .transform((value, ctx) => {
    const match = new RegExp(`^(?:\\d+|(?:https?://[^/]+)?/(?:en|ar)/${value.kind}s/(\\d+)/?)$`).exec(value.reference)
    const id = match ? readId(match[1] ?? value.reference) : null
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: 'outputReferenceInvalid', path: ['reference'] })
      return z.NEVER
    }
    return { kind: value.kind, id }
  })

export const AddFileSchema = z.object({
  file: z.string({ error: 'fileRequired' }).trim().min(1, 'fileRequired').max(64),
})
