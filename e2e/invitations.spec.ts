import { demo, expect, joinByInvitation, latestMailTo, linkIn, query, signInAs, test, uniqueEmail } from './fixtures'

const text = {
  en: {
    email: 'Email address',
    role: 'Role',
    language: 'Language of the invitation',
    send: 'Send the invitation',
    sent: 'The invitation has been sent.',
    name: 'Full name',
    newPassword: 'New password',
    confirm: 'New password again',
    create: 'Create my account',
    welcome: 'Welcome to the network. Your account is ready.',
    invalid: /no longer valid/,
    tooShort: 'The password must have at least 12 characters.',
    mismatch: 'The two passwords are not the same.',
    hasAccount: 'This address already has an account.',
    subject: 'Your invitation to the global parliamentary network',
  },
  ar: {
    email: 'البريد الإلكتروني',
    role: 'الدور',
    language: 'لغة الدعوة',
    send: 'أرسل الدعوة',
    sent: 'تم إرسال الدعوة.',
    name: 'الاسم الكامل',
    newPassword: 'كلمة المرور الجديدة',
    confirm: 'أعد كتابة كلمة المرور الجديدة',
    create: 'أنشئ حسابي',
    welcome: 'مرحبًا بك في الشبكة. حسابك جاهز.',
    invalid: /لم تعد هذه الدعوة صالحة/,
    tooShort: 'يجب ألا تقل كلمة المرور عن 12 حرفًا.',
    mismatch: 'كلمتا المرور غير متطابقتين.',
    hasAccount: 'يوجد حساب بهذا العنوان بالفعل.',
    subject: 'دعوتك إلى الانضمام إلى الشبكة البرلمانية العالمية',
  },
} as const

for (const lang of ['en', 'ar'] as const) {
  const t = text[lang]
  test(`a coordinator invites a new address, who joins and is signed in (${lang})`, async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    const invitee = uniqueEmail(`invitee-${lang}`)
    await signIn('coordinator')
    await page.goto(`/${lang}/invitations/new`)
    // Coordinators may invite members only.
    await expect(page.getByLabel(t.role).locator('option')).toHaveCount(1)
    await page.getByLabel(t.email).fill(invitee)
    await page.getByLabel(t.language).selectOption(lang)
    await page.getByRole('button', { name: t.send }).click()
    await expect(page.getByRole('status')).toHaveText(t.sent)

    // The mail is in the outbox (no SMTP in tests), in the invitee's language, and an admin can read it.
    const mail = latestMailTo(invitee)
    expect(mail?.subject).toBe(t.subject)
    expect(mail?.locale).toBe(lang)
    const link = linkIn(mail!.text_body)
    expect(link.pathname).toMatch(new RegExp(`^/${lang}/invitations/[a-z2-7]{32}$`))
    // Only the hash of the secret is stored.
    const secret = link.pathname.split('/').pop()!
    expect(query('select 1 from token where token_hash = ?', secret)).toHaveLength(0)

    const admin = await browser.newContext({ baseURL })
    await signInAs(admin, baseURL!, demo.admin.email)
    const adminPage = await admin.newPage()
    await adminPage.goto(`/${lang}/admin/outbox`)
    await expect(adminPage.getByTestId('outbox-message').first()).toContainText(invitee)
    await admin.close()

    // The invitee, in a fresh browser.
    const fresh = await browser.newContext({ baseURL })
    const invited = await fresh.newPage()
    await invited.goto(link.pathname)
    await expect(invited.getByText(invitee)).toBeVisible()
    await invited.getByLabel(t.name).fill(lang === 'ar' ? 'سارة المنصوري' : 'Sarah Mansour')
    await invited.getByLabel(t.newPassword, { exact: true }).fill('short')
    await invited.getByLabel(t.confirm).fill('short')
    await invited.getByRole('button', { name: t.create }).click()
    await expect(invited.getByText(t.tooShort)).toBeVisible()
    expect(query('select 1 from user where email = ?', invitee)).toHaveLength(0)

    await invited.getByLabel(t.newPassword, { exact: true }).fill('a long enough passphrase')
    await invited.getByLabel(t.confirm).fill('a different passphrase!')
    await invited.getByRole('button', { name: t.create }).click()
    await expect(invited.getByText(t.mismatch)).toBeVisible()

    const password = lang === 'ar' ? 'كلمة مرور عربية طويلة' : 'a long enough passphrase'
    await invited.getByLabel(t.newPassword, { exact: true }).fill(password)
    await invited.getByLabel(t.confirm).fill(password)
    await invited.getByRole('button', { name: t.create }).click()
    await expect(invited).toHaveURL(new RegExp(`/${lang}/account$`))
    await expect(invited.getByRole('status')).toHaveText(t.welcome)
    await expect(invited.getByText(invitee)).toBeVisible()
    expect(
      query<{ role: string; locale: string }>('select role, locale from user where email = ?', invitee)[0],
    ).toEqual({
      role: 'member',
      locale: lang,
    })

    // The link works once.
    const again = await (await browser.newContext({ baseURL })).newPage()
    const response = await again.goto(link.pathname)
    expect(response?.status()).toBe(410)
    await expect(again.getByRole('alert')).toHaveText(t.invalid)
    await fresh.close()

    // Inviting the same address again is refused with a clear message.
    await page.goto(`/${lang}/invitations/new`)
    await page.getByLabel(t.email).fill(invitee)
    await page.getByRole('button', { name: t.send }).click()
    await expect(page.getByText(t.hasAccount)).toBeVisible()
  })
}

