import type { LoaderFunctionArgs } from '@remix-run/node'
import { listFeedEntries, userForFeedToken } from '~/features/meetings/calendar-feed.server'
import { siteBaseUrl } from '~/utils/links.server'
import { getFixedT } from '~/utils/i18n.server'
import { meetingsToIcs } from '~/features/meetings/ics.server'

/** Calendar apps come back for it about every hour. */
const REFRESH_SECONDS = 60 * 60

/**
 * GET /meetings/feed/<token>.ics: a member's personal subscription feed (see app/features/meetings/calendar-feed.server.ts).
 * The token is the only credential, so an unknown, replaced or revoked one is a plain 404, and the answer is
 * never stored by any cache (server.mjs masks the token in its request log).
 */
export function loader({ params }: LoaderFunctionArgs) {
  const owner = userForFeedToken(params.token ?? '')
  if (!owner) throw new Response('Not Found', { status: 404, headers: { 'Cache-Control': 'private, no-store' } })
  const lang = owner.locale
  const t = getFixedT(lang, 'calendar')
  const ics = meetingsToIcs(listFeedEntries(owner.id), {
    lang,
    baseUrl: siteBaseUrl(),
    name: t('ics.feedName'),
    description: t('ics.feedDescription'),
    refreshSeconds: REFRESH_SECONDS,
  })
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="parlnet-meetings.ics"',
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}
