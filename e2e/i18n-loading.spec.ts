import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, languages, test, waitForHydration } from './fixtures'

// Issue 14: a page carries the strings of the namespaces its routes declare, so it hydrates without fetching a
// locale file; a client-side navigation to a page that needs another namespace loads that one, and the new page
// shows its text, never its keys.

const strings = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8')) as Record<string, unknown>

/** Every dotted key of a namespace: what i18next would show in place of a text it does not have. */
function keysOf(node: unknown, prefix = ''): string[] {
  if (node === null || typeof node !== 'object') return [prefix]
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
}

/** The built locale chunks (pathname → "lang/ns"), read from entry.client's import.meta.glob in its chunk. */
async function localeChunks(page: Page) {
  const entry = await page.evaluate(
    () => (window as unknown as { __remixManifest: { entry: { module: string } } }).__remixManifest.entry.module,
  )
  const entryUrl = new URL(entry, page.url())
  const source = await (await page.request.get(entryUrl.href)).text()
  const chunks = new Map<string, string>()
  for (const m of source.matchAll(
    /["']\.\.\/locales\/(\w+)\/(\w+)\.json["']\s*:\s*\(\)\s*=>[^,}]*?import\(\s*["']([^"']+)["']/g,
  ))
    chunks.set(new URL(m[3]!, entryUrl).pathname, `${m[1]}/${m[2]}`)
  const count = fs.readdirSync(path.join('locales', 'en')).filter((f) => f.endsWith('.json')).length
  expect(chunks.size, 'one chunk per language and namespace').toBe(2 * count)
  return chunks
}

/** Starts recording; the function it returns answers which locale chunks the page has asked for since. */
function recordLocaleRequests(page: Page) {
  const paths: string[] = []
  page.on('request', (request) => paths.push(new URL(request.url()).pathname))
  return async () => {
    const chunks = await localeChunks(page)
    return paths.filter((p) => chunks.has(p)).map((p) => chunks.get(p)!)
  }
}

const firstLoads = [
  { path: '/en', namespaces: ['common', 'library', 'meetings'] },
  // The library's search can be saved as an alert (the alerts strings).
  { path: '/ar/resources', namespaces: ['alerts', 'common', 'library', 'network'] },
]

for (const { path: address, namespaces } of firstLoads) {
  test(`${address} hydrates from the strings inlined in the page, fetching no locale chunk`, async ({ page }) => {
    const localeRequests = recordLocaleRequests(page)
    await page.goto(address)
    await waitForHydration(page)
    expect(await localeRequests()).toEqual([])
    const inlined = JSON.parse((await page.locator('#i18n-resources').textContent()) ?? '{}') as object
    expect(Object.keys(inlined).sort()).toEqual(namespaces)
  })
}

for (const lang of languages) {
  test(`a client-side navigation from home to a meeting loads its namespaces and shows no raw key (${lang})`, async ({
    page,
  }) => {
    const participation = strings(lang, 'participation')
    await page.goto(`/${lang}`)
    await waitForHydration(page)
    const localeRequests = recordLocaleRequests(page)
    // A mark a full page load would wipe out: the meeting page must come from a client-side navigation.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }))

    const nextMeetings = strings(lang, 'meetings').home as { title: string }
    await page.getByRole('region', { name: nextMeetings.title }).locator('a[href*="/meetings/"]').first().click()
    await expect(page).toHaveURL(new RegExp(`/${lang}/meetings/\\d+$`))
    // The registration panel's strings are in the participation namespace, which the home page does not declare.
    const panel = participation.panel as { title: string }
    await expect(page.getByRole('heading', { name: panel.title, exact: true })).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    expect(await localeRequests()).toContain(`${lang}/participation`)

    const keys = new Set(['participation', 'agenda', 'meetings', 'library'].flatMap((ns) => keysOf(strings(lang, ns))))
    const texts = await page.locator('main').evaluate((main) => {
      const found: string[] = []
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT)
      while (walker.nextNode()) found.push(walker.currentNode.textContent?.trim() ?? '')
      return found.filter(Boolean)
    })
    expect(texts.filter((text) => keys.has(text))).toEqual([])
  })
}