test('forgotten password: the link in the outbox sets a new password once and signs the user in', async ({
  page,
  signIn,
  browser,
  baseURL,
}) => {
  // A fresh account, so the demo accounts keep their passwords.
  const email = uniqueEmail('reset')
  await signIn('coordinator')
  const joined = await joinByInvitation(page, browser, baseURL!, {
    email,
    name: 'Reset Tester',
    password: 'first password here',
  })
  await joined.context().close()

  const visitor = await (await browser.newContext({ baseURL })).newPage()
  await visitor.goto('/en/login')
  await visitor.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Forgotten password')
  await visitor.getByLabel('Email address').fill(email)
  await visitor.getByRole('button', { name: 'Send the link' }).click()
  await expect(visitor.getByRole('status')).toContainText('If an account uses that address')
  const reset = linkIn(latestMailTo(email)!.text_body)
  expect(reset.pathname).toMatch(/^\/en\/reset-password\/[a-z2-7]{32}$/)

  // Asking for an address without an account answers the same and sends nothing.
  await visitor.goto('/en/forgot-password')
  await visitor.getByLabel('Email address').fill('no-account@e2e.parlnet.example')
  await visitor.getByRole('button', { name: 'Send the link' }).click()
  await expect(visitor.getByRole('status')).toContainText('If an account uses that address')
  expect(latestMailTo('no-account@e2e.parlnet.example')).toBeUndefined()

  await visitor.goto(reset.pathname)
  await visitor.getByLabel('New password', { exact: true }).fill('second password here')
  await visitor.getByLabel('New password again').fill('second password here')
  await visitor.getByRole('button', { name: 'Save the new password' }).click()
  await expect(visitor).toHaveURL(/\/en\/account$/)
  await expect(visitor.getByText(email)).toBeVisible()

  const reused = await visitor.goto(reset.pathname)
  expect(reused?.status()).toBe(410)
})

test('changing the password ends the other sessions', async ({ browser, baseURL, page, signIn }) => {
  const email = uniqueEmail('change')
  await signIn('coordinator')
  const a = await joinByInvitation(page, browser, baseURL!, {
    email,
    name: 'Change Tester',
    password: 'original password',
  })

  const second = await browser.newContext({ baseURL })
  const b = await second.newPage()
  await b.goto('/en/login')
  await b.getByLabel('Email address').fill(email)
  await b.getByLabel('Password', { exact: true }).fill('original password')
  await b.getByRole('button', { name: 'Sign in' }).click()
  await expect(b).toHaveURL(/\/en\/account$/)

  await a.getByLabel('Current password').fill('wrong current one')
  await a.getByLabel('New password', { exact: true }).fill('brand new password')
  await a.getByLabel('New password again').fill('brand new password')
  await a.getByRole('button', { name: 'Change the password' }).click()
  await expect(a.getByText('This is not your current password.')).toBeVisible()

  await a.getByLabel('Current password').fill('original password')
  await a.getByLabel('New password', { exact: true }).fill('brand new password')
  await a.getByLabel('New password again').fill('brand new password')
  await a.getByRole('button', { name: 'Change the password' }).click()
  await expect(a.getByRole('status')).toContainText('Your password is changed')

  // The other browser is signed out; this one stays signed in with a new session.
  await b.goto('/en/account')
  await expect(b).toHaveURL(/\/en\/login/)
  await a.goto('/en/account')
  await expect(a.getByRole('heading', { level: 1 })).toHaveText('Your account')
  await a.context().close()
  await second.close()
})
