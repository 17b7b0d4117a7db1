import { count, desc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { auditEvent, outbox, parliament, token, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { acceptInvitation, createInvitation, hasPendingInvitation, inviteUser } from './invitation.server'
import { createUser, verifyLogin } from './user.server'

const PASSWORD = 'a long enough passphrase'

const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()
afterEach(() => getDb().$client.exec('DROP TRIGGER IF EXISTS fail_outbox'))

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
    expect(result.value).toMatchObject({
      email: 'new.member@example.org',
      name: 'Amina Noor',
      role: 'coordinator',
      parliamentId: p.id,
      locale: 'ar',
      isActive: true,
    })
    expect(result.value.passwordHash).toMatch(/^\$argon2id\$/)
    expect((await verifyLogin('new.member@example.org', PASSWORD))?.id).toBe(result.value.id)

    expect(lastAudit()).toMatchObject({
      actorId: result.value.id,
      action: 'invitation.accepted',
      targetType: 'user',
      targetId: String(result.value.id),
    })
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

    expect(second).toEqual({ ok: false, error: 'invalid' })
    expect(userCount()).toBe(before)
    expect(getDb().select().from(user).where(eq(user.email, 'twice@example.org')).get()?.name).toBe('First')
  })

  it("fails with 'invalid' for an unknown or malformed secret", async () => {
    const before = userCount()
    expect(await acceptInvitation('a'.repeat(32), { name: 'X', password: PASSWORD })).toEqual({
      ok: false,
      error: 'invalid',
    })
    expect(await acceptInvitation('nope', { name: 'X', password: PASSWORD })).toEqual({
      ok: false,
      error: 'invalid',
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

    expect(result).toEqual({ ok: false, error: 'emailTaken' })
    expect(userCount()).toBe(before)
    // The existing account is untouched and the invitation was not used up.
    const stillThere = getDb().select().from(user).where(eq(user.id, existing.id)).get()
    expect(stillThere).toMatchObject({ name: 'Already Here', role: 'member', locale: 'en' })
    expect(getDb().select().from(token).where(eq(token.id, row.id)).get()?.usedAt).toBeNull()
  })
})

describe('inviteUser', () => {
  it('stores the invitation, its audit row and its mail, in the invitation’s language', async () => {
    const admin = await inviter()
    inviteUser({ email: 'Invitee@Example.org', role: 'coordinator', parliamentId: null, locale: 'ar' }, admin)

    expect(hasPendingInvitation('invitee@example.org')).toBe(true)
    const row = getDb().select().from(token).where(eq(token.email, 'invitee@example.org')).get()!
    expect(lastAudit()).toMatchObject({
      actorId: admin.id,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: String(row.id),
      details: JSON.stringify({ email: 'Invitee@Example.org', role: 'coordinator', parliamentId: null }),
    })
    const mail = getDb().select().from(outbox).where(eq(outbox.toAddress, 'Invitee@Example.org')).get()
    expect(mail).toMatchObject({ locale: 'ar', subject: 'دعوتك إلى الانضمام إلى الشبكة البرلمانية العالمية' })
    expect(mail?.textBody).toMatch(/\/ar\/invitations\/[a-z2-7]{32}/)
  })

  it('leaves no invitation and no audit row when its mail cannot be queued', async () => {
    const admin = await inviter()
    const audits = getDb().select({ n: count() }).from(auditEvent).get()!.n
    getDb().$client.exec(
      "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'no outbox'); END",
    )
    expect(() =>
      inviteUser({ email: 'lost@example.org', role: 'member', parliamentId: null, locale: 'en' }, admin),
    ).toThrow('no outbox')
    expect(hasPendingInvitation('lost@example.org')).toBe(false)
    expect(getDb().select({ n: count() }).from(auditEvent).get()!.n).toBe(audits)
  })
})
