import { describe, expect, it } from 'vitest'
import type { z } from '~/utils/zod'
import arCommon from '#locales/ar/common.json'
import enCommon from '#locales/en/common.json'
import { EmailSchema, LanguageSchema, NameSchema, PasswordSchema, emailProblem, isEmailAddress } from './common'

/** The messages of a failed parse (fails the test if it succeeds). */
function messages(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  expect(result.success, `expected ${JSON.stringify(value)} to be refused`).toBe(false)
  return result.error!.issues.map((i) => i.message)
}

describe('PasswordSchema', () => {
  it('counts code points: 12 Arabic letters pass, 11 do not', () => {
    expect(PasswordSchema.safeParse('ب'.repeat(12)).success).toBe(true)
    expect(messages(PasswordSchema, 'ب'.repeat(11))).toEqual(['passwordTooShort'])
  })

  it('counts an emoji as one character, not two UTF-16 units', () => {
    expect('🔐'.repeat(11).length).toBe(22)
    expect(messages(PasswordSchema, '🔐'.repeat(11))).toEqual(['passwordTooShort'])
    expect(PasswordSchema.safeParse('🔐'.repeat(12)).success).toBe(true)
  })

  it('accepts 128 characters and refuses 129', () => {
    expect(PasswordSchema.safeParse('x'.repeat(128)).success).toBe(true)
    expect(messages(PasswordSchema, 'x'.repeat(129))).toEqual(['passwordTooLong'])
    expect(messages(PasswordSchema, 'ش'.repeat(129))).toEqual(['passwordTooLong'])
  })

  it('keeps the password as typed (no trimming)', () => {
    expect(PasswordSchema.parse('  twelve chars  ')).toBe('  twelve chars  ')
  })

  it('requires a value', () => {
    expect(messages(PasswordSchema, '')).toContain('required')
    expect(messages(PasswordSchema, undefined)).toEqual(['required'])
  })
})

describe('EmailSchema', () => {
  it('trims and lower-cases', () => {
    expect(EmailSchema.parse('  Amina.Noor@Parliament.EXAMPLE.org \n')).toBe('amina.noor@parliament.example.org')
  })

  it.each(['not-an-email', 'name@', '@example.org', 'name@example', 'a b@example.org', 'name@@example.org'])(
    'refuses %j',
    (value) => {
      expect(messages(EmailSchema, value)).toEqual(['emailInvalid'])
    },
  )

  it('accepts 254 characters and refuses 255', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(5)}.org` // 191 characters
    const email254 = `${'a'.repeat(254 - domain.length - 1)}@${domain}`
    expect(email254).toHaveLength(254)
    expect(EmailSchema.safeParse(email254).success).toBe(true)
    expect(messages(EmailSchema, `a${email254}`)).toEqual(['emailTooLong'])
  })

  it('accepts 64 characters before the @ and refuses 65 (RFC 5321)', () => {
    expect(EmailSchema.safeParse(`${'a'.repeat(64)}@example.org`).success).toBe(true)
    expect(messages(EmailSchema, `${'a'.repeat(65)}@example.org`)).toEqual(['emailLocalTooLong'])
    expect(emailProblem(`${'ب'.repeat(65)}@example.org`)).toBe('emailLocalTooLong')
    expect(isEmailAddress(`${'a'.repeat(65)}@example.org`)).toBe(false)
  })

  it('refuses a NUL in an address', () => {
    expect(messages(EmailSchema, 'amina\u0000@example.org')).toEqual(['emailInvalid'])
  })

  it('requires a value', () => {
    expect(messages(EmailSchema, '   ')).toEqual(['required'])
    expect(messages(EmailSchema, undefined)).toEqual(['required'])
  })
})

describe('error messages', () => {
  it('are translation keys under validation. in both languages', () => {
    const produced = new Set([
      ...messages(PasswordSchema, ''),
      ...messages(PasswordSchema, 'short'),
      ...messages(PasswordSchema, 'x'.repeat(129)),
      ...messages(PasswordSchema, 42),
      ...messages(EmailSchema, ''),
      ...messages(EmailSchema, 'nope'),
      ...messages(EmailSchema, `${'a'.repeat(250)}@example.org`),
      ...messages(EmailSchema, null),
      ...messages(NameSchema, ' '),
      ...messages(NameSchema, 'n'.repeat(121)),
      ...messages(LanguageSchema, 'fr'),
    ])
    expect([...produced].sort()).toEqual(
      [
        'emailInvalid',
        'emailTooLong',
        'invalidChoice',
        'nameTooLong',
        'passwordTooLong',
        'passwordTooShort',
        'required',
      ].sort(),
    )
    for (const key of produced) {
      expect(enCommon.validation, `en validation.${key}`).toHaveProperty([key])
      expect(arCommon.validation, `ar validation.${key}`).toHaveProperty([key])
    }
  })
})
