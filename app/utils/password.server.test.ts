import { describe, expect, it } from 'vitest'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.server'

describe('hashPassword', () => {
  it('makes an argon2id hash with m=19456, t=2, p=1', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash.startsWith('$argon2id$')).toBe(true)
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
    expect(hash).not.toContain('correct horse')
  })

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')])
    expect(a).not.toBe(b)
  })
})

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true)
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false)
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false)
    expect(await verifyPassword(hash, '')).toBe(false)
  })

  it('works with Arabic and emoji passwords', async () => {
    const arabic = 'كلمة المرور السرية للبرلمان'
    const emoji = '🔐🏛️ parliament 🌍✨'
    const arabicHash = await hashPassword(arabic)
    const emojiHash = await hashPassword(emoji)
    expect(await verifyPassword(arabicHash, arabic)).toBe(true)
    expect(await verifyPassword(arabicHash, 'كلمة المرور السرية للبرلمانن')).toBe(false)
    expect(await verifyPassword(emojiHash, emoji)).toBe(true)
    expect(await verifyPassword(emojiHash, '🔐🏛️ parliament 🌎✨')).toBe(false)
  })

  it('treats the NFC and NFD forms of a password as the same password', async () => {
    const nfc = 'Café crème brûlée 2024'.normalize('NFC')
    const nfd = nfc.normalize('NFD')
    expect(nfc).not.toBe(nfd) // the test means something only if the forms differ
    expect(await verifyPassword(await hashPassword(nfc), nfd)).toBe(true)
    expect(await verifyPassword(await hashPassword(nfd), nfc)).toBe(true)
  })

  it('returns false, not an error, for a hash that is not a hash', async () => {
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false)
    expect(await verifyPassword('', 'anything at all')).toBe(false)
  })
})

describe('verifyAgainstDummy', () => {
  it('always says no', async () => {
    expect(await verifyAgainstDummy('dummy password for timing')).toBe(false)
    expect(await verifyAgainstDummy('whatever')).toBe(false)
  })
})
