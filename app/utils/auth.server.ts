import { redirect } from '@remix-run/node'
import type { Role } from '#db/schema/index'
import { languageFromPath, fallbackLanguage } from './i18n'
import { getDb } from './db.server'
import {
  RENEW_WHEN_UNDER,
  createSession,
  databaseVersion,
  generateSessionToken,
  invalidateSession,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  validateSessionToken,
  type SessionUser,
} from './session.server'
import { boundedSearch } from './query-string'

const roleRank: Record<Role, number> = { member: 1, coordinator: 2, admin: 3 }

export function hasRole(user: Pick<SessionUser, 'role'> | null | undefined, role: Role) {
  return Boolean(user && roleRank[user.role] >= roleRank[role])
}

type Auth = { user: SessionUser; sessionId: string; setCookie: string | null } | null
const cache = new WeakMap<Request, Auth>()

/**
 * The signed-in users of the last requests, by their session token, with the database version they were read at.
 * Remix hands each loader of a document its own copy of the request (so the WeakMap above serves only calls with the
 * same object), and a member's every page asks again: while nothing at all has been written to the database since
 * (`databaseVersion`: this connection's changes and other connections' commits), the session and its user are the
 * rows that were read, and the lookup (a hash and a join) is skipped. A sign-out, a deactivation, a role change, a
 * renewal — any write, by this process or another — makes the next request read them afresh. The expiry is checked
 * against the clock at every use, and a session due for renewal is looked up again (which renews it).
 */
const recent = new Map<string, { db: unknown; version: string; auth: NonNullable<Auth>; expiresAt: number }>()
const recentMax = 1000

/**
 * The signed-in user of this request, or null. Memoised per request, so the root loader and a route's
 * loader share one database lookup. `setCookie` is set when the session was renewed or is dead.
 */
export function getAuth(request: Request): Auth {
  if (cache.has(request)) return cache.get(request)!
  const token = readSessionToken(request)
  let auth: Auth = null
  if (token) {
    const db = getDb()
    const version = databaseVersion(db)
    const now = Date.now()
    const kept = recent.get(token)
    if (kept && kept.db === db && kept.version === version && kept.expiresAt - now >= RENEW_WHEN_UNDER) {
      auth = kept.auth
    } else {
      const result = validateSessionToken(token, new Date(now))
      if (result) {
        auth = {
          user: result.user,
          sessionId: result.session.id,
          setCookie: result.renewed ? serializeSessionCookie(token, result.session.expiresAt) : null,
        }
        if (recent.size >= recentMax) recent.clear()
        // Read after the lookup: a renewal is a write, and the next request must not see it as a change.
        recent.set(token, {
          db,
          version: databaseVersion(db),
          auth: { ...auth, setCookie: null },
          expiresAt: result.session.expiresAt.getTime(),
        })
      } else {
        recent.delete(token)
      }
    }
  }
  cache.set(request, auth)
  return auth
}

export function getUser(request: Request) {
  return getAuth(request)?.user ?? null
}

function loginUrl(request: Request) {
  const url = new URL(request.url)
  const lang = languageFromPath(url.pathname) ?? fallbackLanguage
  const back = url.pathname + boundedSearch(url.search)
  return `/${lang}/login?redirectTo=${encodeURIComponent(back)}`
}

/** The signed-in user; a visitor is sent to sign in and brought back afterwards. */
export function requireUser(request: Request) {
  const user = getUser(request)
  if (!user) throw redirect(loginUrl(request))
  return user
}

/** A user with at least this role (admin ⊇ coordinator ⊇ member); others get the 403 page. */
export function requireRole(request: Request, role: Role) {
  const user = requireUser(request)
  if (!hasRole(user, role)) throw new Response('Forbidden', { status: 403 })
  return user
}

/** Starts a new session (a new token at every sign-in) and returns its Set-Cookie header. */
export function startSession(userId: number) {
  const token = generateSessionToken()
  const session = createSession(token, userId)
  return serializeSessionCookie(token, session.expiresAt)
}

export function endSession(request: Request) {
  const auth = getAuth(request)
  if (auth) invalidateSession(auth.sessionId)
  return serializeBlankSessionCookie()
}

/**
 * Only same-site paths, so a crafted link cannot send a user elsewhere after sign-in. Control characters
 * are refused too: browsers drop tabs and line breaks from a Location, turning `/\t/evil.com` into `//evil.com`.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (
    typeof to !== 'string' ||
    !to.startsWith('/') ||
    to.startsWith('//') ||
    to.startsWith('/\\') ||
    [...to].some((c) => c < ' ' || c === '\u007f')
  ) {
    return fallback
  }
  return to
}
