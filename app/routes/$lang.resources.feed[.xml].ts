import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchResources } from '~/features/search/search.server'
import { getConfig } from '~/utils/config.server'
import { requireLanguage } from '~/utils/lang.server'
import { resourceFeedXml } from '~/features/library/feed.server'
import { parseResourceSearch, resourceSearchParams } from '~/features/search/schemas'

/** How many entries a feed holds. */
const FEED_SIZE = 50

/**
 * /{lang}/resources/feed.xml?…the list's filters…: the newest published resources as Atom. Always what a
 * visitor sees, even for someone signed in: a feed's address is shared, so it never holds members-only items.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const url = new URL(request.url)
  const query = { ...parseResourceSearch(url.searchParams), sort: 'newest' as const, page: 1 }
  const result = searchResources(query, null, lang, { pageSize: FEED_SIZE, snippets: false })
  const xml = resourceFeedXml({
    rows: result.rows,
    lang,
    base: getConfig().PUBLIC_URL ?? url.origin,
    search: resourceSearchParams({ ...query, sort: undefined }).toString(),
  })
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    },
  })
}
