import { expect, expectAccessible, test } from './fixtures'

// The public pages that shell.spec.ts pictures ('', /about, /network, /parliaments, /login, /resources,
// /no-such-page) and the admin pages are checked there, on the same visit as their desktop screenshot.
const publicPages = [
  '/members',
  '/mechanisms',
  '/meetings',
  '/forgot-password',
  '/invitations/invalidtoken',
  '/reset-password/invalidtoken',
]

for (const lang of ['en', 'ar'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test('public pages, and the login form with errors', async ({ page }) => {
      for (const path of publicPages) {
        await page.goto(`/${lang}${path}`)
        await expect(page.locator('html')).toHaveAttribute('lang', lang)
        await expectAccessible(page)
      }
      await page.goto(`/${lang}/login`)
      await page.locator('form[method="post"] button[type="submit"]').click()
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible()
      await expectAccessible(page)
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
  })
}
