import { expect, expectAccessible, query, snap, test } from './fixtures'

// The demo library (db/seed-resources.ts) is loaded with the demo: 11 published resources, one for members only.
const text = {
  en: {
    query: 'Words to look for',
    search: 'Search',
    count: (n: number) => `Results: ${n}`,
    filters: 'Filter the results',
    typeFacet: 'Type',
    report: 'Report',
    clear: 'Clear all filters',
    share: 'Share a resource',
    feed: 'Follow this list (Atom feed)',
    membersOnly: 'Members only',
    noWords: 'Your search has no words to look for. Type a word in Arabic or English.',
  },
  ar: {
    query: 'كلمات البحث',
    search: 'ابحث',
    count: (n: number) => `عدد النتائج: ${new Intl.NumberFormat('ar').format(n)}`,
    filters: 'تصفية النتائج',
    typeFacet: 'النوع',
    report: 'تقرير',
    clear: 'إزالة كل عوامل التصفية',
    share: 'مشاركة مورد',
    feed: 'تابِع هذه القائمة (موجز Atom)',
    membersOnly: 'للأعضاء فقط',
    noWords: 'لا يتضمن بحثك كلمات يمكن البحث عنها. اكتب كلمة بالعربية أو الإنجليزية.',
  },
} as const

const youthGuide = 'دليل برلماني لحماية الشباب من التطرف العنيف عبر الإنترنت'
const doha = {
  en: 'Report of the first coordination meeting of parliamentary assemblies on counter-terrorism (Doha)',
  ar: 'تقرير الاجتماع التنسيقي الأول للجمعيات البرلمانية بشأن مكافحة الإرهاب (الدوحة)',
}

const results = (page: import('@playwright/test').Page) =>
  page.locator('.library__list').getByRole('heading', { level: 3 })

/** Published resources in the database (other specs may have shared more than the demo's). */
function published({ publicOnly, type }: { publicOnly: boolean; type?: string }) {
  return query<{ n: number }>(
    `select count(*) n from resource where state = 'published'${publicOnly ? " and visibility = 'public'" : ''}${type ? ' and type = ?' : ''}`,
    ...(type ? [type] : []),
  )[0]!.n
}

