// The surveys pages as people see them (issue 16): the demo questionnaire, in both languages, at a desktop width and
// at 360 px, as a coordinator, as the demo member (whose parliament's response is started) and as a visitor (its
// results are published). Each page: 200, the language's direction, no sideways scroll, axe (once per page and
// language), and a screenshot in screenshots/ for people to look at (npm run test:screenshots).
import { expect, expectAccessible, languages, query, snap, test } from './fixtures'

const demoTitle = 'Parliamentary responses to terrorism and violent extremism, 2026'
const demoSurvey = () => query<{ id: number }>('select id from survey where title_en = ?', demoTitle)[0]!.id

const coordinatorPages = (id: number) =>
  [
    ['list', '/surveys'],
    ['new', '/surveys/new'],
    ['overview', `/surveys/${id}`],
    ['edit', `/surveys/${id}/edit`],
    ['preview', `/surveys/${id}/preview`],
    ['send', `/surveys/${id}/send`],
    ['status', `/surveys/${id}/status`],
    ['results', `/surveys/${id}/results`],
    ['results-region', `/surveys/${id}/results?by=region`],
    ['proposals', '/surveys/proposals'],
  ] as const
const memberPages = (id: number) =>
  [
    ['list', '/surveys'],
    ['respond', `/surveys/${id}/respond`],
    ['home', ''],
  ] as const
const visitorPages = (id: number) =>
  [
    ['list', '/surveys'],
    ['results', `/surveys/${id}/results`],
  ] as const

type Page = import('@playwright/test').Page

async function look(page: Page, lang: string, path: string, width: number, name: string, axe = width === 1280) {
  const response = await page.goto(`/${lang}${path}`)
  expect(response?.status(), path).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
  await page.evaluate(() => document.fonts.ready)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
  // axe once per page and language: at the desktop width for those signed in, at 360 px for visitors.
  if (axe) await expectAccessible(page)
  await snap(page, name)
}

// Ten pages, each with axe: longer than one page's test.
test.describe.configure({ timeout: 120_000 })

for (const lang of languages) {
  for (const width of [1280, 360] as const) {
    test(`the demo questionnaire's pages, ${lang} at ${width}px, as a coordinator`, async ({ page, signIn }) => {
      await signIn('coordinator')
      await page.setViewportSize({ width, height: 800 })
      for (const [name, path] of coordinatorPages(demoSurvey()))
        await look(page, lang, path, width, `surveys-${name}-${lang}-${width}-coordinator`)
    })

    test(`the demo questionnaire's pages, ${lang} at ${width}px, as the demo member`, async ({ page, signIn }) => {
      await signIn('member')
      await page.setViewportSize({ width, height: 800 })
      for (const [name, path] of memberPages(demoSurvey()))
        await look(page, lang, path, width, `surveys-${name}-${lang}-${width}-member`)
    })
  }

  test(`the demo questionnaire's published results, ${lang} at 360px, as a visitor`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    for (const [name, path] of visitorPages(demoSurvey())) {
      await look(page, lang, path, 360, `surveys-${name}-${lang}-360-visitor`, true)
      // Aggregates only: no parliament's name in an answer list, no address.
      expect(await page.locator('main').textContent()).not.toMatch(/@[a-z0-9.-]+\.[a-z]{2,}/i)
    }
  })
}
