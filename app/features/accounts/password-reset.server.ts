import { and, eq } from 'drizzle-orm'
import { user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { invalidateUserSessions } from '~/utils/session.server'
import { consumeToken, voidAccountTokens } from './token.server'
import { recordAuditEvent } from '~/utils/audit.server'

/**
 * Uses the reset link, sets the password and records it in the audit log in one transaction; voids the account's other reset links and ends
 * every session of the account.
 */
export async function resetPassword(secret: string, password: string) {
  const passwordHash = await hashPassword(password)
  const userId = getDb().transaction((tx) => {
    const now = new Date()
    const reset = consumeToken('password_reset', secret, now, tx)
    if (!reset?.userId) return null
    // Any other link mailed to this account dies with this one: an older mail left in an inbox is no way in.
    voidAccountTokens(reset.userId, {}, now, tx)
    // A deactivated account keeps its password: the link is spent, nothing else changes.
    const updated = tx
      .update(user)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(user.id, reset.userId), eq(user.isActive, true)))
      .returning({ id: user.id })
      .get()
    if (updated)
      recordAuditEvent({ actorId: updated.id, action: 'password.reset', targetType: 'user', targetId: updated.id }, tx)
    return updated?.id ?? null
  })
  if (userId) invalidateUserSessions(userId)
  return userId
}
