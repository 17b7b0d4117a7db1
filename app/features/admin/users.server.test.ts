import { count, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, user } from '#db/schema/index'
import { createUser } from '~/features/accounts/user.server'
import { getDb } from '~/utils/db.server'
import { createSession, generateSessionToken, validateSessionToken } from '~/utils/session.server'
import { changeUserActive, changeUserRole } from './users.server'

const audits = () => getDb().select({ n: count() }).from(auditEvent).get()!.n
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()
const stored = (id: number) => getDb().select().from(user).where(eq(user.id, id)).get()!

let counter = 0
function account(role: 'member' | 'admin' = 'member') {
  counter += 1
  return createUser({ email: `managed-${counter}@example.org`, name: 'M', password: 'a long passphrase', role })
}
function signedIn(userId: number) {
  const token = generateSessionToken()
  createSession(token, userId)
  return token
}

describe('changeUserRole', () => {
  it('changes the role with its audit row, and the account must sign in again', async () => {
    const [admin, u] = [await account('admin'), await account()]
    const token = signedIn(u.id)

    expect(changeUserRole(admin, u.id, 'coordinator')).toEqual({ ok: true, value: { changed: true } })

    expect(stored(u.id).role).toBe('coordinator')
    expect(validateSessionToken(token)).toBeNull()
    expect(lastAudit()).toMatchObject({
      actorId: admin.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: String(u.id),
      details: JSON.stringify({ from: 'member', to: 'coordinator' }),
    })
  })

  it('records nothing when the role is the one the account has', async () => {
    const [admin, u] = [await account('admin'), await account()]
    const before = audits()
    expect(changeUserRole(admin, u.id, 'member')).toEqual({ ok: true, value: { changed: false } })
    expect(audits()).toBe(before)
  })

  it('refuses an unknown account and an admin demoting themselves, writing nothing', async () => {
    const admin = await account('admin')
    const before = audits()
    expect(changeUserRole(admin, 999_999, 'member')).toEqual({ ok: false, error: 'userNotFound' })
    expect(changeUserRole(admin, admin.id, 'coordinator')).toEqual({ ok: false, error: 'notYourself' })
    expect(stored(admin.id).role).toBe('admin')
    expect(audits()).toBe(before)
    // Keeping their own admin role is no change, and allowed.
    expect(changeUserRole(admin, admin.id, 'admin')).toEqual({ ok: true, value: { changed: false } })
  })
})

describe('changeUserActive', () => {
  it('deactivates with its audit row and ends the sessions; reactivates with its own', async () => {
    const [admin, u] = [await account('admin'), await account()]
    const token = signedIn(u.id)

    expect(changeUserActive(admin, u.id, false)).toEqual({ ok: true, value: undefined })
    expect(stored(u.id).isActive).toBe(false)
    expect(validateSessionToken(token)).toBeNull()
    expect(lastAudit()).toMatchObject({ actorId: admin.id, action: 'user.deactivated', targetId: String(u.id) })

    expect(changeUserActive(admin, u.id, true).ok).toBe(true)
    expect(stored(u.id).isActive).toBe(true)
    expect(lastAudit()).toMatchObject({ actorId: admin.id, action: 'user.reactivated', targetId: String(u.id) })
  })

  it('refuses an unknown account and an admin locking themselves out, writing nothing', async () => {
    const admin = await account('admin')
    const before = audits()
    expect(changeUserActive(admin, 999_999, false)).toEqual({ ok: false, error: 'userNotFound' })
    expect(changeUserActive(admin, admin.id, false)).toEqual({ ok: false, error: 'notYourself' })
    expect(stored(admin.id).isActive).toBe(true)
    expect(audits()).toBe(before)
  })
})
