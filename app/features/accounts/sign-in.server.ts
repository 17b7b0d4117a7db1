import { recordAuditEvent } from '~/utils/audit.server'
import { endSession, getUser, startSession } from '~/utils/auth.server'
import { atomically } from '~/utils/transaction.server'

// Signing in and out, with their audit rows. The password check is verifyLogin (user.server.ts); the throttles
// stay with the sign-in page, which answers them.

/** A sign-in that proved the password: its audit row and the new session commit together. Returns Set-Cookie. */
export function recordLogin(userId: number) {
  return atomically((tx) => {
    recordAuditEvent({ actorId: userId, action: 'login', targetType: 'user', targetId: userId }, tx)
    return startSession(userId)
  })
}

/** A refused sign-in, under the address that was tried (one row: nothing else changes). */
export function recordFailedLogin(email: string) {
  recordAuditEvent({ actorId: null, action: 'login.failed', targetType: 'email', targetId: email })
}

/** Ends this request's session, recording who signed out (a visitor without one is not recorded). Set-Cookie. */
export function logout(request: Request) {
  const user = getUser(request)
  return atomically((tx) => {
    if (user) recordAuditEvent({ actorId: user.id, action: 'logout', targetType: 'user', targetId: user.id }, tx)
    return endSession(request)
  })
}
