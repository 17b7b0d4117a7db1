import { desc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { outbox } from '#db/schema/index'
import { createUser } from '~/features/accounts/user.server'
import { action as forgotPassword } from '~/routes/$lang.forgot-password'
import { getDb } from './db.server'
import { siteBaseUrl } from './links.server'

const saved = { PUBLIC_URL: process.env.PUBLIC_URL, PORT: process.env.PORT }

/** links.server with a fresh configuration (getConfig caches the environment it first saw). */
async function linksWith(env: { PUBLIC_URL?: string; PORT?: string }) {
  vi.resetModules()
  for (const name of ['PUBLIC_URL', 'PORT'] as const) {
    if (env[name] === undefined) delete process.env[name]
    else process.env[name] = env[name]
  }
  return import('./links.server')
}

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  vi.resetModules()
})

// What a stranger controls: the address the request came to, through Host or a proxy's X-Forwarded-Host.
const forged = new Request('http://evil.example/en/forgot-password', {
  method: 'POST',
  headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Origin: 'http://evil.example' },
})

describe('siteBaseUrl', () => {
  it('is http://localhost:PORT when PUBLIC_URL is unset, whatever request is at hand', async () => {
    const { siteBaseUrl, absoluteUrl } = await linksWith({ PORT: '4567' })
    // Called the way the old signature allowed: a request must have no say.
    expect((siteBaseUrl as (request?: Request) => string)(forged)).toBe('http://localhost:4567')
    expect(siteBaseUrl()).toBe('http://localhost:4567')
    expect(absoluteUrl('/en/reset-password/abc')).toBe('http://localhost:4567/en/reset-password/abc')
  })

  it('is the origin of PUBLIC_URL when set, whatever request is at hand', async () => {
    const { siteBaseUrl, absoluteUrl } = await linksWith({ PUBLIC_URL: 'https://parlnet.example.org/', PORT: '4567' })
    expect((siteBaseUrl as (request?: Request) => string)(forged)).toBe('https://parlnet.example.org')
    expect(absoluteUrl('/ar/invitations/xyz')).toBe('https://parlnet.example.org/ar/invitations/xyz')
  })
})

describe('publicUrlWarning', () => {
  it('is one line naming PUBLIC_URL and where links will point when it is unset', async () => {
    const { publicUrlWarning } = await linksWith({ PORT: '4567' })
    const warning = publicUrlWarning()
    expect(warning).toContain('PUBLIC_URL')
    expect(warning).toContain('http://localhost:4567')
    expect(warning).not.toContain('\n')
  })

  it('is null when PUBLIC_URL is set', async () => {
    const { publicUrlWarning } = await linksWith({ PUBLIC_URL: 'https://parlnet.example.org' })
    expect(publicUrlWarning()).toBeNull()
  })
})

describe('the forgot-password form with a forged Host', () => {
  it('mails a link on the configured address, never on the Host or X-Forwarded-Host of the request', async () => {
    const victim = await createUser({
      email: 'victim@example.org',
      name: 'Victim',
      password: 'a long passphrase',
      role: 'member',
    })
    const request = new Request('http://evil.example/en/forgot-password', {
      method: 'POST',
      headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', Origin: 'http://evil.example' },
      body: new URLSearchParams({ email: victim.email }),
    })
    await forgotPassword({ params: { lang: 'en' }, request, context: { clientIp: '203.0.113.5' } })
    const mail = getDb().select().from(outbox).where(eq(outbox.toAddress, victim.email)).orderBy(desc(outbox.id)).get()
    const link = /https?:\/\/\S+/.exec(mail?.textBody ?? '')?.[0]
    expect(link).toMatch(new RegExp(`^${siteBaseUrl()}/en/reset-password/[a-z2-7]{32}$`))
    expect(siteBaseUrl()).toMatch(/^http:\/\/localhost:\d+$/)
    expect(mail!.textBody).not.toContain('evil.example')
  })
})
