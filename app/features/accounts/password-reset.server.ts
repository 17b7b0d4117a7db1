import { and, eq } from 'drizzle-orm'
import { user } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { absoluteUrl } from '~/utils/links.server'
import { hashPassword } from '~/utils/password.server'
import { consume } from '~/utils/rate-limit.server'
import { fail, ok, type Result } from '~/utils/result'
import { invalidateUserSessions } from '~/utils/session.server'
import { atomically } from '~/utils/transaction.server'
import type { AccountsError } from './errors'
import { sendPasswordResetMail } from './mail.server'
import { consumeToken, createToken, voidAccountTokens } from './token.server'
import { getUserByEmail } from './user.server'

/**
 * Mails a reset link to the active account of this address, at most as often as the address's limit allows. It
 * answers nothing, so that the caller's page cannot tell whether the address has an account. The link, its audit
 * row and its mail commit together.
 */
export async function requestPasswordReset(email: string) {
  const found = getUserByEmail(email)
  if (!found?.isActive || (await consume('resetEmail', email)) > 0) return
  atomically((tx) => {
    const { secret } = createToken('password_reset', { email, userId: found.id, locale: found.locale }, new Date(), tx)
    recordAuditEvent({ actorId: null, action: 'password.reset_requested', targetType: 'user', targetId: found.id }, tx)
    sendPasswordResetMail(tx, {
      to: found.email,
      lang: found.locale,
      link: absoluteUrl(`/${found.locale}/reset-password/${secret}`),
    })
  })
}

/**
 * Uses the reset link, sets the password and records it in the audit log in one transaction; voids the account's
 * other reset links and ends every session of the account. The value is the account's id.
 */
export async function resetPassword(
  secret: string,
  password: string,
): Promise<Result<number, Extract<AccountsError, 'linkInvalid'>>> {
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
  if (!userId) return fail('linkInvalid')
  invalidateUserSessions(userId)
  return ok(userId)
}
