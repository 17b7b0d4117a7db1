import { z } from '~/utils/zod'
import { flagField, pageField, searchField } from './schema-fields'
import { genders, positions, visibilities } from '#db/enums'
import { isWebAddress } from '~/utils/validation/web-address'
import { emailProblem } from '~/utils/validation/common'
import { optionalText } from '~/utils/validation/text'

/** The members directory's URL; anything odd falls back. */
export const MemberQuerySchema = z.object({
  q: searchField,
  parliament: z.coerce.number().int().positive().optional().catch(undefined),
  position: z.enum(positions).optional().catch(undefined),
  gender: z.enum(genders).optional().catch(undefined),
  focal: flagField,
  page: pageField,
})

const text = optionalText
const nullableText = (max: number, refine?: (v: string) => boolean, message = 'invalid') =>
  optionalText(max)
    .refine((v) => v === '' || !refine || refine(v), message)
    .transform((v) => v || null)

const thisYear = new Date().getUTCFullYear()

/** A member's profile, as the member or a coordinator edits it. */
export const MemberFormSchema = z
  .object({
    nameEn: text(200),
    nameAr: text(200),
    position: z.enum(positions, { error: 'invalidChoice' }),
    committees: text(500),
    gender: z
      .enum(genders, { error: 'invalidChoice' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    birthYear: z
      .union([
        z.literal(''),
        z.coerce
          .number({ error: 'yearInvalid' })
          .int('yearInvalid')
          .min(thisYear - 110, 'yearInvalid')
          .max(thisYear - 16, 'yearInvalid'),
      ])
      .optional()
      .transform((v) => (typeof v === 'number' ? v : null)),
    languages: z
      .string()
      .trim()
      .max(100, 'tooLong')
      .regex(/^([a-z]{2,3}(\s*,\s*[a-z]{2,3})*)?$/i, 'languagesInvalid')
      .optional()
      .transform((v) => (v ?? '').toLowerCase().replace(/\s+/g, '')),
    bioEn: text(5000),
    bioAr: text(5000),
    email: optionalText(1000)
      .superRefine((v, ctx) => {
        const problem = v && emailProblem(v)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      })
      .transform((v) => v || null),
    phone: nullableText(40, (v) => /^[+0-9 ()-]{5,40}$/.test(v), 'phoneInvalid'),
    website: nullableText(500, isWebAddress, 'urlInvalid'),
    visibility: z.enum(visibilities, { error: 'invalidChoice' }),
    // Coordinators only (ignored for others by the action).
    parliamentId: z.coerce.number().int().positive().optional().catch(undefined),
    isFocalPoint: z
      .enum(['on'])
      .optional()
      .transform((v) => v === 'on'),
  })
  .superRefine((v, ctx) => {
    if (!v.nameEn && !v.nameAr) ctx.addIssue({ code: 'custom', path: ['nameEn'], message: 'nameOneLanguage' })
  })
