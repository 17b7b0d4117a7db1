import { expect, expectAccessible, test } from './fixtures'

const publicPages = ['', '/about', '/network', '/parliaments', '/members', '/mechanisms', '/resources', '/meetings', '/login', '/forgot-password', '/no-such-page', '/invitations/invalidtoken', '/reset-password/invalidtoken']

for (const lang of ['en', 'ar'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test('public pages', async ({ page }) => {
      for (const path of publicPages) {
        await page.goto(`/${lang}${path}`)
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        await expectAccessible(page)
      }
    })

    test('a member’s pages, with form errors shown', async ({ page, signIn }) => {
      await signIn('member')
      await page.goto(`/${lang}/account`)
      await expectAccessible(page)
      await page.locator('#password').getByRole('button').click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
      await expectAccessible(page)
      await page.goto(`/${lang}/admin`)
      await expectAccessible(page)
    })

    test('coordinator and admin pages', async ({ page, signIn }) => {
      await signIn('admin')
      for (const path of ['/invitations/new', '/admin', '/admin/outbox', '/admin/audit']) {
        await page.goto(`/${lang}${path}`)
        await expectAccessible(page)
      }
    })

    test('the login form with errors', async ({ page }) => {
      await page.goto(`/${lang}/login`)
      await page.locator('form[method="post"] button[type="submit"]').click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
      await expectAccessible(page)
    })
  })
}
