import { z } from '~/utils/zod'
import { countryField, optionalWebAddress, pageField, searchField } from './schema-fields'
import { optionalText } from '~/utils/validation/text'
import { mechanismKinds, regions } from '#db/enums'

/** The four pillars of the UN Global Counter-Terrorism Strategy (DOMAIN.md). */
export const pillarNumbers = [1, 2, 3, 4] as const
export type Pillar = (typeof pillarNumbers)[number]

/** The first year a mechanism can date from: the founding of the United Nations. */
export const FIRST_MECHANISM_YEAR = 1945

/** The list's URL (?q=&kind=&pillar=&region=&country=&parliament=&page=): anything odd falls back, never fails. */
export const MechanismQuerySchema = z.object({
  q: searchField,
  kind: z.enum(mechanismKinds).optional().catch(undefined),
  pillar: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .optional()
    .catch(undefined)
    .transform((v) => v as Pillar | undefined),
  region: z.enum(regions).optional().catch(undefined),
  country: countryField,
  parliament: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  page: pageField,
})
export type MechanismQuery = z.infer<typeof MechanismQuerySchema>

const fields = {
  kind: z.enum(mechanismKinds, { error: 'invalidChoice' }),
  nameEn: optionalText(200),
  nameAr: optionalText(200),
  descriptionEn: optionalText(2000),
  descriptionAr: optionalText(2000),
  // Checked when parsed, not when the module loads, so a server running over New Year accepts the new year.
  year: z
    .number({ error: 'yearRange' })
    .int('yearRange')
    .refine((y) => y >= FIRST_MECHANISM_YEAR && y <= new Date().getUTCFullYear(), 'yearRange')
    .optional()
    .transform((v) => v ?? null),
  url: optionalWebAddress,
  pillars: z
    .array(
      z.number({ error: 'pillarRequired' }).int('pillarRequired').min(1, 'pillarRequired').max(4, 'pillarRequired'),
      {
        error: 'pillarRequired',
      },
    )
    .min(1, 'pillarRequired')
    .transform((list) => [...new Set(list)].sort((a, b) => a - b) as Pillar[]),
}

function bothNamesMissing(v: { nameEn: string; nameAr: string }, ctx: z.RefinementCtx) {
  if (!v.nameEn && !v.nameAr) ctx.addIssue({ code: 'custom', path: ['nameEn'], message: 'nameOneLanguage' })
}
/**
 * Zod skips an object's refinements once any field failed its type (an unchosen parliament, a forged kind);
 * the names rule only needs the two names, so it runs whenever they parsed, and every message shows at once.
 */
const whenNamesParsed = {
  when: (payload: { issues: { path?: PropertyKey[] }[] }) =>
    payload.issues.every((issue) => issue.path?.length && issue.path[0] !== 'nameEn' && issue.path[0] !== 'nameAr'),
}

/** A member's form: the parliament is the member's own, taken from the account and never from the form. */
export const MechanismFormSchema = z.object(fields).superRefine(bothNamesMissing, whenNamesParsed)

/** A coordinator's form: the same fields, plus the parliament chosen from a select. */
export const MechanismCoordinatorFormSchema = z
  .object({
    ...fields,
    parliamentId: z
      .number({ error: 'parliamentRequired' })
      .int('parliamentRequired')
      .min(1, 'parliamentRequired')
      .max(Number.MAX_SAFE_INTEGER, 'parliamentRequired'),
  })
  .superRefine(bothNamesMissing, whenNamesParsed)

export type MechanismInput = z.output<typeof MechanismFormSchema>
