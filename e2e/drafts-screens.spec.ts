// The drafts pages as people see them (issue 15): the demo's model law, in both languages, at a desktop width and
// at 360 px, as a coordinator and as a visitor. Each page: no sideways scroll, axe at the desktop width, and a
// screenshot in screenshots/ for people to look at (npm run test:screenshots).
import { expect, expectAccessible, languages, query, snap, test } from './fixtures'

const demoTitle = 'Model law on countering the financing of terrorism'

function demoDraft() {
  const id = query<{ id: number }>('select id from draft where title_en = ?', demoTitle)[0]!.id
  const article = query<{ w: string }>(
    "select w_id as w from provision where draft_id = ? and kind = 'article' order by id limit 1 offset 2",
    id,
  )[0]!.w
  return { id, article }
}

function pagesOf(d: { id: number; article: string }) {
  return [
    ['list', '/drafts'],
    ['text', `/drafts/${d.id}`],
    ['provision', `/drafts/${d.id}/provisions/${encodeURIComponent(d.article)}`],
    ['consultation', `/drafts/${d.id}/consultation`],
    ['versions', `/drafts/${d.id}/versions`],
    ['version', `/drafts/${d.id}/versions/1`],
    ['compare', `/drafts/${d.id}/compare?from=1&to=2`],
  ] as const
}

for (const lang of languages) {
  for (const width of [1280, 360] as const) {
    test(`the demo draft's pages, ${lang} at ${width}px, as a coordinator`, async ({ page, signIn }) => {
      await signIn('coordinator')
      await page.setViewportSize({ width, height: 800 })
      const d = demoDraft()
      for (const [name, path] of [...pagesOf(d), ['new', '/drafts/new'] as const, ['edit', `/drafts/${d.id}/edit`]]) {
        const response = await page.goto(`/${lang}${path}`)
        expect(response?.status(), path).toBe(200)
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr')
        await page.evaluate(() => document.fonts.ready)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
        if (width === 1280) await expectAccessible(page)
        await snap(page, `drafts-${name}-${lang}-${width}-coordinator`)
      }
    })
  }

  test(`the demo draft's public pages, ${lang} at 360px, as a visitor`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 })
    const d = demoDraft()
    for (const [name, path] of pagesOf(d)) {
      const response = await page.goto(`/${lang}${path}`)
      expect(response?.status(), path).toBe(200)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${lang}${path} at 360px`).toBeLessThanOrEqual(0)
      await expectAccessible(page)
      // A visitor never sees an author's email address.
      expect(await page.locator('main').textContent()).not.toMatch(/@[a-z0-9.-]+\.[a-z]{2,}/i)
      await snap(page, `drafts-${name}-${lang}-360-visitor`)
    }
  })
}
