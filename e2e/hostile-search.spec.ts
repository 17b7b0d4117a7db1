import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { expect, languages, test, waitForHydration } from './fixtures'

// Searches strangers made (issue 12, item 11): 50,000 emoji, 10,000 ZWJ families, 100,000 combining marks. A search
// that fits in an address is read as its first characters, the page says so, and no link on it (the language switch,
// pagination, sorting, "sign in") repeats the whole; one too long for any address gets a 431 page in its language.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'))
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '')
const digits = (n: number, lang: string) => new Intl.NumberFormat(lang).format(n)

// Each fits under the server's 16 KB header limit once encoded (≤ 12 characters a code point).
const hostile = {
  emoji: '😀'.repeat(1_000),
  zwjFamilies: '👨‍👩‍👧‍👦'.repeat(150),
  marks: 'a' + '\u0301'.repeat(2_500),
}
const lists = ['members', 'parliaments', 'mechanisms', 'resources'] as const

for (const lang of languages) {
  const common = strings(lang, 'common')
  const library = strings(lang, 'library')

  test(`long searches are read as their beginning, said so, and not repeated in links (${lang})`, async ({
    request,
  }) => {
    for (const [name, q] of Object.entries(hostile)) {
      for (const list of [...lists, 'meetings', 'resources/feed.xml']) {
        const response = await request.get(`/${lang}/${list}?q=${encodeURIComponent(q)}&page=1`)
        expect(response.status(), `${list} ${name}`).toBe(200)
        const body = await response.text()
        // The full query never comes back, neither raw nor encoded; the page stays small.
        expect(body.includes(q), `${list} ${name} raw`).toBe(false)
        expect(body.includes(encodeURIComponent(q)), `${list} ${name} encoded`).toBe(false)
        expect(body.length, `${list} ${name} size`).toBeLessThan(400_000)
      }
    }
  })

  test(`the lists tell a visitor their search was shortened, in their language (${lang})`, async ({ page }) => {
    const q = hostile.emoji
    for (const list of lists) {
      await page.goto(`/${lang}/${list}?q=${encodeURIComponent(q)}`)
      await waitForHydration(page)
      const notice =
        list === 'resources'
          ? fill(library.capped, { max: digits(12, lang) })
          : fill(common.searchShortened, { max: digits(200, lang) })
      await expect(page.getByText(notice), list).toBeVisible()
      // The search box holds what was searched: its first characters.
      const value = await page.locator('input[name="q"]').inputValue()
      expect([...value].length, list).toBe(list === 'resources' ? 300 : 200)
      const switchHref = await page.locator('a.language-switch').getAttribute('href')
      expect(switchHref!.length, list).toBeLessThan(4_000)
      expect(switchHref!.startsWith(`/${lang === 'ar' ? 'en' : 'ar'}/${list}?q=`), list).toBe(true)
    }
    // An ordinary search says nothing of the kind.
    await page.goto(`/${lang}/members?q=${encodeURIComponent('برلمان')}`)
    await expect(page.getByText(fill(common.searchShortened, { max: digits(200, lang) }))).toHaveCount(0)
  })

  test(`an address too long for the server gets a 431 page in its language (${lang})`, async ({ baseURL }) => {
    // 50,000 emoji: 600,000 characters once encoded, far past the 16 KB limit.
    const target = `/${lang}/resources?q=${encodeURIComponent('😀'.repeat(50_000))}`
    const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = http.get(new URL(target, baseURL), (res) => {
          let data = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (data += chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: data }),
          )
        })
        req.on('error', reject)
      },
    )
    expect(status).toBe(431)
    expect(type).toContain('text/html')
    expect(body).toContain(`<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">`)
    expect(body).toContain(common.errors.addressTooLong.title)
  })
}
