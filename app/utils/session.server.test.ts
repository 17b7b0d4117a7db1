import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { session, user } from '#db/schema/index'
import { changePassword, createUser, setUserActive, setUserRole } from '~/features/accounts/user.server'
import { getDb } from './db.server'
import { hashSecret } from './secret.server'
import {
  SESSION_LIFETIME,
  createSession,
  generateSessionToken,
  invalidateUserSessions,
  validateSessionToken,
} from './session.server'

const DAY = 24 * 60 * 60 * 1000

let counter = 0
function newUser(role: 'member' | 'coordinator' | 'admin' = 'member') {
  counter += 1
  return createUser({
    email: `session-${counter}@example.org`,
    name: `Session User ${counter}`,
    password: 'correct horse battery staple',
    role,
  })
}

function sessionRows(userId: number) {
  return getDb().select().from(session).where(eq(session.userId, userId)).all()
}

function startSession(userId: number, now = new Date()) {
  const token = generateSessionToken()
  createSession(token, userId, now)
  return token
}

describe('createSession', () => {
  it('stores only the SHA-256 hex of the token', async () => {
    const u = await newUser()
    const token = generateSessionToken()
    const row = createSession(token, u.id)

    expect(token).toMatch(/^[a-z2-7]{32}$/)
    expect(row.id).not.toBe(token)
    expect(row.id).toBe(hashSecret(token))
    expect(row.id).toMatch(/^[0-9a-f]{64}$/)

    const stored = sessionRows(u.id)
    expect(stored.map((s) => s.id)).toEqual([hashSecret(token)])

    // The raw token appears nowhere in the table, in any column.
    const raw = getDb().$client.prepare('SELECT * FROM session').all()
    expect(JSON.stringify(raw)).not.toContain(token)
  })

  it('expires 30 days after it starts', async () => {
    const u = await newUser()
    const now = new Date('2030-01-01T00:00:00Z')
    const row = createSession(generateSessionToken(), u.id, now)
    expect(row.expiresAt.getTime() - now.getTime()).toBe(30 * DAY)
    expect(SESSION_LIFETIME).toBe(30 * DAY)
  })
})

describe('validateSessionToken', () => {
  it('returns the user of a fresh token, without renewing it', async () => {
    const u = await newUser('coordinator')
    const token = startSession(u.id)
    const result = validateSessionToken(token)
    expect(result).not.toBeNull()
    expect(result!.user).toEqual({
      id: u.id,
      email: u.email,
      name: u.name,
      role: 'coordinator',
      locale: 'en',
      parliamentId: null,
    })
    expect(result!.session.id).toBe(hashSecret(token))
    expect(result!.renewed).toBe(false)
  })

  it('returns null for a garbage token', () => {
    expect(validateSessionToken('')).toBeNull()
    expect(validateSessionToken('not a token')).toBeNull()
    expect(validateSessionToken('A'.repeat(32))).toBeNull()
    expect(validateSessionToken("' OR 1=1 --")).toBeNull()
  })

  it('returns null for a well-formed token that has no session', async () => {
    const u = await newUser()
    startSession(u.id)
    expect(validateSessionToken(generateSessionToken())).toBeNull()
  })

  it('refuses an expired session and deletes its row', async () => {
    const u = await newUser()
    const start = new Date()
    const token = startSession(u.id, start)
    expect(sessionRows(u.id)).toHaveLength(1)

    const later = new Date(start.getTime() + 30 * DAY + 60_000)
    expect(validateSessionToken(token, later)).toBeNull()
    expect(sessionRows(u.id)).toHaveLength(0)
    // Gone for good, even at a time it would have been valid.
    expect(validateSessionToken(token, start)).toBeNull()
  })

  it('renews when under 15 days remain', async () => {
    const u = await newUser()
    const start = new Date()
    const token = startSession(u.id, start)

    const now = new Date(start.getTime() + 16 * DAY) // 14 days left
    const result = validateSessionToken(token, now)
    expect(result?.renewed).toBe(true)
    expect(result!.session.expiresAt.getTime()).toBe(now.getTime() + 30 * DAY)

    // The database holds the new expiry (timestamps are stored in whole seconds).
    const [stored] = sessionRows(u.id)
    expect(Math.abs(stored!.expiresAt.getTime() - (now.getTime() + 30 * DAY))).toBeLessThan(1000)

    // Renewed once; right after, plenty remains, so no second renewal.
    expect(validateSessionToken(token, now)?.renewed).toBe(false)
  })

  it('does not renew when more than 15 days remain', async () => {
    const u = await newUser()
    const start = new Date()
    const token = startSession(u.id, start)
    const originalExpiry = sessionRows(u.id)[0]!.expiresAt.getTime()

    const result = validateSessionToken(token, new Date(start.getTime() + 14 * DAY)) // 16 days left
    expect(result?.renewed).toBe(false)
    expect(sessionRows(u.id)[0]!.expiresAt.getTime()).toBe(originalExpiry)
  })

  it("refuses a deactivated user's session and deletes it", async () => {
    const u = await newUser()
    const token = startSession(u.id)
    // Deactivate behind the model's back, so only validateSessionToken's own check can refuse it.
    getDb().update(user).set({ isActive: false }).where(eq(user.id, u.id)).run()
    expect(sessionRows(u.id)).toHaveLength(1)

    expect(validateSessionToken(token)).toBeNull()
    expect(sessionRows(u.id)).toHaveLength(0)
  })

  it('setUserActive(false) ends the sessions of the account', async () => {
    const u = await newUser()
    const token = startSession(u.id)
    expect(setUserActive(u.id, false)).toBe(true)
    expect(sessionRows(u.id)).toHaveLength(0)
    expect(validateSessionToken(token)).toBeNull()
  })
})

describe('ending sessions', () => {
  it('invalidateUserSessions ends every session of that user only', async () => {
    const u = await newUser()
    const other = await newUser()
    const tokens = [startSession(u.id), startSession(u.id), startSession(u.id)]
    const otherToken = startSession(other.id)
    expect(sessionRows(u.id)).toHaveLength(3)

    invalidateUserSessions(u.id)

    expect(sessionRows(u.id)).toHaveLength(0)
    for (const t of tokens) expect(validateSessionToken(t)).toBeNull()
    expect(validateSessionToken(otherToken)?.user.id).toBe(other.id)
  })

  it("changePassword ends all the user's sessions", async () => {
    const u = await newUser()
    const other = await newUser()
    const tokens = [startSession(u.id), startSession(u.id)]
    const otherToken = startSession(other.id)

    await changePassword(u.id, 'a brand new passphrase')

    expect(sessionRows(u.id)).toHaveLength(0)
    for (const t of tokens) expect(validateSessionToken(t)).toBeNull()
    expect(validateSessionToken(otherToken)?.user.id).toBe(other.id)
  })

  it("setUserRole ends all the user's sessions and the role is changed", async () => {
    const u = await newUser('member')
    const tokens = [startSession(u.id), startSession(u.id)]

    expect(setUserRole(u.id, 'coordinator')).toBe(true)

    expect(sessionRows(u.id)).toHaveLength(0)
    for (const t of tokens) expect(validateSessionToken(t)).toBeNull()
    // A new sign-in sees the new role.
    expect(validateSessionToken(startSession(u.id))?.user.role).toBe('coordinator')
  })
})
