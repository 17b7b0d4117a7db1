// The sitemap (sitemaps.org) of the pages a visitor may see, in both languages, built from the database on each
// request so that it follows the records as they change. Each feature lists its own public records.
import { countPublicResources, listPublicResourcesForSitemap } from '~/features/library'
import { listPublicMeetingsForSitemap } from '~/features/meetings'
import { listParliamentsForSitemap } from '~/features/network'
import { listPartnersForSitemap } from '~/features/partners'
import { listProgrammesForSitemap } from '~/features/programmes'
import { languages, type Language } from '~/utils/i18n'
import { siteBaseUrl } from '~/utils/links.server'

/** A page in both languages: its path after /en or /ar, and when its record last changed. */
export type SitemapPage = { path: string; updatedAt?: Date }

/** The lists and fixed pages a visitor sees (the home page is ''). */
export const publicPages = [
  '',
  '/about',
  '/network',
  '/parliaments',
  '/members',
  '/mechanisms',
  '/resources',
  '/meetings',
  '/programmes',
  '/partners',
  '/women-youth',
]

/** A file holds at most 50,000 <url> (sitemaps.org); each page is two, one per language. */
export const PAGES_PER_FILE = 25_000

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const XHTML = 'http://www.w3.org/1999/xhtml'

export function escapeXml(text: string) {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

/** W3C Datetime, to the second, in UTC. */
const w3cDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

const recordPages = (prefix: string, rows: { id: number; updatedAt: Date }[]): SitemapPage[] =>
  rows.map((r) => ({ path: `${prefix}/${r.id}`, updatedAt: r.updatedAt }))

/** Every public page but the resources (few enough to hold at once), in the sitemap's order. */
function pagesBeforeResources(): SitemapPage[] {
  return [
    ...publicPages.map((path) => ({ path })),
    ...recordPages('/parliaments', listParliamentsForSitemap()),
    ...recordPages('/meetings', listPublicMeetingsForSitemap()),
    ...recordPages('/programmes', listProgrammesForSitemap()),
    ...recordPages('/partners', listPartnersForSitemap()),
  ]
}

/** Pages [start, end) of the whole list: the others first, then the public resources by id (read by slice). */
function pagesBetween(others: SitemapPage[], start: number, end: number) {
  const resourceStart = Math.max(start, others.length) - others.length
  const resourceCount = end - Math.max(start, others.length)
  const resources = resourceCount > 0 ? listPublicResourcesForSitemap(resourceStart, resourceCount) : []
  return [...others.slice(start, end), ...recordPages('/resources', resources)]
}

function urlEntries(pages: SitemapPage[], origin: string) {
  const at = (lang: Language, path: string) => escapeXml(new URL(`/${lang}${path}`, origin).toString())
  return pages.flatMap(({ path, updatedAt }) => {
    const alternates = [
      ...languages.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${at(l, path)}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${at('en', path)}"/>`,
    ]
    const lastmod = updatedAt ? `<lastmod>${w3cDate(updatedAt)}</lastmod>` : ''
    return languages.map((lang) => `<url><loc>${at(lang, path)}</loc>${lastmod}${alternates.join('')}</url>`)
  })
}

/**
 * /sitemap.xml: every page a visitor may see, in English and Arabic, each with its alternates; past
 * `perFile` pages, an index of its parts instead (`/sitemap.xml?part=N`, from 1). Null for a part that does not
 * exist. Addresses are absolute on the configured public address (PUBLIC_URL), never the request's Host.
 */
export function sitemapXml(
  part: number | null = null,
  { origin = siteBaseUrl(), perFile = PAGES_PER_FILE }: { origin?: string; perFile?: number } = {},
): string | null {
  const others = pagesBeforeResources()
  const total = others.length + countPublicResources()
  const parts = Math.max(1, Math.ceil(total / perFile))
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n'
  if (part === null && parts > 1) {
    const files = Array.from({ length: parts }, (_, i) => {
      const loc = escapeXml(new URL(`/sitemap.xml?part=${i + 1}`, origin).toString())
      return `<sitemap><loc>${loc}</loc></sitemap>`
    })
    return `${head}<sitemapindex xmlns="${NS}">\n${files.join('\n')}\n</sitemapindex>\n`
  }
  const n = part ?? 1
  if (!Number.isSafeInteger(n) || n < 1 || n > parts) return null
  const entries = urlEntries(pagesBetween(others, (n - 1) * perFile, n * perFile), origin)
  return `${head}<urlset xmlns="${NS}" xmlns:xhtml="${XHTML}">\n${entries.join('\n')}\n</urlset>\n`
}
