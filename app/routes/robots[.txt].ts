import { robotsTxt } from '~/features/site/robots.server'

/** GET /robots.txt: what crawlers may read, and where the sitemap is (app/features/site). */
export function loader() {
  return new Response(robotsTxt(), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
