import { and, asc, count, eq, sql } from 'drizzle-orm'
import { parliament, user, type Locale, type Role } from '#db/schema/index'
import { getDb, preparedQuery } from '~/utils/db.server'
import { hashPassword, verifyAgainstDummy, verifyPassword } from '~/utils/password.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { invalidateUserSessions } from '~/utils/session.server'
import { atomically } from '~/utils/transaction.server'
import { voidAccountTokens } from './token.server'

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase()
}

export function getUserByEmail(email: string) {
  return getDb()
    .select()
    .from(user)
    .where(eq(user.email, normalizeEmail(email)))
    .get()
}

export function getUserById(id: number) {
  return getDb().select().from(user).where(eq(user.id, id)).get()
}

/** The user for these credentials, or null; as slow for an unknown email as for a wrong password. */
export async function verifyLogin(email: string, password: string) {
  const found = getUserByEmail(email)
  if (!found) return verifyAgainstDummy(password).then(() => null)
  const ok = await verifyPassword(found.passwordHash, password)
  return ok && found.isActive ? found : null
}

export async function createUser(input: {
  email: string
  name: string
  password: string
  role: Role
  parliamentId?: number | null
  locale?: Locale
}) {
  const passwordHash = await hashPassword(input.password)
  return getDb()
    .insert(user)
    .values({
      email: normalizeEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      parliamentId: input.parliamentId ?? null,
      locale: input.locale ?? 'en',
      passwordHash,
    })
    .returning()
    .get()
}

/**
 * Sets a new password, voids every outstanding reset link of the account (one mailed before the change must not
 * undo it), records it in the audit log and ends every session of the user (the caller may start a new one).
 */
export async function changePassword(userId: number, password: string) {
  const passwordHash = await hashPassword(password)
  getDb().transaction((tx) => {
    tx.update(user).set({ passwordHash, updatedAt: new Date() }).where(eq(user.id, userId)).run()
    voidAccountTokens(userId, {}, new Date(), tx)
    recordAuditEvent({ actorId: userId, action: 'password.changed', targetType: 'user', targetId: userId }, tx)
  })
  invalidateUserSessions(userId)
}

/** A user's own name and language, saved with their audit row. */
export function updateProfile(userId: number, input: { name: string; locale: Locale }) {
  atomically((tx) => {
    tx.update(user)
      .set({ name: input.name.trim(), locale: input.locale, updatedAt: new Date() })
      .where(eq(user.id, userId))
      .run()
    recordAuditEvent({ actorId: userId, action: 'profile.updated', targetType: 'user', targetId: userId }, tx)
  })
}

/** Changes a role; a user whose role changed must sign in again. The caller audits it (features/admin). */
export function setUserRole(userId: number, role: Role) {
  const result = getDb().update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, userId)).run()
  invalidateUserSessions(userId)
  return result.changes > 0
}

/**
 * Deactivating ends the account's sessions, its reset links and the invitations it sent that nobody has used.
 * The caller audits it (features/admin).
 */
export function setUserActive(userId: number, isActive: boolean) {
  const result = getDb().transaction((tx) => {
    const changed = tx.update(user).set({ isActive, updatedAt: new Date() }).where(eq(user.id, userId)).run()
    if (!isActive) voidAccountTokens(userId, { invitations: true }, new Date(), tx)
    return changed
  })
  if (!isActive) invalidateUserSessions(userId)
  return result.changes > 0
}

export const USERS_PAGE_SIZE = 50

export function listUsers(page: number) {
  const db = getDb()
  const rows = db
    .select({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      isActive: user.isActive,
      createdAt: user.createdAt,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
    })
    .from(user)
    .leftJoin(parliament, eq(user.parliamentId, parliament.id))
    .orderBy(asc(sql`lower(${user.name})`), asc(user.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(user).get()?.n ?? 0
  return { rows, total }
}

/** The active coordinators (not admins), with their language: who hears of resources waiting for review. */
export function listActiveCoordinators() {
  return getDb()
    .select({ id: user.id, email: user.email, locale: user.locale })
    .from(user)
    .where(and(eq(user.role, 'coordinator'), eq(user.isActive, true)))
    .all()
}

/** The member accounts (the home page's "members" until every profile has an account). */
// The home page's figure: built once.
const memberAccountCount = preparedQuery((db) =>
  db.select({ n: count() }).from(user).where(eq(user.role, 'member')).prepare(),
)

export function countMemberAccounts() {
  return memberAccountCount().get()?.n ?? 0
}
