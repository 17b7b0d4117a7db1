import { describe, expect, it, vi } from 'vitest'
import { createUser, getUserById } from '~/features/accounts/user.server'
import { action as accountAction } from '~/routes/$lang.account'
import { action as loginAction } from '~/routes/$lang.login'
import { verifyPassword } from './password.server'
import { consume, limitOf, type LimiterName } from './rate-limit.server'
import { createSession, generateSessionToken, validateSessionToken } from './session.server'

// Counts the password checks the sign-in makes (the expensive step a throttle exists to bound).
const checks = vi.hoisted(() => ({ n: 0 }))
vi.mock('~/features/accounts/user.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/features/accounts/user.server')>()
  return {
    ...original,
    verifyLogin: (email: string, password: string) => {
      checks.n += 1
      return original.verifyLogin(email, password)
    },
  }
})

const PASSWORD = 'the right passphrase'

let counter = 0
async function account() {
  counter += 1
  return createUser({ email: `throttle-${counter}@example.org`, name: 'Throttled', password: PASSWORD, role: 'member' })
}

function signIn(email: string, password: string, ip: string) {
  const request = new Request('http://localhost:3000/en/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
  })
  return loginAction({ params: { lang: 'en' }, request, context: { clientIp: ip } })
}

function statusOf(result: unknown) {
  if (result instanceof Response) return result.status
  return (result as { init?: { status?: number } }).init?.status ?? 200
}

function sessionIn(result: unknown) {
  if (!(result instanceof Response)) return null
  const token = /(?:^|,\s*)session=([^;]+)/.exec(result.headers.get('Set-Cookie') ?? '')?.[1]
  return token ? validateSessionToken(token) : null
}

describe('consume', () => {
  it.each(['loginAccount', 'loginIp', 'invitation', 'resetEmail', 'resetIp', 'upload'] as LimiterName[])(
    '%s: of many attempts sent at once, exactly the limit goes ahead',
    async (name) => {
      const key = `parallel-${name}`
      const waits = await Promise.all(Array.from({ length: limitOf(name) * 3 }, () => consume(name, key)))
      expect(waits.filter((w) => w === 0)).toHaveLength(limitOf(name))
      expect(waits.filter((w) => w > 0)).toHaveLength(limitOf(name) * 2)
    },
  )
})

describe('sign-in throttle', () => {
  it('50 wrong passwords sent at once against one account: at most 5 are checked, the rest get 429', async () => {
    const u = await account()
    checks.n = 0
    // From 50 addresses, so only the account's limit is in play.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(u.email, `wrong ${i}`, `198.51.100.${i}`)),
    )
    expect(checks.n).toBeLessThanOrEqual(limitOf('loginAccount'))
    const statuses = results.map(statusOf)
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(limitOf('loginAccount'))
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - limitOf('loginAccount'))

    // The right password, after the burst: refused unchecked, and no session.
    const after = await signIn(u.email, PASSWORD, '198.51.100.200')
    expect(statusOf(after)).toBe(429)
    expect(sessionIn(after)).toBeNull()
    expect(checks.n).toBeLessThanOrEqual(limitOf('loginAccount'))
  })

  it('the right password inside a burst of wrong ones, once the limit is used up, is refused with 429', async () => {
    const u = await account()
    const burst = [
      ...Array.from({ length: 20 }, (_, i) => [`wrong ${i}`, `203.0.113.${i}`]),
      [PASSWORD, '203.0.113.99'],
    ]
    const results = await Promise.all(burst.map(([password, ip]) => signIn(u.email, password!, ip!)))
    const right = results.at(-1)
    expect(statusOf(right)).toBe(429)
    expect(sessionIn(right)).toBeNull()
  })

  it('one address trying many accounts at once: at most its limit of checks', async () => {
    checks.n = 0
    const ip = '192.0.2.77'
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(`nobody-${i}@example.org`, 'guess', ip)),
    )
    expect(checks.n).toBeLessThanOrEqual(limitOf('loginIp'))
    expect(results.map(statusOf).filter((s) => s !== 429).length).toBeLessThanOrEqual(limitOf('loginIp'))
  })

  it('a right password under the limit signs in and starts the account afresh', async () => {
    const u = await account()
    for (let i = 0; i < limitOf('loginAccount') - 1; i++)
      expect(statusOf(await signIn(u.email, `wrong ${i}`, '192.0.2.1'))).toBe(400)
    const ok = await signIn(u.email, PASSWORD, '192.0.2.1')
    expect(statusOf(ok)).toBe(303)
    expect(sessionIn(ok)?.user.id).toBe(u.id)
    // The owner's success cleared the account's count: a typo afterwards is a plain wrong password again.
    expect(statusOf(await signIn(u.email, 'wrong again', '192.0.2.1'))).toBe(400)
  })
})

describe('the current password on the account page', () => {
  it('shares the account’s limit: 20 guesses sent at once from a signed-in browser get at most 5 checks', async () => {
    const u = await account()
    const token = generateSessionToken()
    createSession(token, u.id)
    checks.n = 0
    const change = (current: string) =>
      accountAction({
        params: { lang: 'en' },
        request: new Request('http://localhost:3000/en/account', {
          method: 'POST',
          headers: { Cookie: `session=${token}` },
          body: new URLSearchParams({
            intent: 'password',
            currentPassword: current,
            password: 'a brand new passphrase',
            confirmPassword: 'a brand new passphrase',
          }),
        }),
        context: {},
      })
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => change(`guess ${i}`)))).map(statusOf)
    expect(checks.n).toBeLessThanOrEqual(limitOf('loginAccount'))
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - limitOf('loginAccount'))
    // The right one, now, is refused too: the password is unchanged.
    expect(statusOf(await change(PASSWORD))).toBe(429)
    expect(await verifyPassword(getUserById(u.id)!.passwordHash, PASSWORD)).toBe(true)
  })
})
