import { z } from '~/utils/zod'
import { contentLanguages, deliveryFormats, programmeKinds, themes } from '#db/enums'
import { optionalText } from '~/utils/validation/text'

/** The catalogue's URL (?kind=): an unknown kind shows the whole catalogue rather than failing. */
export const ProgrammeQuerySchema = z.object({
  kind: z.enum(programmeKinds).optional().catch(undefined),
})

/** The largest position a coordinator can give (the catalogue is ordered by it, ascending). */
export const MAX_PROGRAMME_POSITION = 9999

/** A required list of checkbox values: unknown values are refused (a forged form), duplicates dropped. */
const requiredChoices = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .array(z.enum(values, { error: 'invalidChoice' }), { error: message })
    .min(1, message)
    .transform((list) => values.filter((v) => list.includes(v)) as T[number][])

/** A coordinator's form to add or edit a programme of the catalogue. */
export const ProgrammeFormSchema = z
  .object({
    kind: z.enum(programmeKinds, { error: 'invalidChoice' }),
    titleEn: optionalText(200),
    titleAr: optionalText(200),
    summaryEn: optionalText(600),
    summaryAr: optionalText(600),
    descriptionEn: optionalText(10_000),
    descriptionAr: optionalText(10_000),
    audienceEn: optionalText(500),
    audienceAr: optionalText(500),
    formats: requiredChoices(deliveryFormats, 'formatRequired'),
    languages: requiredChoices(contentLanguages, 'languageRequired'),
    themes: z
      .array(z.enum(themes, { error: 'invalidChoice' }))
      .optional()
      .transform((list) => themes.filter((v) => (list ?? []).includes(v))),
    position: z
      .number({ error: 'positionInvalid' })
      .int('positionInvalid')
      .min(0, 'positionInvalid')
      .max(MAX_PROGRAMME_POSITION, 'positionInvalid')
      .optional()
      .transform((v) => v ?? 0),
  })
  .superRefine(
    (v, ctx) => {
      if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'titleOneLanguage' })
    },
    {
      // Zod skips an object's refinements once any field failed; the title rule needs only the two titles, so it
      // runs whenever they parsed, and every message shows at once.
      when: (payload) =>
        payload.issues.every((issue) => issue.path?.[0] !== 'titleEn' && issue.path?.[0] !== 'titleAr'),
    },
  )

export type ProgrammeInput = z.output<typeof ProgrammeFormSchema>

/** What a programme's page posts (coordinators): retire it or bring it back, one handler each. */
export const ProgrammeStateIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('retire') }),
  z.object({ intent: z.literal('reactivate') }),
])
