import { z } from '~/utils/zod'
import { optionalText, requiredText } from '~/utils/validation/text'
import { attendanceModes, interpretationLanguages } from '#db/enums'

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true')

/** A member's registration for a meeting (the same form registers and changes the details). */
export const RegistrationFormSchema = z.object({
  attendanceMode: z.enum(attendanceModes, { error: 'invalidChoice' }),
  interpretation: z
    .array(z.enum(interpretationLanguages, { error: 'invalidChoice' }))
    .optional()
    .transform((list) => [...new Set(list ?? [])]),
  accessibilityNeeds: optionalText(1000),
  dietaryNeeds: optionalText(1000),
})
export type RegistrationFormInput = z.infer<typeof RegistrationFormSchema>

/** The coordinators' message to the participants of a meeting. */
export const ParticipantMessageSchema = z.object({
  subject: requiredText(200),
  body: requiredText(10_000),
  includeWaitlisted: checkbox,
})

/** Ids chosen with checkboxes (parliaments or accounts to invite). */
export const InviteFormSchema = z.object({
  ids: z
    .array(z.number({ error: 'invalidChoice' }).int('invalidChoice').positive('invalidChoice'))
    .optional()
    .transform((list) => [...new Set(list ?? [])]),
})
