import type { Page } from '@playwright/test'
import { expect, test, waitForHydration } from './fixtures'

// Issue 14: what the first paint waits for. The Arabic face is cut to the Arabic letters and declared with their
// unicode-range, so a page with no Arabic letter fetches no font, and an Arabic page preloads its text's face; the
// scripts are preloaded at low priority so that the stylesheets and the font go first (script-priority.server.ts).

/** Starts recording; the function it returns lists the font files the page has fetched since. */
function recordFonts(page: Page) {
  const fonts: string[] = []
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname)
  })
  return () => fonts
}

test('an Arabic page preloads its text face, fetches only the subset faces, and draws its text with them', async ({
  page,
}) => {
  const fonts = recordFonts(page)
  await page.goto('/ar/about')
  await waitForHydration(page)
  const preload = page.locator('head link[rel="preload"][as="font"]')
  await expect(preload).toHaveCount(1)
  await expect(preload).toHaveAttribute('href', /\/assets\/noto-sans-arabic-400-[\w-]+\.woff2$/)
  await expect(preload).toHaveAttribute('crossorigin', 'anonymous')
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'بارلنت'))).toBe(true)
  const fetched = fonts()
  expect(fetched.length).toBeGreaterThan(0)
  for (const font of fetched) expect(font).toMatch(/^\/assets\/noto-sans-arabic-(400|700)-[\w-]+\.woff2$/)
  // The preloaded face is the one the page uses: fetched once, not once by the preload and again by the CSS.
  expect(fetched.filter((f) => f.includes('-400-'))).toHaveLength(1)
})

test('an English page without Arabic letters preloads and fetches no font', async ({ page }) => {
  const fonts = recordFonts(page)
  await page.goto('/en/about')
  await waitForHydration(page)
  await expect(page.locator('head link[rel="preload"][as="font"]')).toHaveCount(0)
  // The language switch says "العربية" in the system face (shell.css), so no Arabic letter uses the font.
  expect(fonts()).toEqual([])
})

test('the scripts are preloaded at low priority, all of them, and the page still hydrates', async ({ page }) => {
  const response = await page.request.get('/en/resources')
  const html = await response.text()
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*>/g)].map((m) => m[0])
  expect(preloads.length).toBeGreaterThan(3)
  for (const link of preloads) expect(link).toContain('fetchpriority="low"')
  await page.goto('/en/resources')
  await waitForHydration(page)
})
