import { eq } from 'drizzle-orm'
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
    const updated = tx
      .update(user)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(user.id, reset.userId))
      .returning({ id: user.id, isActive: user.isActive })
      .get()
    return updated?.isActive ? updated.id : null
  })
  if (userId) invalidateUserSessions(userId)
  return userId
}
