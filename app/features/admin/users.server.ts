import type { Role } from '#db/schema/index'
import { getUserById, setUserActive, setUserRole } from '~/features/accounts'
import { recordAuditEvent } from '~/utils/audit.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { AdminError } from './errors'

// What an admin does to accounts: each change commits with its audit row. The caller has checked the admin
// (requireAdmin); these refuse what no admin may do.

export { listUsers, USERS_PAGE_SIZE } from '~/features/accounts'

type Refusal = Extract<AdminError, 'userNotFound' | 'notYourself'>

/** Changes an account's role. Choosing the role it has already changes and records nothing (`changed: false`). */
export function changeUserRole(
  admin: { id: number },
  userId: number,
  role: Role,
): Result<{ changed: boolean }, Refusal> {
  const target = getUserById(userId)
  if (!target) return fail('userNotFound')
  // An admin cannot demote themselves, so the installation always keeps an admin.
  if (target.id === admin.id && role !== 'admin') return fail('notYourself')
  if (role === target.role) return ok({ changed: false })
  atomically((tx) => {
    setUserRole(target.id, role)
    recordAuditEvent(
      {
        actorId: admin.id,
        action: 'user.role_changed',
        targetType: 'user',
        targetId: target.id,
        details: { from: target.role, to: role },
      },
      tx,
    )
  })
  return ok({ changed: true })
}

/** Deactivates or reactivates an account (deactivating ends its sessions and links: accounts' setUserActive). */
export function changeUserActive(admin: { id: number }, userId: number, isActive: boolean): Result<void, Refusal> {
  const target = getUserById(userId)
  if (!target) return fail('userNotFound')
  // An admin cannot lock themselves out, so the installation always keeps an active admin.
  if (target.id === admin.id) return fail('notYourself')
  atomically((tx) => {
    setUserActive(target.id, isActive)
    recordAuditEvent(
      {
        actorId: admin.id,
        action: isActive ? 'user.reactivated' : 'user.deactivated',
        targetType: 'user',
        targetId: target.id,
      },
      tx,
    )
  })
  return ok()
}
