import { z } from '~/utils/zod'
import { hasNul, requiredText } from './text'

// Messages are translation keys under `validation.` in locales/*/common.json.

/** Counts characters as people do (code points), so an Arabic or emoji password is measured fairly. */
const length = (s: string) => [...s].length

/** The longest address SMTP carries (RFC 5321 §4.5.3.1): 64 characters before the @, 254 in all. */
export const MAX_EMAIL_LENGTH = 254
export const MAX_EMAIL_LOCAL_LENGTH = 64

/**
 * Why an e-mail address is refused (a message key), or null when it is one SMTP can deliver to. The one rule for
 * every address the portal takes: sign-in, invitations, resets, profiles and Popolo imports.
 */
export function emailProblem(value: string): 'emailTooLong' | 'emailLocalTooLong' | 'emailInvalid' | null {
  if (value.length > MAX_EMAIL_LENGTH) return 'emailTooLong'
  const at = value.lastIndexOf('@')
  if (at > MAX_EMAIL_LOCAL_LENGTH) return 'emailLocalTooLong'
  return z.email().safeParse(value).success ? null : 'emailInvalid'
}

export const isEmailAddress = (value: string) => emailProblem(value) === null

export const EmailSchema = z
  .string({ error: 'required' })
  .trim()
  .min(1, { message: 'required', abort: true })
  .superRefine((value, ctx) => {
    const problem = emailProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .transform((e) => e.toLowerCase())

export const PasswordSchema = z
  .string({ error: 'required' })
  .min(1, 'required')
  .refine((s) => !hasNul(s), { message: 'invalidCharacters', abort: true })
  .refine((s) => length(s) >= 12, 'passwordTooShort')
  .refine((s) => length(s) <= 128, 'passwordTooLong')

export const NameSchema = requiredText(1000).refine((s) => length(s) <= 120, 'nameTooLong')

export const LanguageSchema = z.enum(['en', 'ar'], { error: 'invalidChoice' })

/** A new password typed twice. */
export const NewPasswordFields = {
  password: PasswordSchema,
  confirmPassword: z
    .string({ error: 'required' })
    .min(1, 'required')
    .refine((s) => !hasNul(s), 'invalidCharacters'),
}

export function passwordsMatch(value: { password: string; confirmPassword: string }, ctx: z.RefinementCtx) {
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: 'custom', message: 'passwordsDontMatch', path: ['confirmPassword'] })
  }
}
