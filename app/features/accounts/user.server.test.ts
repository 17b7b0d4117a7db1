import { desc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { auditEvent, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createUser, getUserById, updateProfile } from './user.server'

const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()
const member = (email: string, name: string) =>
  createUser({ email, name, password: 'a long passphrase', role: 'member' })
afterEach(() => getDb().$client.exec('DROP TRIGGER IF EXISTS fail_audit'))

describe('updateProfile', () => {
  it('saves the name and language with their audit row', async () => {
    const u = await member('profile@example.org', 'Old')
    updateProfile(u.id, { name: '  New Name ', locale: 'ar' })
    expect(getUserById(u.id)).toMatchObject({ name: 'New Name', locale: 'ar' })
    expect(lastAudit()).toMatchObject({
      actorId: u.id,
      action: 'profile.updated',
      targetType: 'user',
      targetId: String(u.id),
      details: null,
    })
  })

  it('changes nothing when its audit row cannot be written', async () => {
    const u = await member('profile-2@example.org', 'Kept')
    getDb().$client.exec(
      "CREATE TRIGGER fail_audit BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'no audit'); END",
    )
    expect(() => updateProfile(u.id, { name: 'Lost', locale: 'ar' })).toThrow('no audit')
    expect(getDb().select().from(user).where(eq(user.id, u.id)).get()).toMatchObject({ name: 'Kept', locale: 'en' })
  })
})
