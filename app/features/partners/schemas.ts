import { z } from '~/utils/zod'
import { partnerKinds, themes } from '#db/enums'
import { readId } from '~/utils/ids'
import { optionalText } from '~/utils/validation/text'
import { isWebAddress } from '~/utils/validation/web-address'

// Messages are keys under `validation.` in locales/*/common.json.

/** The list's URL (?focus=women): anything odd falls back to every partner, never fails. */
export const PartnerQuerySchema = z.object({
  focus: z.enum(themes).optional().catch(undefined),
})
export type PartnerQuery = z.infer<typeof PartnerQuerySchema>

/** The highest position a coordinator can give (the order on the partners page, ascending). */
export const MAX_PARTNER_POSITION = 9999

export const PartnerFormSchema = z
  .object({
    kind: z.enum(partnerKinds, { error: 'invalidChoice' }),
    nameEn: optionalText(200),
    nameAr: optionalText(200),
    acronym: optionalText(30),
    descriptionEn: optionalText(4000),
    descriptionAr: optionalText(4000),
    // A partner's site is shown as a link to everyone: https only, never javascript: or data:.
    website: z
      .string()
      .trim()
      .max(500, 'tooLong')
      .refine((v) => v === '' || (/^https:\/\//i.test(v) && isWebAddress(v)), 'urlInvalid')
      .optional()
      .transform((v) => v || null),
    // Its focus: the library's themes (women, youth, legislation and oversight, …).
    themes: z
      .array(z.enum(themes, { error: 'invalidChoice' }), { error: 'invalidChoice' })
      .optional()
      .transform((list) => [...new Set(list ?? [])]),
    position: z
      .number({ error: 'positionInvalid' })
      .int('positionInvalid')
      .min(0, 'positionInvalid')
      .max(MAX_PARTNER_POSITION, 'positionInvalid')
      .optional()
      .transform((v) => v ?? 0),
  })
  .superRefine(
    (v, ctx) => {
      if (!v.nameEn && !v.nameAr) ctx.addIssue({ code: 'custom', path: ['nameEn'], message: 'nameOneLanguage' })
    },
    // The names rule needs only the names: it runs even when another field failed, so every message shows at once.
    {
      when: (payload) =>
        payload.issues.every((issue) => issue.path?.length && issue.path[0] !== 'nameEn' && issue.path[0] !== 'nameAr'),
    },
  )

export type PartnerInput = z.output<typeof PartnerFormSchema>

export const initiativeKinds = ['meeting', 'programme', 'resource'] as const
export type InitiativeKind = (typeof initiativeKinds)[number]

const segmentKind: Record<string, InitiativeKind> = {
  meetings: 'meeting',
  programmes: 'programme',
  resources: 'resource',
}

/**
 * What a coordinator links: the kind and an id, chosen from a select or typed — a number, or a page's address
 * (/en/meetings/12, https://…/ar/resources/5), whose path then names the kind.
 */
export function parseInitiativeReference(
  kindValue: unknown,
  reference: unknown,
): { kind: InitiativeKind; id: number } | null {
  const text = typeof reference === 'string' ? reference.trim() : ''
  if (!text) return null
  const fromPath = /\/(meetings|programmes|resources)\/(\d{1,15})(?:[/?#]|$)/.exec(text)
  if (fromPath) return { kind: segmentKind[fromPath[1]!]!, id: Number(fromPath[2]) }
  const kind = initiativeKinds.find((k) => k === kindValue)
  // Digits only (no "1e3"); a leading zero is still the number typed.
  const id = /^\d{1,15}$/.test(text) ? readId(Number(text)) : null
  return kind && id !== null ? { kind, id } : null
}
