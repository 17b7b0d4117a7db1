// The zod schemas of every input the drafts feature takes (issue 15). Messages are codes of errors.ts; a route
// shows them per field, and a model function given unparsed input answers the first one as its Result's error.
import { z } from '~/utils/zod'
import { resolutions, themes } from '#db/enums'
import { readId } from '~/utils/ids'
import { choices } from '~/utils/validation/lists'
import { hasNul, optionalText, requiredText, visibleLength } from '~/utils/validation/text'
import { draftKinds, provisionKinds } from './snapshot'
import {
  amendmentStates,
  consultationScopes,
  draftLanguages,
  draftLimits,
  draftStages,
  draftVisibilities,
} from './vocabulary'

/** An id from a form (a string) or from code (a number): a positive safe integer, or 'invalidChoice'. */
const id = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const read = readId(v)
  if (read === null) {
    ctx.addIssue({ code: 'custom', message: 'invalidChoice' })
    return z.NEVER
  }
  return read
})

const idList = (max: number) =>
  z
    .array(id)
    .max(max, 'tooLong')
    .optional()
    .transform((list) => [...new Set(list ?? [])])

/** A provision's body: paragraphs separated by blank lines, list items starting "- ". Line ends made "\n". */
const bodyText = z
  .string()
  .max(draftLimits.body, 'tooLong')
  .refine((v) => !hasNul(v), { message: 'invalidCharacters', abort: true })
  .optional()
  .transform((v) => {
    const text = (v ?? '').replace(/\r\n?/g, '\n').trim()
    return visibleLength(text) > 0 ? text : ''
  })

const headingText = optionalText(draftLimits.heading).transform((v) => v.replace(/\s*\n\s*/g, ' '))

export const ProvisionTextSchema = z.object({ heading: headingText, body: bodyText })

/** A provision's words in some of the draft's languages (a language left out is left as it is). */
export const ProvisionTextsSchema = z.partialRecord(
  z.enum(draftLanguages, { error: 'languageUnknown' }),
  ProvisionTextSchema,
  // A key that is not a language arrives as 'unrecognized_keys' (not in the types of this issue).
  { error: (issue) => ((issue.code as string) === 'unrecognized_keys' ? 'languageUnknown' : 'invalid') },
)
export type ProvisionTextsInput = z.output<typeof ProvisionTextsSchema>

/** The draft's own fields: a coordinator fills them in when creating it, and edits them later. */
export const DraftSchema = z
  .object({
    kind: z.enum(draftKinds, { error: 'invalidChoice' }),
    titleEn: optionalText(draftLimits.title),
    titleAr: optionalText(draftLimits.title),
    summaryEn: optionalText(draftLimits.summary),
    summaryAr: optionalText(draftLimits.summary),
    originalLanguage: z.enum(draftLanguages, { error: 'invalidChoice' }).default('en'),
    coordinatorId: id,
    leadParliamentIds: idList(draftLimits.leads).refine((list) => list.length > 0, 'leadRequired'),
    editorIds: idList(draftLimits.editors),
    pillars: z
      .array(
        z.coerce
          .number({ error: 'invalidChoice' })
          .int('invalidChoice')
          .min(1, 'invalidChoice')
          .max(4, 'invalidChoice'),
      )
      .optional()
      .transform((list) => [...new Set(list ?? [])].sort()),
    resolutions: choices(resolutions),
    themes: choices(themes),
    visibility: z.enum(draftVisibilities, { error: 'invalidChoice' }).default('members'),
    consultationScope: z.enum(consultationScopes, { error: 'invalidChoice' }).default('members'),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', message: 'titleOneLanguage', path: ['titleEn'] })
  })
export type DraftInput = z.output<typeof DraftSchema>

/** A move of stage; opening a consultation says until when (an ISO time, or a Date from code). */
export const StageMoveSchema = z.object({
  to: z.enum(draftStages, { error: 'invalidChoice' }),
  closesAt: z
    .union([z.date(), z.string().trim().max(40, 'dateTimeInvalid')])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return null
      const date = v instanceof Date ? v : new Date(v)
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'dateTimeInvalid' })
        return z.NEVER
      }
      return date
    }),
})
export type StageMoveInput = z.output<typeof StageMoveSchema>

export const EditorSchema = z.object({ userId: id })

/** A new provision: under a parent (null: the top level), at a position among its siblings (the end if none). */
export const ProvisionAddSchema = z.object({
  parentId: z
    .union([z.null(), id])
    .optional()
    .transform((v) => v ?? null),
  kind: z.enum(provisionKinds, { error: 'invalidChoice' }),
  position: z.coerce.number().int('invalid').min(0, 'invalid').max(draftLimits.provisions, 'invalid').optional(),
  texts: ProvisionTextsSchema,
})
export type ProvisionAddInput = z.output<typeof ProvisionAddSchema>

