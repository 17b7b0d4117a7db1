import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { user as userTable, type Role } from '#db/schema/index'
import { createUser } from '~/features/accounts/user.server'
import { getAuth, getUser, hasRole, requireRole, requireUser, safeRedirectPath } from './auth.server'
import { countQueries, getDb } from './db.server'
import { createSession, generateSessionToken, invalidateSession, SESSION_LIFETIME } from './session.server'

const FALLBACK = '/en/account'

describe('safeRedirectPath', () => {
  it.each(['/en/account', '/ar/resources?page=2#top', '/', '/en/login?redirectTo=%2Fen%2Fadmin'])(
    'accepts the same-site path %j',
    (to) => {
      expect(safeRedirectPath(to, FALLBACK)).toBe(to)
    },
  )

  it.each([
    '//evil.com',
    'https://evil.com',
    '/\\evil.com',
    'evil.com',
    'javascript:alert(1)',
    '',
    // Browsers drop tabs and line breaks from URLs, so these would become //evil.com.
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r\n/evil.com',
    '/\t\\evil.com',
  ])('refuses %j', (to) => {
    expect(safeRedirectPath(to, FALLBACK)).toBe(FALLBACK)
  })

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(null, FALLBACK)).toBe(FALLBACK)
    expect(safeRedirectPath(undefined, FALLBACK)).toBe(FALLBACK)
    expect(safeRedirectPath(new File(['x'], '/en/account'), FALLBACK)).toBe(FALLBACK)
  })

  it('never yields a path that a browser resolves to another origin', () => {
    const base = 'https://parlnet.example.org/en/login'
    for (const to of ['/en/account', '//evil.com', '/\\evil.com', '/\t/evil.com', '/\n/evil.com', '/ /evil.com']) {
      const target = safeRedirectPath(to, FALLBACK)
      expect(new URL(target, base).origin, JSON.stringify(to)).toBe('https://parlnet.example.org')
    }
  })
})

describe('hasRole', () => {
  const roles: Role[] = ['member', 'coordinator', 'admin']
  it.each([
    ['admin', 'admin', true],
    ['admin', 'coordinator', true],
    ['admin', 'member', true],
    ['coordinator', 'admin', false],
    ['coordinator', 'coordinator', true],
    ['coordinator', 'member', true],
    ['member', 'admin', false],
    ['member', 'coordinator', false],
    ['member', 'member', true],
  ] as const)('a %s has the %s role: %s', (has, wanted, expected) => {
    expect(hasRole({ role: has }, wanted)).toBe(expected)
  })

  it('a visitor has no role', () => {
    for (const role of roles) {
      expect(hasRole(null, role)).toBe(false)
      expect(hasRole(undefined, role)).toBe(false)
    }
  })
})

