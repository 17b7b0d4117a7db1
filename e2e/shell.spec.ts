import { expect, expectAccessible, query, snap, test } from './fixtures'

test.describe('the site shell, as a visitor', () => {
  test('/ follows Accept-Language, else English', async ({ request }) => {
    const ar = await request.get('/', { headers: { 'Accept-Language': 'ar-QA,ar;q=0.9,en;q=0.5' }, maxRedirects: 0 })
    expect(ar.status()).toBe(302)
    expect(ar.headers()['location']).toBe('/ar')
    const fr = await request.get('/', { headers: { 'Accept-Language': 'fr-FR' }, maxRedirects: 0 })
    expect(fr.headers()['location']).toBe('/en')
    const none = await request.get('/', { headers: { 'Accept-Language': '' }, maxRedirects: 0 })
    expect(none.headers()['location']).toBe('/en')
  })

  test('home page in English, switch to Arabic and back keeps the page', async ({ page }) => {
    await page.goto('/en')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parliaments working together against terrorism')
    // Live counts from the database (the demo's nine, plus any other spec's additions).
    const parliaments = query<{ n: number }>('select count(*) n from parliament')[0]!.n
    expect(parliaments).toBeGreaterThanOrEqual(9)
    await expect(page.getByTestId('count-parliaments')).toHaveText(String(parliaments))
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'Network',
      'Resources',
      'Meetings',
      'Drafts',
      'Surveys',
      'Groups',
      'Support',
      'Women and youth',
      'Partners',
      'About',
    ])

    await page.getByRole('link', { name: 'About', exact: true }).click()
    await expect(page).toHaveURL(/\/en\/about$/)
    await page.getByRole('link', { name: 'Read this page in Arabic' }).click()
    await expect(page).toHaveURL(/\/ar\/about$/)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('عن الشبكة')
    await expect(page.getByText('تدابير منع الإرهاب ومكافحته', { exact: true })).toBeVisible()

    await page.getByRole('link', { name: 'اقرأ هذه الصفحة بالإنجليزية' }).click()
    await expect(page).toHaveURL(/\/en\/about$/)
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  })

  test('Arabic home page formats numbers with Intl and has no English UI text', async ({ page }) => {
    await page.goto('/ar')
    const parliaments = query<{ n: number }>('select count(*) n from parliament')[0]!.n
    await expect(page.getByTestId('count-parliaments')).toHaveText(new Intl.NumberFormat('ar').format(parliaments))
    // Content shown in its own language (an English-only title, marked lang="en") is not interface text.
    const main = await page.locator('main').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[lang]:not([lang="ar"])').forEach((e) => e.remove())
      return copy.textContent ?? ''
    })
    // Only the Latin letters of a proper noun may appear; the interface itself is Arabic.
    expect(main.match(/[A-Za-z]{3,}/g) ?? []).toEqual([])
  })

  test('an unknown language prefix and an unknown page are localized 404s', async ({ page }) => {
    const fr = await page.goto('/fr/about')
    expect(fr?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')

    const ar = await page.goto('/ar/no-such-page')
    expect(ar?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة')
    await expect(page).toHaveTitle(/الصفحة غير موجودة/)
  })

  test('the directory lists the demo parliaments in each language', async ({ page }) => {
    await page.goto('/en/parliaments')
    await expect(page.getByRole('rowheader').getByRole('link', { name: 'Shura Council of Qatar' })).toBeVisible()
    await page.goto('/ar/parliaments')
    await expect(page.getByRole('rowheader').getByRole('link', { name: 'مجلس الشورى القطري' })).toBeVisible()
    await expect(page.getByRole('cell', { name: 'اتحاد برلماني' })).toBeVisible()
  })

  test('skip link moves focus to the main content', async ({ page }) => {
    await page.goto('/en')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#main$/)
  })
})

test.describe('screenshots for people to look at', () => {
  const pages = ['', '/about', '/network', '/parliaments', '/login', '/resources', '/no-such-page']
  for (const lang of ['en', 'ar'] as const) {
    for (const width of [1280, 360] as const) {
      test(`${lang} at ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 800 })
        for (const path of pages) {
          await page.goto(`/${lang}${path}`)
          await page.evaluate(() => document.fonts.ready)
          // Nothing may overflow sideways at 360 px (tables scroll inside their own box).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
          // These pages' accessibility check (a11y.spec.ts checks the other public pages).
          if (width === 1280) {
            await expect(page.locator('html')).toHaveAttribute('lang', lang)
            await expectAccessible(page)
          }
          await snap(page, `${lang}${path.replaceAll('/', '-') || '-home'}-${width}`)
        }
      })
    }
  }
})

test.describe('screenshots of the signed-in pages', () => {
  const pages = ['/account', '/invitations/new', '/admin', '/admin/outbox', '/admin/audit']
  for (const lang of ['en', 'ar'] as const) {
    for (const width of [1280, 360] as const) {
      test(`${lang} at ${width}px, as an admin`, async ({ page, signIn }) => {
        await signIn('admin')
        await page.setViewportSize({ width, height: 800 })
        for (const path of pages) {
          await page.goto(`/${lang}${path}`)
          await page.evaluate(() => document.fonts.ready)
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
          if (width === 1280) await expectAccessible(page)
          await snap(page, `${lang}${path.replaceAll('/', '-')}-${width}`)
        }
      })
    }
  }
})
