import { demo, expect, joinByInvitation, latestMailTo, linkIn, query, signInAs, test, uniqueEmail } from './fixtures'

test.describe('administration', () => {
  for (const lang of ['en', 'ar'] as const) {
    test(`a member gets the localized 403 page (${lang})`, async ({ page, signIn }) => {
      await signIn('member')
      for (const path of ['admin', 'admin/outbox', 'admin/audit', 'invitations/new']) {
        const response = await page.goto(`/${lang}/${path}`)
        expect(response?.status(), path).toBe(403)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          lang === 'en' ? 'Access denied' : 'غير مسموح بالدخول',
        )
      }
      // …and no link to them.
      await page.goto(`/${lang}`)
      await expect(page.getByRole('link', { name: lang === 'en' ? 'Administration' : 'الإدارة' })).toHaveCount(0)
    })

    test(`the outbox never shows another account's live invitation link, and says mail is not sent (${lang})`, async ({
      page,
      signIn,
    }) => {
      const invitee = uniqueEmail(`outbox-${lang}`)
      await signIn('admin')
      await page.goto('/en/invitations/new')
      await page.getByLabel('Email address').fill(invitee)
      await page.getByRole('button', { name: 'Send the invitation' }).click()
      await expect(page.getByRole('status')).toHaveText('The invitation has been sent.')
      // Without SMTP (as in tests) the stored body keeps the live link: the outbox is the delivery channel.
      const secret = linkIn(latestMailTo(invitee)!.text_body).pathname.split('/').pop()!
      expect(secret).toMatch(/^[a-z2-7]{32}$/)

      await page.goto(`/${lang}/admin/outbox`)
      const message = page.getByTestId('outbox-message').filter({ hasText: invitee })
      await expect(message).toHaveCount(1)
      await message.locator('summary').click()
      await expect(message.locator('pre')).toContainText('/invitations/•••')
      expect(await page.content()).not.toContain(secret)
      await expect(page.getByTestId('outbox-no-smtp')).toHaveText(
        lang === 'en' ? /Mail is not being sent: no SMTP server is configured/ : /لا تُرسَل الرسائل: لم يُضبط خادم SMTP/,
      )
    })

    test(`a coordinator cannot open the admin pages either (${lang})`, async ({ page, signIn }) => {
      await signIn('coordinator')
      const response = await page.goto(`/${lang}/admin`)
      expect(response?.status()).toBe(403)
    })
  }

  test('a visitor is sent to sign in and back', async ({ page }) => {
    await page.goto('/ar/admin/audit')
    await expect(page).toHaveURL(/\/ar\/login\?redirectTo=%2Far%2Fadmin%2Faudit$/)
    await page.getByLabel('البريد الإلكتروني').fill(demo.admin.email)
    await page.getByLabel('كلمة المرور', { exact: true }).fill(demo.admin.password)
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click()
    await expect(page).toHaveURL(/\/ar\/admin\/audit$/)
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('سجل التدقيق')
  })

  test('a member cannot change a role by forging the admin form', async ({ page, signIn }) => {
    await signIn('member')
    const memberId = query<{ id: number }>('select id from user where email = ?', demo.member.email)[0]!.id
    await page.goto('/en')
    const status = await page.evaluate(
      async ({ id }) => {
        const body = new URLSearchParams({ intent: 'role', userId: String(id), role: 'admin' })
        const r = await fetch('/en/admin?index', { method: 'POST', body })
        return r.status
      },
      { id: memberId },
    )
    expect(status).toBe(403)
    expect(query<{ role: string }>('select role from user where id = ?', memberId)[0]!.role).toBe('member')
  })

  test('an admin changes a role and deactivates an account; both are audited and end sessions', async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    // A fresh member to act on.
    const email = uniqueEmail('managed')
    await signIn('admin')
    await page.goto('/en/invitations/new')
    // Admins may invite any role.
    await expect(page.getByLabel('Role').locator('option')).toHaveText(['Member', 'Coordinator', 'Administrator'])
    const managed = await joinByInvitation(page, browser, baseURL!, {
      email,
      name: 'Managed Member',
      password: 'managed password 1',
    })
    const ctx = managed.context()

    await page.goto('/en/admin')
    const row = page.getByTestId(`user-${email}`)
    await row.getByLabel('Role of Managed Member').selectOption('coordinator')
    await row.getByRole('button', { name: 'Save role' }).click()
    await expect(page.getByRole('status')).toHaveText('The role is saved. That person must sign in again.')
    expect(query<{ role: string }>('select role from user where email = ?', email)[0]!.role).toBe('coordinator')

    // The role change signed them out.
    await managed.goto('/en/account')
    await expect(managed).toHaveURL(/\/en\/login/)
    await signInAs(ctx, baseURL!, email)

    await page
      .getByTestId(`user-${email}`)
      .getByRole('button', { name: /Deactivate/ })
      .click()
    await expect(page.getByRole('status')).toHaveText('The account is deactivated and signed out everywhere.')
    await managed.goto('/en/account')
    await expect(managed).toHaveURL(/\/en\/login/)
    // …and cannot sign in again.
    await managed.getByLabel('Email address').fill(email)
    await managed.getByLabel('Password', { exact: true }).fill('managed password 1')
    await managed.getByRole('button', { name: 'Sign in' }).click()
    await expect(managed.getByRole('alert')).toHaveText('The email address or the password is not correct.')
    await ctx.close()

    await page.goto('/en/admin/audit')
    await expect(page.getByRole('cell', { name: 'Changed a role' }).first()).toBeVisible()
    await expect(page.getByRole('cell', { name: 'Deactivated an account' }).first()).toBeVisible()
    await page.goto('/ar/admin/audit')
    await expect(page.getByRole('cell', { name: 'عطّل حسابًا' }).first()).toBeVisible()
  })

  test('an admin cannot demote or deactivate themselves', async ({ page, signIn }) => {
    await signIn('admin')
    await page.goto('/en/admin')
    const row = page.getByTestId(`user-${demo.admin.email}`)
    await expect(row.getByRole('button', { name: /Deactivate/ })).toHaveCount(0)
    await row.getByLabel(`Role of ${demo.admin.name}`).selectOption('member')
    await row.getByRole('button', { name: 'Save role' }).click()
    await expect(page.getByRole('alert')).toHaveText(
      'You cannot remove your own administrator rights or deactivate your own account.',
    )
    expect(query<{ role: string }>('select role from user where email = ?', demo.admin.email)[0]!.role).toBe('admin')
  })
})