/** A save of a provision's words, with the revision the editor's form started from. */
export const ProvisionSaveSchema = z.object({
  baseRevision: z.coerce.number().int('invalid').min(1, 'invalid'),
  texts: ProvisionTextsSchema,
})
export type ProvisionSaveInput = z.output<typeof ProvisionSaveSchema>

/** Up or down among its siblings, or into another parent (null: the top level) at a position (the end if none). */
export const ProvisionMoveSchema = z.union([
  z.object({ direction: z.enum(['up', 'down'], { error: 'invalidChoice' }) }),
  z.object({
    parentId: z.union([z.null(), id]),
    position: z.coerce.number().int('invalid').min(0, 'invalid').max(draftLimits.provisions, 'invalid').optional(),
  }),
])
export type ProvisionMoveInput = z.output<typeof ProvisionMoveSchema>

export const VersionSchema = z.object({ note: optionalText(draftLimits.note) })

const wIdText = z
  .string()
  .trim()
  .min(1, 'invalid')
  .max(100, 'tooLong')
  .regex(/^[A-Za-z_][\w.-]*$/, 'invalid')

/** A provision of an imported tree (the shape of a snapshot's, its wId optional). */
export type ProvisionTreeNode = {
  wId?: string
  kind: (typeof provisionKinds)[number]
  texts: ProvisionTextsInput
  children: ProvisionTreeNode[]
}

const ProvisionTreeNodeSchema: z.ZodType<ProvisionTreeNode> = z.lazy(() =>
  z.object({
    wId: wIdText.optional(),
    kind: z.enum(provisionKinds, { error: 'invalidChoice' }),
    texts: ProvisionTextsSchema,
    children: z.array(ProvisionTreeNodeSchema).default([]),
  }),
) as z.ZodType<ProvisionTreeNode>

/** A tree of provisions added at once (an Akoma Ntoso import). Its size is checked before it is parsed. */
export const ProvisionTreeSchema = z.array(ProvisionTreeNodeSchema)

/**
 * How many nodes a tree given as input holds, counting no further than `stopAt` (so 10,000 or a million cost the
 * same) and no deeper than `maxDepth` (deeper counts as too many): a forged request is refused before it is parsed.
 */
export function countTreeNodes(tree: unknown, stopAt: number, maxDepth: number): number {
  let n = 0
  const walk = (nodes: unknown, depth: number) => {
    if (!Array.isArray(nodes)) return
    if (depth > maxDepth) {
      n = stopAt + 1
      return
    }
    for (const node of nodes) {
      if (++n > stopAt) return
      walk((node as { children?: unknown } | null)?.children, depth + 1)
      if (n > stopAt) return
    }
  }
  walk(tree, 1)
  return n
}

// The consultation (comment.server.ts, amendment.server.ts).

/** A comment's words: plain text like a provision's body (line ends made "\n"), never empty. */
const commentText = (max: number, message: string) =>
  z
    .string({ error: message })
    .max(max, 'tooLong')
    .refine((v) => !hasNul(v), { message: 'invalidCharacters', abort: true })
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .refine((v) => visibleLength(v) > 0, message)

export const CommentSchema = z.object({ body: commentText(draftLimits.comment, 'commentRequired') })
export type CommentInput = z.output<typeof CommentSchema>

/** Which comments a list shows: of one provision (its id) or all, and open or resolved threads or both. */
export const CommentFilterSchema = z.object({
  provisionId: id.optional(),
  status: z.enum(['open', 'resolved'], { error: 'invalidChoice' }).optional(),
})
export type CommentFilter = z.input<typeof CommentFilterSchema>

const justification = commentText(draftLimits.justification, 'justificationRequired')

/**
 * A proposed amendment: new wording for the provision (replace), a new provision of `newKind` after it
 * (insert_after), each with words in at least one language, or its deletion; always with a justification.
 */
export const AmendmentSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('replace'), texts: ProvisionTextsSchema, justification }),
    z.object({
      kind: z.literal('insert_after'),
      newKind: z.enum(provisionKinds, { error: 'invalidChoice' }),
      texts: ProvisionTextsSchema,
      justification,
    }),
    z.object({ kind: z.literal('delete'), justification }),
  ],
  { error: 'invalidChoice' },
)
export type AmendmentInput = z.output<typeof AmendmentSchema>

/** An editor's answer: accepting may confirm an outdated amendment; rejecting needs a reason the proposer reads. */
export const AmendmentAcceptSchema = z.object({
  confirmOutdated: z
    .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('')])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
})
export const AmendmentRejectSchema = z.object({ reason: requiredText(draftLimits.reason, 'reasonRequired') })

export const AmendmentFilterSchema = z.object({
  provisionId: id.optional(),
  status: z.enum(amendmentStates, { error: 'invalidChoice' }).optional(),
})
export type AmendmentFilter = z.input<typeof AmendmentFilterSchema>
