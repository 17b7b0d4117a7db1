import { and, eq, gt, isNull } from 'drizzle-orm'
import { token, user, type Locale, type Role } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { consumeToken, createToken, findValidToken } from './token.server'
import { normalizeEmail } from './user.server'
import { recordAuditEvent } from '~/utils/audit.server'

export function createInvitation(input: {
  email: string
  role: Role
  parliamentId: number | null
  locale: Locale
  invitedById: number
}) {
  return createToken('invitation', {
    email: normalizeEmail(input.email),
    role: input.role,
    parliamentId: input.parliamentId,
    locale: input.locale,
    createdById: input.invitedById,
  })
}

/** Whether an unexpired, unused invitation is already waiting for this address. */
export function hasPendingInvitation(email: string, now = new Date()) {
  return Boolean(
    getDb()
      .select({ id: token.id })
      .from(token)
      .where(
        and(
          eq(token.kind, 'invitation'),
          eq(token.email, normalizeEmail(email)),
          isNull(token.usedAt),
          gt(token.expiresAt, now),
        ),
      )
      .get(),
  )
}

export type AcceptResult =
  { ok: true; user: typeof user.$inferSelect } | { ok: false; reason: 'invalid' | 'emailTaken' }

/** Uses the invitation and creates the account in one transaction: both happen or neither. */
export async function acceptInvitation(secret: string, input: { name: string; password: string }) {
  const passwordHash = await hashPassword(input.password)
  const db = getDb()
  return db.transaction((tx): AcceptResult => {
    const pending = findValidToken('invitation', secret, new Date(), tx)
    if (!pending) return { ok: false, reason: 'invalid' }
    const taken = tx.select({ id: user.id }).from(user).where(eq(user.email, pending.email)).get()
    if (taken) return { ok: false, reason: 'emailTaken' }
    const invitation = consumeToken('invitation', secret, new Date(), tx)
    if (!invitation) return { ok: false, reason: 'invalid' }
    const created = tx
      .insert(user)
      .values({
        email: invitation.email,
        name: input.name.trim(),
        role: invitation.role ?? 'member',
        parliamentId: invitation.parliamentId,
        locale: invitation.locale,
        passwordHash,
      })
      .returning()
      .get()
    recordAuditEvent(
      { actorId: created.id, action: 'invitation.accepted', targetType: 'user', targetId: created.id },
      tx,
    )
    return { ok: true, user: created }
  })
}
