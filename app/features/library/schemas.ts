import { z } from '~/utils/zod'
import { optionalText, requiredText } from '~/utils/validation/text'
import { contentLanguages, regions, resolutions, resourceTypes, themes, visibilities } from '#db/enums'
import { isWebAddress } from '~/utils/validation/web-address'
import { choices, isIsoDate } from '~/utils/validation/lists'

/** What a user fills in to share a resource (the same form creates and edits). */
export const ResourceFormSchema = z
  .object({
    type: z.enum(resourceTypes, { error: 'invalidChoice' }),
    titleEn: optionalText(300),
    titleAr: optionalText(300),
    summaryEn: optionalText(5000),
    summaryAr: optionalText(5000),
    transcriptEn: optionalText(100_000),
    transcriptAr: optionalText(100_000),
    publisher: optionalText(300),
    authors: optionalText(2000),
    tags: optionalText(500),
    publishedOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isIsoDate(v), 'dateInvalid')
      .refine((v) => v === null || v <= new Date().toISOString().slice(0, 10), 'dateInFuture'),
    region: z
      .enum(regions, { error: 'invalidChoice' })
      .optional()
      .transform((v) => v ?? null),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'invalidChoice'))
      .optional()
      .transform((list) => [...new Set(list ?? [])]),
    parliamentIds: z
      .array(z.number({ error: 'invalidChoice' }).int('invalidChoice').min(1, 'invalidChoice'))
      .optional()
      .transform((list) => [...new Set(list ?? [])]),
    pillars: z
      .array(z.number({ error: 'invalidChoice' }).int('invalidChoice').min(1, 'invalidChoice').max(4, 'invalidChoice'))
      .optional()
      .transform((list) => [...new Set(list ?? [])].sort()),
    resolutions: choices(resolutions),
    themes: choices(themes),
    languages: z
      .array(z.enum(contentLanguages, { error: 'invalidChoice' }), { error: 'languageRequired' })
      .min(1, 'languageRequired')
      .transform((list) => [...new Set(list)]),
    licence: optionalText(200),
    visibility: z.enum(visibilities, { error: 'invalidChoice' }),
    externalUrl: z
      .string()
      .trim()
      .max(1000, 'tooLong')
      .refine((v) => v === '' || isWebAddress(v), 'urlInvalid')
      .optional()
      .transform((v) => v || null),
    /** A pending upload (its id) to attach as the first file, and the language of that file. */
    file: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || null),
    fileLanguage: z
      .enum(contentLanguages, { error: 'invalidChoice' })
      .optional()
      .transform((v) => v ?? null),
    intent: z.enum(['draft', 'submit', 'publish', 'save'], { error: 'invalidChoice' }),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'titleOneLanguage' })
    if (v.type === 'link' && !v.externalUrl)
      ctx.addIssue({ code: 'custom', path: ['externalUrl'], message: 'linkRequired' })
  })

export type ResourceInput = z.output<typeof ResourceFormSchema>

/** A coordinator returning a resource to its author says why. */
export const ReturnSchema = z.object({
  reason: requiredText(2000, 'reasonRequired', 3),
})

/** Adding a file on the edit page. */
export const AddFileSchema = z.object({
  file: z.string({ error: 'fileRequired' }).trim().min(1, 'fileRequired').max(64),
  role: z.enum(['document', 'media', 'poster', 'image'], { error: 'invalidChoice' }),
  language: z
    .enum(contentLanguages, { error: 'invalidChoice' })
    .optional()
    .transform((v) => v ?? null),
  altEn: optionalText(500),
  altAr: optionalText(500),
})

export type AddFileInput = z.output<typeof AddFileSchema>
