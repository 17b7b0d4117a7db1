import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { parliament, token, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { acceptInvitation, createInvitation, hasPendingInvitation } from './invitation.server'
import { createUser, verifyLogin } from './user.server'

const PASSWORD = 'a long enough passphrase'

function userCount() {
  return getDb().select({ n: count() }).from(user).get()!.n
}

function addParliament(nameEn: string) {
  return getDb()
    .insert(parliament)
    .values({ kind: 'national', nameEn, nameAr: 'برلمان', region: 'africa', countryCode: 'KE' })
    .returning()
    .get()
}

let counter = 0
async function inviter() {
  counter += 1
  return createUser({
    email: `inviter-${counter}@example.org`,
    name: 'Inviter',
    password: PASSWORD,
    role: 'admin',
  })
}

describe('acceptInvitation', () => {
  it("creates the user with the invitation's role, parliament and locale, and uses the token", async () => {
    const admin = await inviter()
    const p = addParliament('Parliament of Kenya')
    const { secret, token: row } = createInvitation({
      email: '  New.Member@Example.ORG ',
      role: 'coordinator',
      parliamentId: p.id,
      locale: 'ar',
      invitedById: admin.id,
    })
    expect(row.email).toBe('new.member@example.org')
    expect(hasPendingInvitation('new.member@example.org')).toBe(true)

    const result = await acceptInvitation(secret, { name: '  Amina Noor  ', password: PASSWORD })

    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.user).toMatchObject({
      email: 'new.member@example.org',
      name: 'Amina Noor',
      role: 'coordinator',
      parliamentId: p.id,
      locale: 'ar',
      isActive: true,
    })
    expect(result.user.passwordHash).toMatch(/^\$argon2id\$/)
    expect((await verifyLogin('new.member@example.org', PASSWORD))?.id).toBe(result.user.id)

    const stored = getDb().select().from(token).where(eq(token.id, row.id)).get()
    expect(stored?.usedAt).toBeInstanceOf(Date)
    expect(hasPendingInvitation('new.member@example.org')).toBe(false)
  })

  it("fails with 'invalid' the second time, creating no second user", async () => {
    const admin = await inviter()
    const { secret } = createInvitation({
      email: 'twice@example.org',
      role: 'member',
      parliamentId: null,
      locale: 'en',
      invitedById: admin.id,
    })
    expect((await acceptInvitation(secret, { name: 'First', password: PASSWORD })).ok).toBe(true)
    const before = userCount()

    const second = await acceptInvitation(secret, { name: 'Second', password: 'another passphrase!' })

    expect(second).toEqual({ ok: false, reason: 'invalid' })
    expect(userCount()).toBe(before)
    expect(getDb().select().from(user).where(eq(user.email, 'twice@example.org')).get()?.name).toBe('First')
  })

  it("fails with 'invalid' for an unknown or malformed secret", async () => {
    const before = userCount()
    expect(await acceptInvitation('a'.repeat(32), { name: 'X', password: PASSWORD })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(await acceptInvitation('nope', { name: 'X', password: PASSWORD })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(userCount()).toBe(before)
  })

  it("returns 'emailTaken' when the address already has an account, and creates nothing", async () => {
    const admin = await inviter()
    const existing = await createUser({
      email: 'taken@example.org',
      name: 'Already Here',
      password: PASSWORD,
      role: 'member',
    })
    const { secret, token: row } = createInvitation({
      email: 'Taken@Example.org',
      role: 'admin',
      parliamentId: null,
      locale: 'ar',
      invitedById: admin.id,
    })
    const before = userCount()

    const result = await acceptInvitation(secret, { name: 'Impostor', password: 'another passphrase!' })

    expect(result).toEqual({ ok: false, reason: 'emailTaken' })
    expect(userCount()).toBe(before)
    // The existing account is untouched and the invitation was not used up.
    const stillThere = getDb().select().from(user).where(eq(user.id, existing.id)).get()
    expect(stillThere).toMatchObject({ name: 'Already Here', role: 'member', locale: 'en' })
    expect(getDb().select().from(token).where(eq(token.id, row.id)).get()?.usedAt).toBeNull()
  })
})
