import { hashPassword } from '../app/utils/password.server'
import { demo, expect, openTestDb, query, test, uniqueEmail } from './fixtures'

const text = {
  en: {
    signIn: 'Sign in',
    email: 'Email address',
    password: 'Password',
    account: 'Your account',
    signOut: 'Sign out',
    wrong: 'The email address or the password is not correct.',
    throttled: /Too many attempts/,
    signedOut: 'You are signed out.',
    required: 'This field is required.',
    emailInvalid: 'Enter an email address such as name@example.org.',
  },
  ar: {
    signIn: 'تسجيل الدخول',
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    account: 'حسابك',
    signOut: 'تسجيل الخروج',
    wrong: 'البريد الإلكتروني أو كلمة المرور غير صحيح.',
    throttled: /محاولات كثيرة جدًا/,
    signedOut: 'تم تسجيل خروجك.',
    required: 'هذا الحقل مطلوب.',
    emailInvalid: 'أدخل عنوان بريد إلكتروني مثل name@example.org.',
  },
} as const

for (const lang of ['en', 'ar'] as const) {
  const t = text[lang]
  test.describe(`signing in and out (${lang})`, () => {
    test('a member signs in, sees the account page, and signs out', async ({ page, context }) => {
      await page.goto(`/${lang}`)
      await page.getByRole('link', { name: t.signIn }).click()
      await page.getByLabel(t.email).fill(demo.member.email)
      await page.getByLabel(t.password, { exact: true }).fill(demo.member.password)
      await page.getByRole('button', { name: t.signIn }).click()

      await expect(page).toHaveURL(new RegExp(`/${lang}$`))
      const cookie = (await context.cookies()).find((c) => c.name === 'session')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true })

      await page.goto(`/${lang}/account`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.account)
      await expect(page.getByText(demo.member.email)).toBeVisible()

      await page.getByRole('button', { name: t.signOut }).click()
      await expect(page.getByRole('status')).toHaveText(t.signedOut)
      await expect(page.getByRole('link', { name: t.signIn })).toBeVisible()
      // The session is gone on the server too, not only from the browser.
      const rows = query<{ n: number }>('select count(*) n from session where id = ?', cookie!.value)
      expect(rows[0]!.n).toBe(0)
      await page.goto(`/${lang}/account`)
      await expect(page).toHaveURL(new RegExp(`/${lang}/login\\?redirectTo=`))
    })

    test('a wrong password shows a localized error and sets no session', async ({ page, context }) => {
      await page.goto(`/${lang}/login`)
      await page.getByLabel(t.email).fill(demo.coordinator.email)
      await page.getByLabel(t.password, { exact: true }).fill('not the password at all')
      const response = page.waitForResponse((r) => r.request().method() === 'POST')
      await page.getByRole('button', { name: t.signIn }).click()
      expect((await response).status()).toBe(400)
      await expect(page.getByRole('alert')).toHaveText(t.wrong)
      expect((await context.cookies()).find((c) => c.name === 'session')).toBeUndefined()

      // An unknown address gets exactly the same message.
      await page.getByLabel(t.email).fill('nobody-here@demo.parlnet.example')
      await page.getByLabel(t.password, { exact: true }).fill('whatever password')
      await page.getByRole('button', { name: t.signIn }).click()
      await expect(page.getByRole('alert')).toHaveText(t.wrong)
    })

    test('missing and malformed fields get localized messages', async ({ page }) => {
      await page.goto(`/${lang}/login`)
      await page.getByRole('button', { name: t.signIn }).click()
      await expect(page.getByText(t.required).first()).toBeVisible()
      await page.getByLabel(t.email).fill('not-an-email')
      await page.getByLabel(t.password, { exact: true }).fill('x')
      await page.getByRole('button', { name: t.signIn }).click()
      await expect(page.getByText(t.emailInvalid)).toBeVisible()
      await expect(page.getByLabel(t.email)).toHaveAttribute('aria-invalid', 'true')
    })

    test('sign-in is throttled per account after repeated failures', async ({ page }) => {
      const target = `throttle-${lang}@demo.parlnet.example`
      await page.goto(`/${lang}/login`)
      for (let i = 0; i < 5; i++) {
        await page.getByLabel(t.email).fill(target)
        await page.getByLabel(t.password, { exact: true }).fill(`wrong password ${i}`)
        // Each attempt answered before the next (the previous alert alone would not tell them apart).
        const answered = page.waitForResponse((r) => r.request().method() === 'POST')
        await page.getByRole('button', { name: t.signIn }).click()
        expect((await answered).status()).toBe(400)
        await expect(page.getByRole('alert')).toHaveText(t.wrong)
      }
      await page.getByLabel(t.email).fill(target)
      await page.getByLabel(t.password, { exact: true }).fill('wrong password 6')
      const response = page.waitForResponse((r) => r.request().method() === 'POST')
      await page.getByRole('button', { name: t.signIn }).click()
      expect((await response).status()).toBe(429)
      await expect(page.getByRole('alert')).toHaveText(t.throttled)
    })
  })
}

