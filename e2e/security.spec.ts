import http from 'node:http'
import { demo, expect, insertUser, latestMailTo, linkIn, query, test } from './fixtures'

test.describe('security defaults', () => {
  test('every response carries the security headers; the CSP nonce is on every script', async ({ request, page }) => {
    const response = await request.get('/en')
    const h = response.headers()
    expect(h['x-powered-by']).toBeUndefined()
    expect(h['x-content-type-options']).toBe('nosniff')
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin')
    const csp = h['content-security-policy']!
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]
    const html = await response.text()
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    // A new nonce every request.
    const again = (await request.get('/en')).headers()['content-security-policy']
    expect(again).not.toBe(csp)

    for (const path of ['/healthz', '/en/no-such-page', '/favicon.ico']) {
      expect((await request.get(path)).headers()['x-content-type-options'], path).toBe('nosniff')
    }

    // The page hydrates under that policy (no CSP violation blocks the scripts).
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    await page.goto('/en/login')
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext)
    expect(violations).toEqual([])
  })

  test('/healthz checks the database', async ({ request }) => {
    const response = await request.get('/healthz')
    expect(response.status()).toBe(200)
    expect(await response.text()).toBe('ok')
  })

  test('a POST with a foreign or missing Origin is refused with 403 and changes nothing', async ({ request }) => {
    const before = query<{ n: number }>('select count(*) n from session')[0]!.n
    const form = { email: demo.member.email, password: demo.member.password }
    const foreign = await request.post('/en/login', {
      form,
      headers: { Origin: 'https://evil.example' },
      maxRedirects: 0,
    })
    expect(foreign.status()).toBe(403)
    const missing = await request.post('/en/login', { form, maxRedirects: 0 })
    expect(missing.status()).toBe(403)
    const sameSiteOtherPort = await request.post('/en/logout', {
      headers: { Origin: 'http://127.0.0.1:1' },
      maxRedirects: 0,
    })
    expect(sameSiteOtherPort.status()).toBe(403)
    expect(query<{ n: number }>('select count(*) n from session')[0]!.n).toBe(before)
  })

  test('a same-origin POST from the page works (the check does not break forms)', async ({ page }) => {
    await page.goto('/en/login')
    await page.getByLabel('Email address').fill(demo.member.email)
    await page.getByLabel('Password', { exact: true }).fill(demo.member.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/en\/account$/)
  })

  test('a garbage or forged session cookie is treated as a visitor, not an error', async ({ page, context }) => {
    for (const value of ['garbage', 'a'.repeat(3000), '%00%ff', 'abcdefghijklmnopqrstuvwxyz234567', '"quoted"']) {
      // Nothing left from the previous value in the browser's own cookie jar.
      await context.clearCookies()
      // Sent as a raw header: browsers refuse to store some of these, an attacker's script would not.
      await context.setExtraHTTPHeaders({ Cookie: `session=${value}` })
      const response = await page.goto('/en/account')
      expect(response?.status()).toBe(200)
      await expect(page).toHaveURL(/\/en\/login/)
      const sent = response!.request().redirectedFrom() ?? response!.request()
      expect(await sent.headerValue('cookie')).toBe(`session=${value}`)
    }
  })

  test('over-long and malformed input gets a localized message, never a 500, and writes nothing', async ({
    request,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin
    const users = query<{ n: number }>('select count(*) n from user')[0]!.n
    const cases: Record<string, string>[] = [
      { email: `${'a'.repeat(300)}@example.org`, password: 'x' },
      { email: 'not an email', password: 'x' },
      { email: '', password: '' },
      { password: 'only a password' },
      { email: demo.member.email, password: 'p'.repeat(5000) },
    ]
    for (const form of cases) {
      const response = await request.post('/ar/login', { form, headers: { Origin: origin }, maxRedirects: 0 })
      expect(response.status(), JSON.stringify(form).slice(0, 80)).toBe(400)
      const html = await response.text()
      expect(html).toContain('dir="rtl"')
      expect(html).toMatch(
        /هذا الحقل مطلوب|أدخل عنوان بريد إلكتروني|لا يجوز أن يتجاوز|البريد الإلكتروني أو كلمة المرور غير صحيح|كلمة المرور/,
      )
    }
    // Invitation forms with hostile input, as a coordinator would never send them.
    const invalidInvite = await request.post('/en/forgot-password', {
      form: { email: `x@${'b'.repeat(400)}.org` },
      headers: { Origin: origin },
    })
    expect(invalidInvite.status()).toBe(400)
    expect(query<{ n: number }>('select count(*) n from user')[0]!.n).toBe(users)
  })

  test('an invitation or reset link that is malformed is a clear 410, not an error', async ({ page }) => {
    for (const path of ['/en/invitations/xyz', '/ar/reset-password/%E2%80%8F', `/en/invitations/${'a'.repeat(32)}`]) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(410)
      await expect(page.getByRole('alert')).toBeVisible()
    }
  })

  test('the forgot-password form has a honeypot that bots fill', async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin
    const mails = query<{ n: number }>('select count(*) n from outbox')[0]!.n
    const response = await request.post('/en/forgot-password', {
      form: { email: demo.member.email, website: 'http://spam.example' },
      headers: { Origin: origin },
    })
    expect(response.status()).toBe(400)
    expect(query<{ n: number }>('select count(*) n from outbox')[0]!.n).toBe(mails)
  })
})

