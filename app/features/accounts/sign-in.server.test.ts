import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createSession, generateSessionToken, validateSessionToken } from '~/utils/session.server'
import { logout, recordFailedLogin, recordLogin } from './sign-in.server'
import { createUser } from './user.server'

const lastAudit = (action: string) =>
  getDb().select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.id)).get()
const tokenIn = (cookie: string) => /^session=([^;]*)/.exec(cookie)?.[1] ?? ''

let counter = 0
function account() {
  counter += 1
  return createUser({
    email: `signin-${counter}@example.org`,
    name: 'S',
    password: 'a long passphrase',
    role: 'member',
  })
}

describe('recordLogin', () => {
  it('starts a session and writes its audit row', async () => {
    const u = await account()
    const cookie = recordLogin(u.id)
    expect(validateSessionToken(tokenIn(cookie))?.user.id).toBe(u.id)
    expect(lastAudit('login')).toMatchObject({ actorId: u.id, targetType: 'user', targetId: String(u.id) })
  })
})

describe('recordFailedLogin', () => {
  it('writes an anonymous row under the address that was tried', () => {
    recordFailedLogin('nobody@example.org')
    expect(lastAudit('login.failed')).toMatchObject({
      actorId: null,
      targetType: 'email',
      targetId: 'nobody@example.org',
    })
  })
})

describe('logout', () => {
  it('ends the session of the request, audits it, and clears the cookie', async () => {
    const u = await account()
    const token = generateSessionToken()
    createSession(token, u.id)
    const cookie = logout(new Request('http://localhost/en/logout', { headers: { Cookie: `session=${token}` } }))
    expect(tokenIn(cookie)).toBe('')
    expect(validateSessionToken(token)).toBeNull()
    expect(lastAudit('logout')).toMatchObject({ actorId: u.id, targetType: 'user', targetId: String(u.id) })
  })

  it('records nothing for a visitor without a session', () => {
    const before = lastAudit('logout')?.id
    logout(new Request('http://localhost/en/logout'))
    expect(lastAudit('logout')?.id).toBe(before)
  })
})
