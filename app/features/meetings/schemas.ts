import { z } from '~/utils/zod'
import { optionalText } from '~/utils/validation/text'
import { meetingFormats, meetingKinds, meetingVisibilities, regions, themes } from '#db/enums'
import { canonicalTimeZone, isLocalDateTime } from '~/utils/validation/time-zone'
import { isWebAddress } from '~/utils/validation/web-address'

/** A datetime-local value ("YYYY-MM-DDTHH:mm"), in the meeting's time zone. */
const localDateTime = z.string({ error: 'dateTimeInvalid' }).trim().refine(isLocalDateTime, 'dateTimeInvalid')

/**
 * What a coordinator fills in to create or edit a meeting. Times are wall-clock times in `timeZone`; the model
 * turns them into instants. Comparing the strings compares the times, as they share one zone.
 */
export const MeetingFormSchema = z
  .object({
    kind: z.enum(meetingKinds, { error: 'invalidChoice' }),
    format: z.enum(meetingFormats, { error: 'invalidChoice' }),
    titleEn: optionalText(300),
    titleAr: optionalText(300),
    descriptionEn: optionalText(10_000),
    descriptionAr: optionalText(10_000),
    city: optionalText(120),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^[A-Z]{2}$/.test(v), 'countryInvalid'),
    address: optionalText(500),
    onlineUrl: z
      .string()
      .trim()
      .max(1000, 'tooLong')
      .refine((v) => v === '' || isWebAddress(v), 'urlInvalid')
      .optional()
      .transform((v) => v || null),
    region: z
      .enum(regions, { error: 'invalidChoice' })
      .optional()
      .transform((v) => v ?? null),
    // Stored as the runtime's canonical name, whatever the case typed: filters and exports compare it as text.
    timeZone: z
      .string({ error: 'timeZoneInvalid' })
      .trim()
      // A refinement, not an issue raised in the transform: the form's other checks (end after start…) still run.
      .refine((zone) => canonicalTimeZone(zone) !== null, 'timeZoneInvalid')
      .transform((zone) => canonicalTimeZone(zone) ?? zone),
    startsAt: localDateTime,
    endsAt: localDateTime,
    hosts: optionalText(2000),
    visibility: z.enum(meetingVisibilities, { error: 'invalidChoice' }),
    capacity: z
      .number({ error: 'capacityInvalid' })
      .int('capacityInvalid')
      .min(0, 'capacityInvalid')
      .max(100_000, 'capacityInvalid')
      .optional()
      .transform((v) => v ?? null),
    registrationDeadline: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isLocalDateTime(v), 'dateTimeInvalid'),
    requiresApproval: z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === 'true'),
    /** Themes (the library's): women and youth gather the meeting into the women and young parliamentarians' space. */
    themes: z
      .array(z.enum(themes, { error: 'invalidChoice' }))
      .optional()
      .transform((list) => [...new Set(list ?? [])]),
  })
  .superRefine((v, ctx) => {
    if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'titleOneLanguage' })
    if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' })
    if (v.format !== 'online' && !v.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'cityRequired' })
    if (v.registrationDeadline && v.registrationDeadline >= v.endsAt)
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'deadlineAfterEnd' })
  })

export type MeetingInput = z.output<typeof MeetingFormSchema>

/** The outcome summary published after a meeting. */
export const OutcomeSchema = z
  .object({ outcomeEn: optionalText(20_000), outcomeAr: optionalText(20_000) })
  .refine((v) => v.outcomeEn || v.outcomeAr, { path: ['outcomeEn'], message: 'required' })
