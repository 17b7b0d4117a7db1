import { z } from '~/utils/zod'
import { roles } from '#db/enums'
import { EmailSchema, LanguageSchema, NameSchema, NewPasswordFields, passwordsMatch } from '~/utils/validation/common'
import { hasNul } from '~/utils/validation/text'

export const LoginFormSchema = z.object({
  email: EmailSchema,
  // Any length is accepted here: a sign-in form must not reveal the password rules.
  password: z
    .string({ error: 'required' })
    .min(1, 'required')
    .max(1024, 'passwordTooLong')
    .refine((s) => !hasNul(s), 'invalidCharacters'),
  // A hidden field: anything odd falls back to the default page rather than blocking sign-in.
  redirectTo: z.string().max(2000).optional().catch(undefined),
})

export const ForgotPasswordFormSchema = z.object({
  email: EmailSchema,
  // Honeypot: people leave it empty; bots fill every field.
  website: z.string().max(0, 'honeypot').optional(),
})

export const ResetPasswordFormSchema = z.object(NewPasswordFields).superRefine(passwordsMatch)

export const AcceptInvitationFormSchema = z
  .object({ name: NameSchema, ...NewPasswordFields })
  .superRefine(passwordsMatch)

export const InvitationFormSchema = z.object({
  email: EmailSchema,
  role: z.enum(roles, { error: 'invalidChoice' }),
  parliamentId: z.coerce.number({ error: 'invalidChoice' }).int().positive().optional(),
  locale: LanguageSchema,
})

export const ProfileFormSchema = z.object({
  intent: z.literal('profile'),
  name: NameSchema,
  locale: LanguageSchema,
})

export const ChangePasswordFormSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: z
      .string({ error: 'required' })
      .min(1, 'required')
      .max(1024, 'passwordTooLong')
      .refine((s) => !hasNul(s), 'invalidCharacters'),
    ...NewPasswordFields,
  })
  .superRefine(passwordsMatch)
