import { and, eq } from 'drizzle-orm'
import { user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'
import { invalidateUserSessions } from '~/utils/session.server'
import { consumeToken } from './token.server'

/** Uses the reset link and sets the password in one transaction; ends every session of the account. */
export async function resetPassword(secret: string, password: string) {
  const passwordHash = await hashPassword(password)
  const userId = getDb().transaction((tx) => {
    const reset = consumeToken('password_reset', secret, new Date(), tx)
    if (!reset?.userId) return null
    // A deactivated account keeps its password: the link is spent, nothing else changes.
    const updated = tx
      .update(user)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(user.id, reset.userId), eq(user.isActive, true)))
      .returning({ id: user.id })
      .get()
    return updated?.id ?? null
  })
  if (userId) invalidateUserSessions(userId)
  return userId
}
