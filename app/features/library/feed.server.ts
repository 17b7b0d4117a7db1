import { Feed } from 'feed'
import type { ResourceSearchRow } from '~/features/search'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'

/** Feed readers show Atom's html text as HTML: what people typed must come out as text. */
function asHtmlText(text: string) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/**
 * The Atom feed of a library list (newest first): each entry's title and summary in the feed's language (or
 * the other when missing), its page as id and link, its publication as `updated`, its type and themes as
 * categories. `base` is the site's absolute address (PUBLIC_URL or the request's origin); `search` the list's
 * query string, so the feed and its page keep the same filters.
 */
export function resourceFeedXml({
  rows,
  lang,
  base,
  search,
}: {
  rows: ResourceSearchRow[]
  lang: Language
  base: string
  search: string
}) {
  const t = getFixedT(lang, ['library', 'common'])
  const url = (path: string) => new URL(path, base).toString()
  const self = url(`/${lang}/resources/feed.xml${search ? `?${search}` : ''}`)
  const dates = rows.flatMap((r) => (r.publishedAt ? [new Date(r.publishedAt)] : []))
  const feed = new Feed({
    id: self,
    title: t('feedTitle'),
    description: t('feedSubtitle'),
    link: url(`/${lang}/resources${search ? `?${search}` : ''}`),
    language: lang,
    updated: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : new Date(0),
    generator: t('shell.siteName'),
    feedLinks: { atom: self },
    author: { name: t('shell.siteName'), link: url(`/${lang}`) },
    copyright: t('shell.siteName'),
  })
  for (const r of rows) {
    if (!r.publishedAt) continue
    const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang).text
    const summary = pickLanguage({ en: r.summaryEn, ar: r.summaryAr }, lang).text
    const link = url(`/${lang}/resources/${r.id}`)
    const published = new Date(r.publishedAt)
    feed.addItem({
      id: link,
      link,
      title: asHtmlText(title),
      ...(summary ? { description: asHtmlText(summary) } : {}),
      date: published,
      published,
      category: [
        { term: r.type, name: t(`types.${r.type}`), scheme: url(`/${lang}/resources?type=`) },
        ...r.themes.map((theme) => ({
          term: theme,
          name: t(`themes.${theme}`),
          scheme: url(`/${lang}/resources?theme=`),
        })),
      ],
    })
  }
  // Atom says the language with xml:lang (the package does not), so readers lay Arabic out right to left.
  return feed.atom1().replace(/<feed /, `<feed xml:lang="${lang}" `)
}
