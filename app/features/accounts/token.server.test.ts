import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { token } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { hashSecret } from '~/utils/secret.server'
import { TOKEN_LIFETIME, consumeToken, createToken, findValidToken } from './token.server'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

function storedRow(id: number) {
  return getDb().select().from(token).where(eq(token.id, id)).get()
}

describe('createToken', () => {
  it('stores only the hash of the secret', () => {
    const { secret, token: row } = createToken('invitation', { email: 'hash@example.org', role: 'member' })
    expect(secret).toMatch(/^[a-z2-7]{32}$/)
    expect(row.tokenHash).toBe(hashSecret(secret))
    expect(row.tokenHash).not.toBe(secret)
    const raw = getDb().$client.prepare('SELECT * FROM token').all()
    expect(JSON.stringify(raw)).not.toContain(secret)
  })

  it('keeps what the link is for', () => {
    const { token: row } = createToken('invitation', {
      email: 'fields@example.org',
      role: 'coordinator',
      locale: 'ar',
    })
    expect(storedRow(row.id)).toMatchObject({
      kind: 'invitation',
      email: 'fields@example.org',
      role: 'coordinator',
      locale: 'ar',
      usedAt: null,
    })
  })

  it('an invitation lasts 7 days and a password reset 1 hour', () => {
    expect(TOKEN_LIFETIME).toEqual({ invitation: 7 * DAY, password_reset: HOUR })
    const invitation = createToken('invitation', { email: 'seven@example.org' }).token
    const reset = createToken('password_reset', { email: 'hour@example.org' }).token
    // createdAt comes from the database clock in whole seconds, so allow one second either way.
    expect(Math.abs(invitation.expiresAt.getTime() - invitation.createdAt.getTime() - 7 * DAY)).toBeLessThanOrEqual(
      1000,
    )
    expect(Math.abs(reset.expiresAt.getTime() - reset.createdAt.getTime() - HOUR)).toBeLessThanOrEqual(1000)
  })

  it('counts the lifetime from the given time', () => {
    const now = new Date('2031-05-01T12:00:00Z')
    const { token: row } = createToken('password_reset', { email: 'clock@example.org' }, now)
    expect(row.expiresAt.toISOString()).toBe('2031-05-01T13:00:00.000Z')
  })
})

describe('findValidToken', () => {
  it('finds an unused, unexpired token by its secret, without using it', () => {
    const { secret, token: row } = createToken('invitation', { email: 'find@example.org' })
    expect(findValidToken('invitation', secret)?.id).toBe(row.id)
    expect(findValidToken('invitation', secret)?.id).toBe(row.id)
    expect(storedRow(row.id)?.usedAt).toBeNull()
  })

  it('does not find a token of another kind', () => {
    const { secret } = createToken('invitation', { email: 'kind@example.org' })
    expect(findValidToken('password_reset', secret)).toBeUndefined()
    expect(consumeToken('password_reset', secret)).toBeUndefined()
  })

  it('does not find an expired token', () => {
    const now = new Date()
    const { secret } = createToken('invitation', { email: 'old@example.org' }, now)
    expect(findValidToken('invitation', secret, new Date(now.getTime() + 7 * DAY - 60_000))).toBeDefined()
    expect(findValidToken('invitation', secret, new Date(now.getTime() + 7 * DAY + 1000))).toBeUndefined()
  })
})

describe('consumeToken', () => {
  it('succeeds once, then returns undefined (single use)', () => {
    const { secret, token: row } = createToken('password_reset', { email: 'once@example.org' })
    const first = consumeToken('password_reset', secret)
    expect(first?.id).toBe(row.id)
    expect(first?.usedAt).toBeInstanceOf(Date)
    expect(storedRow(row.id)?.usedAt).not.toBeNull()

    expect(consumeToken('password_reset', secret)).toBeUndefined()
    expect(findValidToken('password_reset', secret)).toBeUndefined()
  })

  it('cannot consume an expired token', () => {
    const now = new Date()
    const { secret, token: row } = createToken('password_reset', { email: 'late@example.org' }, now)
    const afterExpiry = new Date(now.getTime() + TOKEN_LIFETIME.password_reset + 1000)
    expect(consumeToken('password_reset', secret, afterExpiry)).toBeUndefined()
    expect(storedRow(row.id)?.usedAt).toBeNull()
  })

  it('can consume a token just before it expires', () => {
    const now = new Date()
    const { secret, token: row } = createToken('invitation', { email: 'intime@example.org' }, now)
    const justBefore = new Date(now.getTime() + TOKEN_LIFETIME.invitation - 60_000)
    expect(consumeToken('invitation', secret, justBefore)?.id).toBe(row.id)
  })

  it('returns undefined for a malformed or unknown secret', () => {
    createToken('invitation', { email: 'malformed@example.org' })
    for (const bad of ['', 'short', 'A'.repeat(32), '0'.repeat(32), "' OR 1=1 --"]) {
      expect(findValidToken('invitation', bad)).toBeUndefined()
      expect(consumeToken('invitation', bad)).toBeUndefined()
    }
    expect(consumeToken('invitation', 'a'.repeat(32))).toBeUndefined()
  })
})

describe('superseding', () => {
  it('a new reset link for an account voids its older ones (only the newest works), not other accounts’', () => {
    const older = createToken('password_reset', { email: 'super@example.org', userId: null })
    const other = createToken('password_reset', { email: 'someone-else@example.org' })
    const newer = createToken('password_reset', { email: 'super@example.org' })
    expect(findValidToken('password_reset', older.secret)).toBeUndefined()
    expect(consumeToken('password_reset', older.secret)).toBeUndefined()
    expect(findValidToken('password_reset', newer.secret)?.id).toBe(newer.token.id)
    expect(findValidToken('password_reset', other.secret)?.id).toBe(other.token.id)
  })

  it('a new invitation to an address voids the older invitation to it, and nothing of another kind', () => {
    const reset = createToken('password_reset', { email: 'twice-invited@example.org' })
    const older = createToken('invitation', { email: 'twice-invited@example.org', role: 'coordinator' })
    const newer = createToken('invitation', { email: 'twice-invited@example.org', role: 'member' })
    expect(findValidToken('invitation', older.secret)).toBeUndefined()
    expect(findValidToken('invitation', newer.secret)?.role).toBe('member')
    expect(findValidToken('password_reset', reset.secret)).toBeDefined()
  })
})
