import { and, count, desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, outbox, session, token } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createSession, generateSessionToken, validateSessionToken } from '~/utils/session.server'
import { requestPasswordReset, resetPassword } from './password-reset.server'
import { createToken, findValidToken } from './token.server'
import { changePassword, createUser, setUserActive, verifyLogin } from './user.server'

const OLD = 'the old passphrase 1'
const NEW = 'the new passphrase 2'
const refused = { ok: false, error: 'linkInvalid' }

let counter = 0
async function userWithReset() {
  counter += 1
  const u = await createUser({ email: `reset-${counter}@example.org`, name: 'Resetter', password: OLD, role: 'member' })
  const { secret, token: row } = createToken('password_reset', { email: u.email, userId: u.id })
  return { u, secret, row }
}

const auditsOf = (action: string, userId: number) =>
  getDb()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.targetId, String(userId))))
    .orderBy(desc(auditEvent.id))
    .all()

function sessionCount(userId: number) {
  return getDb().select({ n: count() }).from(session).where(eq(session.userId, userId)).get()!.n
}

describe('resetPassword', () => {
  it('sets the new password: the new one signs in, the old one no longer does', async () => {
    const { u, secret } = await userWithReset()
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)

    expect(await resetPassword(secret, NEW)).toEqual({ ok: true, value: u.id })

    expect((await verifyLogin(u.email, NEW))?.id).toBe(u.id)
    expect(await verifyLogin(u.email, OLD)).toBeNull()
    expect(auditsOf('password.reset', u.id)).toMatchObject([{ actorId: u.id, targetType: 'user', details: null }])
  })

  it('is single use', async () => {
    const { u, secret, row } = await userWithReset()
    expect(await resetPassword(secret, NEW)).toEqual({ ok: true, value: u.id })

    expect(await resetPassword(secret, 'a third passphrase 3')).toEqual(refused)

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

    expect(await resetPassword(secret, NEW)).toEqual(refused)
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)
    expect(auditsOf('password.reset', u.id)).toEqual([])
  })

  it('does not accept an invitation secret as a reset link', async () => {
    const u = await createUser({ email: 'wrong-kind@example.org', name: 'W', password: OLD, role: 'member' })
    const { secret } = createToken('invitation', { email: u.email, userId: u.id })
    expect(await resetPassword(secret, NEW)).toEqual(refused)
    expect((await verifyLogin(u.email, OLD))?.id).toBe(u.id)
  })
})

describe('requestPasswordReset', () => {
  const mailsTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.toAddress, email)).all()

  it('stores a link for an active account, with its audit row and its mail in the account’s language', async () => {
    const u = await createUser({ email: 'ask@example.org', name: 'A', password: OLD, role: 'member', locale: 'ar' })

    await requestPasswordReset('ask@example.org')

    expect(auditsOf('password.reset_requested', u.id)).toMatchObject([{ actorId: null, targetType: 'user' }])
    const [mail] = mailsTo(u.email)
    expect(mail).toMatchObject({ locale: 'ar', subject: 'تعيين كلمة مرور جديدة لحسابك في بارلنت' })
    const secret = /\/ar\/reset-password\/([a-z2-7]{32})/.exec(mail!.textBody)![1]!
    expect(findValidToken('password_reset', secret)?.userId).toBe(u.id)
  })

  it('does nothing for an unknown address or a deactivated account', async () => {
    const u = await createUser({ email: 'gone@example.org', name: 'G', password: OLD, role: 'member' })
    setUserActive(u.id, false)
    const before = getDb().select({ n: count() }).from(token).get()!.n

    await requestPasswordReset('gone@example.org')
    await requestPasswordReset('nobody-here@example.org')

    expect(getDb().select({ n: count() }).from(token).get()!.n).toBe(before)
    expect(auditsOf('password.reset_requested', u.id)).toEqual([])
    expect(mailsTo('gone@example.org')).toEqual([])
    expect(mailsTo('nobody-here@example.org')).toEqual([])
  })
})

describe('reset links die with a password change', () => {
  // Two links outstanding at once, as when a mail was sent long ago and kept (an older one, made before the
  // newer ones superseded it on creation, is written straight to the table here).
  function secondLink(u: { id: number; email: string }) {
    const { secret, token: row } = createToken('password_reset', { email: u.email, userId: u.id })
    getDb().update(token).set({ usedAt: null }).where(eq(token.userId, u.id)).run()
    return { secret, row }
  }

  it('using one reset link voids every other outstanding link of the account', async () => {
    const { u, secret: first } = await userWithReset()
    const { secret: second } = secondLink(u)
    expect(findValidToken('password_reset', first)).toBeDefined()

    expect(await resetPassword(second, NEW)).toEqual({ ok: true, value: u.id })

    expect(findValidToken('password_reset', first)).toBeUndefined()
    expect(await resetPassword(first, 'an attacker passphrase')).toEqual(refused)
    expect((await verifyLogin(u.email, NEW))?.id).toBe(u.id)
  })

  it('changing the password voids every outstanding reset link, and only that account’s', async () => {
    const { u, secret } = await userWithReset()
    const { secret: second } = secondLink(u)
    const bystander = await userWithReset()

    await changePassword(u.id, NEW)

    for (const s of [secret, second]) expect(await resetPassword(s, 'an attacker passphrase')).toEqual(refused)
    expect((await verifyLogin(u.email, NEW))?.id).toBe(u.id)
    expect(findValidToken('password_reset', bystander.secret)).toBeDefined()
  })

  it('deactivating an account voids its reset links and the invitations it sent', async () => {
    const { u, secret } = await userWithReset()
    const invitation = createToken('invitation', { email: 'invited-by-leaver@example.org', createdById: u.id })
    const bystander = await userWithReset()
    const othersInvitation = createToken('invitation', {
      email: 'invited-by-other@example.org',
      createdById: bystander.u.id,
    })

    expect(setUserActive(u.id, false)).toBe(true)

    expect(findValidToken('password_reset', secret)).toBeUndefined()
    expect(findValidToken('invitation', invitation.secret)).toBeUndefined()
    // Reactivating does not bring the old links back.
    setUserActive(u.id, true)
    expect(findValidToken('password_reset', secret)).toBeUndefined()
    expect(findValidToken('invitation', othersInvitation.secret)).toBeDefined()
    expect(findValidToken('password_reset', bystander.secret)).toBeDefined()
  })
})