test.describe('the page cache for visitors', () => {
  test('never shows a signed-in view to a visitor, and a change shows at once', async ({
    browser,
    baseURL,
    page,
    signIn,
  }) => {
    const visitor = await (await browser.newContext({ baseURL })).newPage()
    await visitor.goto('/en')
    await visitor.goto('/en')
    await expect(visitor.getByRole('link', { name: 'Sign in' })).toBeVisible()

    await signIn('member')
    await page.goto('/en')
    await expect(page.getByRole('link', { name: demo.member.name })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0)

    await visitor.goto('/en')
    await expect(visitor.getByRole('link', { name: demo.member.name })).toHaveCount(0)

    // A write empties the cache: right after a new member joins, visitors see the new count.
    const email = `cache-${Date.now()}@e2e.parlnet.example`
    await signIn('coordinator')
    await page.goto('/en/invitations/new')
    await page.getByLabel('Email address').fill(email)
    await page.getByRole('button', { name: 'Send the invitation' }).click()
    await expect(page.getByRole('status')).toHaveText('The invitation has been sent.')
    const link = linkIn(latestMailTo(email)!.text_body)
    const invitee = await (await browser.newContext({ baseURL })).newPage()
    await invitee.goto(link.pathname)
    await invitee.getByLabel('Full name').fill('Cache Tester')
    await invitee.getByLabel('New password', { exact: true }).fill('cache tester password')
    await invitee.getByLabel('New password again').fill('cache tester password')

    await visitor.goto('/en')
    const before = Number(await visitor.getByTestId('count-members').innerText())
    await visitor.goto('/en')
    await invitee.getByRole('button', { name: 'Create my account' }).click()
    await expect(invitee).toHaveURL(/\/en\/account$/)
    await visitor.goto('/en')
    await expect(visitor.getByTestId('count-members')).toHaveText(String(before + 1))
    await visitor.context().close()
  })
})

/** A POST with headers a browser would never send (Playwright's client sets Host itself), straight over HTTP. */
function rawPost(baseURL: string, path: string, headers: Record<string, string>, form: Record<string, string>) {
  const body = new URLSearchParams(form).toString()
  const { hostname, port } = new URL(baseURL)
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode!))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

test('a forged Host or X-Forwarded-Host never reaches a mailed reset link: it is on the configured address', async ({
  baseURL,
}) => {
  const own = new URL(baseURL!)
  // The e2e server runs without PUBLIC_URL, so links point to http://localhost:PORT (and it said so at start-up).
  const configured = `http://localhost:${own.port}`
  const attempts: Record<string, string>[] = [
    // The Origin check compares with Host, so a matching forged pair passes it (that is not what keeps links safe).
    { Host: 'evil.example', Origin: 'http://evil.example' },
    // A proxy's X-Forwarded-Host (trusted from loopback) that agrees with the forged Origin and Host.
    { Host: 'evil.example', Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example' },
    // A forwarded host that disagrees with the (own) Origin: Remix's second check used to make this a 500.
    { Host: own.host, Origin: own.origin, 'X-Forwarded-Host': 'evil.example' },
  ]
  for (const headers of attempts) {
    const victim = insertUser({ name: 'Reset Victim' })
    expect(
      await rawPost(baseURL!, '/en/forgot-password', headers, { email: victim.email }),
      JSON.stringify(headers),
    ).toBe(200)
    const link = linkIn(latestMailTo(victim.email)!.text_body)
    expect(link.origin, JSON.stringify(headers)).toBe(configured)
    expect(link.pathname).toMatch(/^\/en\/reset-password\/[a-z2-7]{32}$/)
  }
})
