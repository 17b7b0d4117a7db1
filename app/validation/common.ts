import { z } from 'zod'

// Messages are translation keys under `validation.` in locales/*/common.json.

/** Counts characters as people do (code points), so an Arabic or emoji password is measured fairly. */
const length = (s: string) => [...s].length

export const EmailSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(254, 'emailTooLong')
  .pipe(z.email('emailInvalid'))
  .transform((e) => e.toLowerCase())

export const PasswordSchema = z
  .string({ error: 'required' })
  .min(1, 'required')
  .refine((s) => length(s) >= 12, 'passwordTooShort')
  .refine((s) => length(s) <= 128, 'passwordTooLong')

export const NameSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .refine((s) => length(s) <= 120, 'nameTooLong')

export const LanguageSchema = z.enum(['en', 'ar'], { error: 'invalidChoice' })

/** A new password typed twice. */
export const NewPasswordFields = {
  password: PasswordSchema,
  confirmPassword: z.string({ error: 'required' }).min(1, 'required'),
}

export function passwordsMatch(value: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: 'custom', message: 'passwordsDontMatch', path: ['confirmPassword'] })
  }
}
