// The zod schemas of the groups forms (issue 17): a group's fields, and the membership decisions. Messages are codes
// of errors.ts.
import { readId } from '~/utils/ids'
import { optionalText } from '~/utils/validation/text'
import { z } from '~/utils/zod'
import { groupAccesses, groupLimits } from './vocabulary'

const id = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const read = readId(v)
  if (read === null) {
    ctx.addIssue({ code: 'custom', message: 'invalidChoice' })
    return z.NEVER
  }
  return read
})

/** A group's name (in at least one language), purpose, and whether anyone may join. */
export const GroupFormSchema = z
  .object({
    nameEn: optionalText(groupLimits.name),
    nameAr: optionalText(groupLimits.name),
    purposeEn: optionalText(groupLimits.purpose),
    purposeAr: optionalText(groupLimits.purpose),
    access: z.enum(groupAccesses, { error: 'invalidChoice' }),
  })
  .superRefine((v, ctx) => {
    if (!v.nameEn && !v.nameAr) ctx.addIssue({ code: 'custom', message: 'titleOneLanguage', path: ['nameEn'] })
  })
export type GroupInput = z.output<typeof GroupFormSchema>

/** The overview's own actions: join an open group, ask to join a closed one, leave. */
export const OverviewIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('join') }),
  z.object({ intent: z.literal('leave') }),
])

/** The members page's actions, each on one person of the group. */
export const MembersIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept'), userId: id }),
  z.object({ intent: z.literal('decline'), userId: id }),
  z.object({ intent: z.literal('facilitator'), userId: id }),
  z.object({ intent: z.literal('member'), userId: id }),
  z.object({ intent: z.literal('remove'), userId: id }),
])
export type MembersIntent = z.output<typeof MembersIntentSchema>