test.describe('the library: search, facets and feed', () => {
  test('an Arabic word with or without diacritics, and a plural, find the Arabic guide (visitor, Arabic)', async ({
    page,
  }) => {
    const t = text.ar
    await page.goto('/ar/resources')
    await page.getByLabel(t.query).fill('الشَّبَابُ')
    await page.getByRole('button', { name: t.search }).click()
    await expect(page).toHaveURL(/\/ar\/resources\?q=/)
    await expect(results(page).filter({ hasText: youthGuide })).toHaveCount(1)
    for (const typed of ['الشباب', 'التطرّف', 'التطرف']) {
      await page.goto('/ar/resources?q=' + encodeURIComponent(typed))
      await expect(results(page).filter({ hasText: youthGuide })).toHaveCount(1)
    }
    // The guide says البرلمان and البرلمانيين: the plural البرلمانات finds it, its word marked in the snippet.
    await page.goto('/ar/resources?q=' + encodeURIComponent('البرلمانات'))
    const card = page.locator('article').filter({ hasText: youthGuide })
    await expect(card).toHaveCount(1)
    await expect(card.locator('mark').first()).toHaveText(/برلمان/)
    // From the English page too, marked as Arabic.
    await page.goto('/en/resources?q=' + encodeURIComponent('الشباب'))
    await expect(page.getByRole('link', { name: youthGuide })).toHaveAttribute('href', /\/en\/resources\/\d+$/)
    await expect(page.locator(`[lang="ar"]`, { hasText: youthGuide })).toHaveCount(1)
  })

  test('facets narrow the list with their counts; odd queries answer 200 (visitor, English)', async ({ page }) => {
    const t = text.en
    const everything = published({ publicOnly: true })
    const reports = published({ publicOnly: true, type: 'report' })
    await page.goto('/en/resources')
    await expect(page.getByRole('status')).toHaveText(t.count(everything))
    const filters = page.getByRole('complementary', { name: t.filters })
    const reportLink = filters
      .getByRole('region', { name: t.typeFacet })
      .getByRole('link', { name: new RegExp(`^${t.report}`) })
    await expect(reportLink.locator('.facet__count')).toHaveText(String(reports))
    await reportLink.click()
    await expect(page).toHaveURL(/type=report/)
    await expect(page.getByRole('status')).toHaveText(t.count(reports))
    await expect(
      results(page).filter({ hasText: 'Supporting victims of terrorism: legislation and practice' }),
    ).toHaveCount(1)
    await expect(results(page).filter({ hasText: 'Model legislative provisions' })).toHaveCount(0)
    await expect(filters.getByRole('link', { name: /Report/ })).toHaveAttribute('aria-current', 'true')
    await filters.getByRole('link', { name: t.clear }).click()
    await expect(page.getByRole('status')).toHaveText(t.count(everything))

    // A search keeps chosen filters; the plural "parliaments" finds "parliament(ary)".
    await page.goto('/en/resources?q=parliaments&region=europe')
    await expect(page.getByLabel(t.query)).toHaveValue('parliaments')
    for (const title of [
      'Returning foreign terrorist fighters and their families: options for parliaments',
      'Protecting critical infrastructure against terrorist attacks: what parliaments can do',
    ]) {
      await expect(results(page).filter({ hasText: title })).toHaveCount(1)
    }
    await expect(results(page).filter({ hasText: 'Model legislative provisions' })).toHaveCount(0)

    for (const q of ['"', 'NEAR(', '*', '-', 'AND OR', 'x'.repeat(5000), '🙂', '%', '{title}:x']) {
      const response = await page.goto(`/en/resources?q=${encodeURIComponent(q)}&type=zz&page=abc&sort=nope&year=3000`)
      expect(response?.status(), q.slice(0, 10)).toBe(200)
    }
    await page.goto('/en/resources?q=' + encodeURIComponent('?!'))
    await expect(page.getByText(t.noWords)).toBeVisible()
    await expect(page.getByRole('link', { name: t.share })).toHaveCount(0)
  })

  test('members-only resources are listed for members, never in the feed', async ({ page, signIn, request }) => {
    for (const lang of ['en', 'ar'] as const) {
      await page.goto(`/${lang}/resources?q=${lang === 'en' ? 'Doha' : encodeURIComponent('الدوحة')}`)
      await expect(page.getByRole('link', { name: doha[lang] })).toHaveCount(0)
    }
    await signIn('member')
    for (const lang of ['en', 'ar'] as const) {
      const t = text[lang]
      await page.goto(`/${lang}/resources?q=${lang === 'en' ? 'Doha' : encodeURIComponent('الدوحة')}`)
      const card = page.locator('article').filter({ has: page.getByRole('link', { name: doha[lang] }) })
      await expect(card).toHaveCount(1)
      await expect(card.getByText(t.membersOnly)).toBeVisible()
      await page.goto(`/${lang}/resources`)
      await expect(page.getByRole('status')).toHaveText(t.count(published({ publicOnly: false })))
      await expect(page.getByRole('link', { name: t.share })).toHaveAttribute('href', `/${lang}/resources/new`)

      // The feed link keeps the filters, answers Atom, and holds only what visitors see.
      await page.goto(`/${lang}/resources?type=report`)
      const href = await page.getByRole('link', { name: t.feed }).getAttribute('href')
      expect(href).toBe(`/${lang}/resources/feed.xml?type=report`)
      await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', href!)
      const feed = await page.request.get(href!)
      expect(feed.status()).toBe(200)
      expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
      const xml = await feed.text()
      expect(xml).toContain(`<feed xml:lang="${lang}"`)
      expect(xml).toContain(lang === 'en' ? 'Supporting victims of terrorism' : 'دعم ضحايا الإرهاب')
      expect(xml).not.toContain('Doha')
      expect(xml).not.toContain('الدوحة')
    }
    expect((await request.get('/en/resources/feed.xml?q=%22')).status()).toBe(200)
  })

  for (const lang of ['en', 'ar'] as const) {
    test(`accessibility and screenshots (${lang})`, async ({ page, signIn }) => {
      await signIn('member')
      const q = lang === 'en' ? 'terrorism' : encodeURIComponent('الإرهاب')
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 })
        const pages = [
          ['resources', '/resources'],
          ['resources-search', `/resources?q=${q}&pillar=2`],
          ...(width === 1280 ? [['resources-empty', '/resources?q=zzzzqqq'] as const] : []),
        ] as const
        for (const [name, path] of pages) {
          await page.goto(`/${lang}${path}`)
          await expect(page.getByRole('status')).toBeVisible()
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          expect(overflow, `${lang}${path} at ${width}px`).toBeLessThanOrEqual(0)
          if (width === 1280 && name !== 'resources-empty') await expectAccessible(page)
          // The whole library at 360 px is a very tall picture; its overflow is checked, the search is pictured.
          if (width === 1280 || name !== 'resources') await snap(page, `${lang}-${name}-${width}`)
        }
      }
    })
  }
})
