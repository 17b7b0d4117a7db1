import { z } from '~/utils/zod'
import { countryField, flagField, optionalWebAddress, pageField, searchField } from './schema-fields'
import { optionalText } from '~/utils/validation/text'
import { chambers, parliamentKinds, regions } from '#db/enums'
import { isIsoDate } from '~/utils/validation/lists'
import { parliamentSorts } from './parliament-sorts'

/** The directory's URL (?q=&kind=&region=&country=&network=1&sort=&page=): anything odd falls back, never fails. */
export const DirectoryQuerySchema = z.object({
  q: searchField,
  kind: z.enum(parliamentKinds).optional().catch(undefined),
  region: z.enum(regions).optional().catch(undefined),
  country: countryField,
  network: flagField,
  sort: z.enum(parliamentSorts).catch('name').default('name'),
  page: pageField,
})
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>

/** The coordinators' form to add or edit a parliament or assembly. */
export const ParliamentFormSchema = z
  .object({
    kind: z.enum(parliamentKinds, { error: 'invalidChoice' }),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'countryInvalid')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    chamber: z
      .enum(chambers, { error: 'invalidChoice' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    nameEn: optionalText(200),
    nameAr: optionalText(200),
    region: z.enum(regions, { error: 'invalidChoice' }),
    website: optionalWebAddress,
    joinedAt: z
      .string()
      .trim()
      .refine(isIsoDate, 'dateInvalid')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .superRefine((v, ctx) => {
    if (!v.nameEn && !v.nameAr) ctx.addIssue({ code: 'custom', path: ['nameEn'], message: 'nameOneLanguage' })
    if (v.kind === 'national' && !v.countryCode)
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'countryRequired' })
    if (v.kind !== 'national' && v.countryCode)
      ctx.addIssue({ code: 'custom', path: ['countryCode'], message: 'countryOnlyNational' })
  })
