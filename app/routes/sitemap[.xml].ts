import type { LoaderFunctionArgs } from '@remix-run/node'
import { sitemapXml } from '~/features/site/sitemap.server'
import { readId } from '~/utils/ids'

/**
 * GET /sitemap.xml[?part=N]: the public pages in both languages, read from the database on each request (so it
 * follows the records), or the index of its parts on a large site; an unknown part is a 404.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const part = new URL(request.url).searchParams.get('part')
  const xml = sitemapXml(part === null ? null : (readId(part) ?? 0))
  if (xml === null) throw new Response('Not Found', { status: 404 })
  return new Response(xml, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  })
}
