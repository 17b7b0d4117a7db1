import type { MetaDescriptor, MetaFunction } from '@remix-run/node'
import { readId } from './ids'
import { isLanguage, languageFromPath, languages, switchLanguagePath, type Language } from './i18n'

/** The site's part of a page's head, in the page's language (made by siteHead in page.server.ts). */
export type SiteHead = {
  /** The configured public address (PUBLIC_URL's origin), never the request's Host. */
  origin: string
  name: string
  /** The description of a page that has none of its own. */
  description: string
}

/** What a loader returns for its head: a title, and for a public page its description and the site (pageHead). */
export type HeadData = { title?: string; description?: string; site?: SiteHead }

/** Open Graph's locale of each language (Facebook's list names Arabic ar_AR). */
export const ogLocales: Record<Language, string> = { en: 'en_GB', ar: 'ar_AR' }

/** Query parameters of campaigns and click ids: never part of a page's address. */
const isTracking = (name: string) => /^(utm_|mc_)/.test(name) || ['fbclid', 'gclid', 'msclkid'].includes(name)

/**
 * The query string a page's canonical address keeps: only `?page=N` (N > 1) of an unfiltered list, so that each
 * page of a list is its own address; a filter, a sort or a search is a view of the list, whose canonical is the
 * list itself. Tracking parameters never count.
 */
export function canonicalSearch(search: string) {
  const params = new URLSearchParams(search)
  const names = [...params.keys()].filter((name) => !isTracking(name))
  if (names.length !== 1 || names[0] !== 'page') return ''
  const page = readId(params.get('page'))
  return page && page > 1 ? `?page=${page}` : ''
}

/**
 * The head of a page: its title, its description, and for a page with the site known (a public page) the
 * canonical address, the same page in each language (hreflang, x-default is English) and the Open Graph tags of
 * link previews. Every address is absolute on the configured origin.
 */
export function headTags({
  title,
  description,
  site,
  lang,
  pathname,
  search = '',
}: HeadData & { lang: Language; pathname: string; search?: string }): MetaDescriptor[] {
  const tags: MetaDescriptor[] = []
  if (title) tags.push({ title })
  const text = description || site?.description
  if (text) tags.push({ name: 'description', content: text })
  if (!site) return tags
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  const query = canonicalSearch(search)
  const at = (language: Language) => new URL(switchLanguagePath(path, query, language), site.origin).toString()
  const canonical = at(lang)
  tags.push({ tagName: 'link', rel: 'canonical', href: canonical })
  for (const language of languages)
    tags.push({ tagName: 'link', rel: 'alternate', hrefLang: language, href: at(language) })
  tags.push({ tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: at('en') })
  const suffix = ` · ${site.name}`
  tags.push(
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: site.name },
    { property: 'og:title', content: title?.endsWith(suffix) ? title.slice(0, -suffix.length) : (title ?? site.name) },
    { property: 'og:url', content: canonical },
    { property: 'og:locale', content: ogLocales[lang] },
    ...languages.filter((l) => l !== lang).map((l) => ({ property: 'og:locale:alternate', content: ogLocales[l] })),
  )
  if (text) tags.push({ property: 'og:description', content: text })
  tags.push({ name: 'twitter:card', content: 'summary' })
  return tags
}

/**
 * Routes return a translated `title` from their loader, and public pages `...pageHead(lang, …)` beside it (their
 * description and the site); this puts them in the head. The site may also come from a parent route's data.
 */
export const titleMeta: MetaFunction = ({ data, matches, location, params }) => {
  const own = (data ?? {}) as HeadData
  const site = own.site ?? matches.map((m) => (m.data as HeadData | null | undefined)?.site).find(Boolean)
  const lang = isLanguage(params.lang) ? params.lang : languageFromPath(location.pathname)
  if (!lang) return own.title ? [{ title: own.title }] : []
  return headTags({ ...own, site, lang, pathname: location.pathname, search: location.search })
}