test('a visitor sent to sign in comes back to the page they asked for', async ({ page }) => {
  await page.goto('/en/invitations/new')
  await expect(page).toHaveURL(/\/en\/login\?redirectTo=%2Fen%2Finvitations%2Fnew/)
  await page.getByLabel('Email address').fill(demo.coordinator.email)
  await page.getByLabel('Password', { exact: true }).fill(demo.coordinator.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/en\/invitations\/new$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite someone')
})

test('a crafted redirectTo cannot send a user to another site', async ({ page }) => {
  await page.goto('/en/login?redirectTo=//evil.example/steal')
  await page.getByLabel('Email address').fill(demo.member.email)
  await page.getByLabel('Password', { exact: true }).fill(demo.member.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/en\/account$/)
})

test('a member saves Arabic as their language; / then opens the Arabic site', async ({ page, signIn }) => {
  await signIn('member')
  await page.goto('/en/account')
  await page.getByLabel('Preferred language').selectOption('ar')
  await page.getByRole('button', { name: 'Save the profile' }).click()
  await expect(page.getByRole('status')).toHaveText('Your profile is saved.')
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'en-GB' })
  await page.goto('/')
  await expect(page).toHaveURL(/\/ar$/)
  // Put it back for the other tests.
  await page.goto('/ar/account')
  await page.getByLabel('اللغة المفضلة').selectOption('en')
  await page.getByRole('button', { name: 'احفظ الملف الشخصي' }).click()
  await expect(page.getByRole('status')).toHaveText('تم حفظ ملفك الشخصي.')
})

test('50 wrong passwords sent at once get at most 5 checks; the right one afterwards is refused with 429', async ({
  request,
  baseURL,
}) => {
  const email = uniqueEmail('burst')
  const password = 'the right burst passphrase'
  const db = openTestDb()
  const { id } = db
    .prepare(
      `insert into user (email, name, role, locale, password_hash) values (?, 'Burst Target', 'member', 'en', ?) returning id`,
    )
    .get(email, await hashPassword(password)) as { id: number }
  db.close()
  // Each from its own address (the server trusts X-Forwarded-For from loopback), so only the account's limit is at play.
  const post = (pass: string, i: number) =>
    request.post('/en/login', {
      form: { email, password: pass },
      headers: { Origin: baseURL!, 'X-Forwarded-For': `198.51.100.${i}` },
      maxRedirects: 0,
    })
  const statuses = (await Promise.all(Array.from({ length: 50 }, (_, i) => post(`wrong ${i}`, i)))).map((r) =>
    r.status(),
  )
  expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5)
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45)
  expect(
    query<{ n: number }>(
      `select count(*) n from audit_event where action = 'login.failed' and target_id = ?`,
      email,
    )[0]!.n,
  ).toBeLessThanOrEqual(5)

  const right = await post(password, 200)
  expect(right.status()).toBe(429)
  expect(right.headers()['retry-after']).toMatch(/^\d+$/)
  expect(query('select 1 from session where user_id = ?', id)).toHaveLength(0)
})
