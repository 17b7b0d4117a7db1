import type { Page } from '@playwright/test'
import { expect, query, test } from './fixtures'

// What search engines and link previews read: each public page's description in its language, its canonical
// address and its alternates in both languages on the configured public address (never the Host the browser
// used: these tests reach the server as 127.0.0.1), its Open Graph tags; robots.txt and sitemap.xml.

const ARABIC = /[\u0600-\u06FF]/

/** PUBLIC_URL is unset in the e2e server: links then point to http://localhost:PORT, whatever the Host. */
function configuredOrigin(baseURL: string) {
  return process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : `http://localhost:${new URL(baseURL).port}`
}

/** The head's tags search engines and link previews read. */
async function headOf(page: Page) {
  return page.evaluate(() => {
    const attr = (selector: string, name: string) => document.head.querySelector(selector)?.getAttribute(name) ?? null
    const og = (property: string) =>
      [...document.head.querySelectorAll(`meta[property="${property}"]`)].map((m) => m.getAttribute('content'))
    return {
      lang: document.documentElement.lang,
      description: attr('meta[name="description"]', 'content'),
      descriptions: document.head.querySelectorAll('meta[name="description"]').length,
      canonical: attr('link[rel="canonical"]', 'href'),
      en: attr('link[rel="alternate"][hreflang="en"]', 'href'),
      ar: attr('link[rel="alternate"][hreflang="ar"]', 'href'),
      xDefault: attr('link[rel="alternate"][hreflang="x-default"]', 'href'),
      ogTitle: og('og:title'),
      ogDescription: og('og:description'),
      ogLocale: og('og:locale'),
      ogLocaleAlternate: og('og:locale:alternate'),
      ogType: og('og:type'),
      ogUrl: og('og:url'),
      ogSiteName: og('og:site_name'),
    }
  })
}

const published = () =>
  query<{ id: number }>(
    "select id from resource where state = 'published' and visibility = 'public' and summary_en <> '' and summary_ar <> '' order by id limit 1",
  )[0]!.id

test.describe('the head of public pages', () => {
  const pages = () => ['/en', '/ar', '/ar/resources', `/en/resources/${published()}`, `/ar/resources/${published()}`]

  test('each has a description in its language, a canonical, hreflang en/ar/x-default and Open Graph tags', async ({
    page,
    baseURL,
  }) => {
    const origin = configuredOrigin(baseURL!)
    for (const path of pages()) {
      await page.goto(path)
      const head = await headOf(page)
      const lang = path.startsWith('/ar') ? 'ar' : 'en'
      const other = lang === 'ar' ? '/en' : '/ar'
      const rest = path.slice(3)
      expect(head.lang, path).toBe(lang)
      expect(head.descriptions, path).toBe(1)
      expect(head.description?.trim(), path).toBeTruthy()
      if (lang === 'ar') expect(head.description, path).toMatch(ARABIC)
      else expect(head.description, path).not.toMatch(ARABIC)
      expect(head.canonical, path).toBe(`${origin}${path}`)
      expect(head[lang], path).toBe(`${origin}${path}`)
      expect(head[lang === 'ar' ? 'en' : 'ar'], path).toBe(`${origin}${other}${rest}`)
      expect(head.xDefault, path).toBe(`${origin}/en${rest}`)
      expect(head.ogTitle.length, path).toBe(1)
      expect(head.ogTitle[0]?.trim(), path).toBeTruthy()
      expect(head.ogDescription, path).toEqual([head.description])
      expect(head.ogLocale, path).toEqual([lang === 'ar' ? 'ar_AR' : 'en_GB'])
      expect(head.ogLocaleAlternate, path).toEqual([lang === 'ar' ? 'en_GB' : 'ar_AR'])
      expect(head.ogType, path).toEqual(['website'])
      expect(head.ogUrl, path).toEqual([head.canonical])
      expect(head.ogSiteName[0]?.trim(), path).toBeTruthy()
    }
  })

  test("a resource's description is its summary; a search's canonical is the library itself", async ({
    page,
    baseURL,
  }) => {
    const id = published()
    const [summary] = query<{ summary_ar: string }>('select summary_ar from resource where id = ?', id)
    await page.goto(`/ar/resources/${id}`)
    const description = (await headOf(page)).description!
    const start = summary!.summary_ar.replace(/\s+/g, ' ').trim().slice(0, 40)
    expect(description.startsWith(start)).toBe(true)
    expect([...description].length).toBeLessThanOrEqual(160)

    await page.goto('/ar/resources?q=%D8%A7%D9%84%D8%B4%D8%A8%D8%A7%D8%A8&utm_source=news')
    expect((await headOf(page)).canonical).toBe(`${configuredOrigin(baseURL!)}/ar/resources`)
  })
})

test.describe('robots.txt and sitemap.xml', () => {
  test('robots.txt keeps crawlers out of private pages and names the sitemap', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toMatch(/^User-agent: \*$/m)
    expect(text).toContain('Disallow: /en/admin\n')
    expect(text).toContain('Disallow: /ar/account\n')
    expect(text).toContain(`Sitemap: ${configuredOrigin(baseURL!)}/sitemap.xml`)
  })

  test("sitemap.xml lists a demo parliament's page and public resources in both languages, never a members-only one", async ({
    request,
    baseURL,
  }) => {
    const origin = configuredOrigin(baseURL!)
    const response = await request.get('/sitemap.xml')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^application\/xml/)
    const xml = await response.text()
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')
    const [parliament] = query<{ id: number }>('select id from parliament order by id limit 1')
    for (const lang of ['en', 'ar']) {
      expect(xml).toContain(`<loc>${origin}/${lang}/parliaments/${parliament!.id}</loc>`)
      expect(xml).toContain(`<loc>${origin}/${lang}/resources/${published()}</loc>`)
    }
    expect(xml).toContain(
      `<xhtml:link rel="alternate" hreflang="x-default" href="${origin}/en/parliaments/${parliament!.id}"/>`,
    )
    const membersOnly = query<{ id: number }>(
      "select id from resource where state = 'published' and visibility = 'members' order by id limit 1",
    )[0]
    if (membersOnly) expect(xml).not.toContain(`/resources/${membersOnly.id}</loc>`)
  })
})
