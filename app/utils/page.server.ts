import { getFixedT } from './i18n.server'
import type { Language, Namespace } from './i18n'
import { siteBaseUrl } from './links.server'
import type { SiteHead } from './meta'

/** "<page> · ParlNet", in the page's language. */
export function pageTitle(
  lang: Language,
  key: string,
  ns: Namespace = 'common',
  values?: Record<string, string | number>,
) {
  const t = getFixedT(lang, [ns, 'common'])
  return `${t(key, values)} · ${getFixedT(lang)('shell.siteName')}`
}

/** Search engines show about this many characters of a description. */
export const DESCRIPTION_LENGTH = 160

/** A text on one line, cut at a word to at most `max` characters (an ellipsis marks the cut). */
export function summarize(text: string, max = DESCRIPTION_LENGTH) {
  const line = text.replace(/\s+/g, ' ').trim()
  const points = [...line]
  if (points.length <= max) return line
  const cut = points.slice(0, max - 1).join('')
  const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut
  return `${atWord.replace(/[\s,.;:،؛–-]+$/u, '')}…`
}

/** The site's part of a public page's head in its language: the configured address, its name, its description. */
export function siteHead(lang: Language): SiteHead {
  const t = getFixedT(lang)
  return { origin: siteBaseUrl(), name: t('shell.siteName'), description: t('head.site') }
}

/**
 * A candidate description: a bilingual pair (only the page's own language counts: a search result in the other
 * language would mislead) or a sentence of common.json (locales/<lang>/) with its values.
 */
export type DescriptionSource =
  | { en: string | null | undefined; ar: string | null | undefined }
  | { key: string; values?: Record<string, string | number> }
  | null
  | undefined

/**
 * What a public page's loader spreads beside its `title` (titleMeta renders it): its description, the first of
 * `sources` with text in the page's language (cut to about 160 characters), else the site's; and the site.
 */
export function pageHead(lang: Language, ...sources: DescriptionSource[]): { description: string; site: SiteHead } {
  const site = siteHead(lang)
  for (const source of sources) {
    if (!source) continue
    const text = 'key' in source ? getFixedT(lang)(source.key, source.values) : source[lang]
    if (text?.trim()) return { description: summarize(text), site }
  }
  return { description: site.description, site }
}