describe('requireUser and requireRole', () => {
  let counter = 0
  async function signedIn(role: Role) {
    counter += 1
    const u = await createUser({
      email: `auth-${counter}@example.org`,
      name: `Auth ${counter}`,
      password: 'correct horse battery staple',
      role,
    })
    const token = generateSessionToken()
    createSession(token, u.id)
    return { user: u, cookie: `theme=dark; session=${token}; flash=signedIn` }
  }

  function request(path: string, cookie?: string) {
    return new Request(`http://localhost${path}`, cookie ? { headers: { Cookie: cookie } } : {})
  }

  /** What the function threw (fails the test if it returned). */
  function thrown(fn: () => unknown): unknown {
    try {
      fn()
    } catch (error) {
      return error
    }
    throw new Error('expected a throw')
  }

  it('finds the user of the session cookie', async () => {
    const { user, cookie } = await signedIn('member')
    expect(getUser(request('/en/account', cookie))?.id).toBe(user.id)
    expect(requireUser(request('/en/account', cookie)).email).toBe(user.email)
  })

  it('throws a 403 Response for a member asking for coordinator', async () => {
    const { cookie } = await signedIn('member')
    const error = thrown(() => requireRole(request('/en/invitations/new', cookie), 'coordinator'))
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).status).toBe(403)
  })

  it('lets a coordinator and an admin through requireRole(coordinator)', async () => {
    const coordinator = await signedIn('coordinator')
    const admin = await signedIn('admin')
    expect(requireRole(request('/en/invitations/new', coordinator.cookie), 'coordinator').id).toBe(coordinator.user.id)
    expect(requireRole(request('/en/invitations/new', admin.cookie), 'coordinator').id).toBe(admin.user.id)
    const error = thrown(() => requireRole(request('/en/admin', coordinator.cookie), 'admin'))
    expect((error as Response).status).toBe(403)
  })

  it('sends a visitor to sign in, in the language of the page, and back afterwards', () => {
    const error = thrown(() => requireRole(request('/ar/admin/audit?page=2'), 'coordinator'))
    expect(error).toBeInstanceOf(Response)
    const response = error as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(
      `/ar/login?redirectTo=${encodeURIComponent('/ar/admin/audit?page=2')}`,
    )
    expect(response.headers.get('Location')).toBe('/ar/login?redirectTo=%2Far%2Fadmin%2Faudit%3Fpage%3D2')
  })

  it('looks the session up once per request, and the next request sees any change', async () => {
    const { user, cookie } = await signedIn('member')
    const first = request('/en', cookie)
    expect(countQueries(() => getUser(first)).queries).toBe(1)
    const again = countQueries(() => [getUser(first), requireUser(first), requireRole(first, 'member')])
    expect(again.queries).toBe(0)
    expect(again.result.map((u) => u?.role)).toEqual(['member', 'member', 'member'])

    getDb().update(userTable).set({ role: 'coordinator' }).where(eq(userTable.id, user.id)).run()
    expect(getUser(request('/en', cookie))?.role).toBe('coordinator')
    // The request already answered keeps what it read: one request sees one state of the session.
    expect(getUser(first)?.role).toBe('member')

    invalidateSession(getAuth(first)!.sessionId)
    expect(getUser(request('/en', cookie))).toBeNull()
  })

  describe('the next requests of the same session', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('read nothing again while nothing was written, and see every write', async () => {
      const { user, cookie } = await signedIn('member')
      expect(countQueries(() => getUser(request('/en', cookie))).queries).toBe(1)
      // Remix gives each loader its own copy of the request: the copies, and the next document, share the lookup.
      const again = countQueries(() => [getUser(request('/en', cookie)), getUser(request('/en/resources', cookie))])
      expect(again.queries).toBe(0)
      expect(again.result.map((u) => u?.id)).toEqual([user.id, user.id])

      // Any write at all, even one about someone else, means a fresh read.
      const other = await signedIn('admin')
      const after = countQueries(() => getUser(request('/en', cookie)))
      expect(after.queries).toBe(1)
      expect(after.result?.id).toBe(user.id)
      expect(getUser(request('/en', other.cookie))?.role).toBe('admin')

      getDb().update(userTable).set({ isActive: false }).where(eq(userTable.id, user.id)).run()
      expect(getUser(request('/en', cookie))).toBeNull()
    })

    it('a session past its end is gone, and one due for renewal is renewed, without any write in between', async () => {
      const { cookie } = await signedIn('member')
      const start = Date.now()
      vi.useFakeTimers({ now: start, toFake: ['Date'] })
      expect(getAuth(request('/en', cookie))?.setCookie).toBeNull()
      expect(getAuth(request('/en', cookie))?.setCookie).toBeNull()

      vi.setSystemTime(start + SESSION_LIFETIME - 14 * 24 * 60 * 60 * 1000)
      const renewed = getAuth(request('/en', cookie))
      expect(renewed?.setCookie).toMatch(/^session=/)
      // Renewed once: the next request has nothing to set.
      expect(getAuth(request('/en', cookie))?.setCookie).toBeNull()

      vi.setSystemTime(start + 3 * SESSION_LIFETIME)
      expect(getAuth(request('/en', cookie))).toBeNull()
    })
  })

  it('treats an unknown session cookie as a visitor, and a page without a language as English', () => {
    const error = thrown(() => requireUser(request('/healthz', `session=${generateSessionToken()}`)))
    expect((error as Response).status).toBe(302)
    expect((error as Response).headers.get('Location')).toBe('/en/login?redirectTo=%2Fhealthz')
  })
})
