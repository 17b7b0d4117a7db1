import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { session, token } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createSession, generateSessionToken, validateSessionToken } from '~/utils/session.server'
import { resetPassword } from './password-reset.server'
import { createToken } from './token.server'
import { createUser, verifyLogin } from './user.server'

const OLD = 'the old passphrase 1'
const NEW = 'the new passphrase 2'

let counter = 0
async function userWithReset() {
  counter += 1
  const u = await createUser({ email: `reset-${counter}@example.org`, name: 'Resetter', password: OLD, role: 'member' })
  const { secret, token: row } = createToken('password_reset', { email: u.email, userId: u.id })
  return { u, secret, row }
}

function sessionCount(userId: number) {
  return getDb().select({ n: count() }).from(session).where(eq(session.userId, userId)).get()!.n
}

describe('resetPassword', () => {
  it('sets the new password: the new one signs in, the old one no longer does', async () => {
    const { u, secret } = await userWithReset()
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)

    expect(await resetPassword(secret, NEW)).toBe(u.id)

    expect((await verifyLogin(u.email, NEW))?.id).toBe(u.id)
    expect(await verifyLogin(u.email, OLD)).toBeNull()
  })

  it('is single use', async () => {
    const { u, secret, row } = await userWithReset()
    expect(await resetPassword(secret, NEW)).toBe(u.id)

    expect(await resetPassword(secret, 'a third passphrase 3')).toBeNull()

    expect((await verifyLogin(u.email, NEW))?.id).toBe(u.id)
    expect(await verifyLogin(u.email, 'a third passphrase 3')).toBeNull()
    expect(getDb().select().from(token).where(eq(token.id, row.id)).get()?.usedAt).toBeInstanceOf(Date)
  })

  it("ends every session of the user, and only that user's", async () => {
    const { u, secret } = await userWithReset()
    const other = await createUser({ email: 'bystander@example.org', name: 'B', password: OLD, role: 'member' })
    const tokens = [generateSessionToken(), generateSessionToken()]
    for (const t of tokens) createSession(t, u.id)
    const otherToken = generateSessionToken()
    createSession(otherToken, other.id)
    expect(sessionCount(u.id)).toBe(2)

    await resetPassword(secret, NEW)

    expect(sessionCount(u.id)).toBe(0)
    for (const t of tokens) expect(validateSessionToken(t)).toBeNull()
    expect(validateSessionToken(otherToken)?.user.id).toBe(other.id)
  })

  it('refuses an expired link and keeps the old password', async () => {
    const u = await createUser({ email: 'expired-reset@example.org', name: 'E', password: OLD, role: 'member' })
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    const { secret } = createToken('password_reset', { email: u.email, userId: u.id }, twoHoursAgo)

    expect(await resetPassword(secret, NEW)).toBeNull()
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)
  })

  it('does not accept an invitation secret as a reset link', async () => {
    const u = await createUser({ email: 'wrong-kind@example.org', name: 'W', password: OLD, role: 'member' })
    const { secret } = createToken('invitation', { email: u.email, userId: u.id })
    expect(await resetPassword(secret, NEW)).toBeNull()
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)
  })
})
