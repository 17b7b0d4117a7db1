import { eq, sql } from 'drizzle-orm'
import { session, user } from '#db/schema/index'
import { getConfig } from './config.server'
import { getDb, preparedQuery } from './db.server'
import { generateSecret, hashSecret } from './secret.server'

const DAY = 24 * 60 * 60 * 1000
export const SESSION_LIFETIME = 30 * DAY
export const RENEW_WHEN_UNDER = 15 * DAY
export const SESSION_COOKIE = 'session'

export type SessionUser = Pick<typeof user.$inferSelect, 'id' | 'email' | 'name' | 'role' | 'locale' | 'parliamentId'>

export function generateSessionToken() {
  return generateSecret()
}

export function createSession(token: string, userId: number, now = new Date()) {
  const row = {
    id: hashSecret(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME),
  }
  getDb().insert(session).values(row).run()
  return row
}

// Every signed-in request reads this (the root's loader and the page's each ask): built once per connection.
const sessionWithUser = preparedQuery((db) =>
  db
    .select({
      session,
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
        parliamentId: user.parliamentId,
        isActive: user.isActive,
      },
    })
    .from(session)
    .innerJoin(user, eq(session.userId, user.id))
    .where(eq(session.id, sql.placeholder('id')))
    .prepare(),
)

/**
 * Finds the session and its (active) user from the cookie's token. Looking up by the hash of the token
 * is a constant-time comparison in effect: an attacker learns nothing from timing about other hashes.
 */
export function validateSessionToken(token: string, now = new Date()) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null
  const id = hashSecret(token)
  const db = getDb()
  const row = sessionWithUser().get({ id })
  if (!row) return null
  if (row.session.expiresAt.getTime() <= now.getTime() || !row.user.isActive) {
    db.delete(session).where(eq(session.id, id)).run()
    return null
  }
  let renewed = false
  if (row.session.expiresAt.getTime() - now.getTime() < RENEW_WHEN_UNDER) {
    row.session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME)
    db.update(session).set({ expiresAt: row.session.expiresAt }).where(eq(session.id, id)).run()
    renewed = true
  }
  const { isActive: _active, ...sessionUser } = row.user
  return { session: row.session, user: sessionUser as SessionUser, renewed }
}

const versionStatements = new WeakMap<object, { get(): unknown }>()

/**
 * A value that changes whenever anything is written to the database: `data_version` moves when another connection
 * commits, `total_changes()` with every row this connection inserts, updates or deletes (rolled back ones too, which
 * only costs a fresh read). What was read at the same value is what a read would give now.
 */
export function databaseVersion(db: ReturnType<typeof getDb>): string {
  let statement = versionStatements.get(db)
  if (!statement) {
    statement = db.$client.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw(true)
    versionStatements.set(db, statement)
  }
  return (statement.get() as [number, number]).join(':')
}

export function invalidateSession(sessionId: string) {
  getDb().delete(session).where(eq(session.id, sessionId)).run()
}

export function invalidateUserSessions(userId: number) {
  getDb().delete(session).where(eq(session.userId, userId)).run()
}

function cookieAttributes() {
  const secure = getConfig().NODE_ENV === 'production' ? '; Secure' : ''
  return `Path=/; HttpOnly; SameSite=Lax${secure}`
}

export function serializeSessionCookie(token: string, expiresAt: Date) {
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes()}; Expires=${expiresAt.toUTCString()}`
}

export function serializeBlankSessionCookie() {
  return `${SESSION_COOKIE}=; ${cookieAttributes()}; Max-Age=0`
}

export function readSessionToken(request: Request) {
  const header = request.headers.get('Cookie')
  if (!header) return null
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) return rest.join('=') || null
  }
  return null
}
