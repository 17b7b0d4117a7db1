import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import {
  daysSince,
  listOpenRequests,
  listResourcesAwaitingReview,
  listUpcomingMeetingsWithCounts,
  OPEN_REQUESTS_LIMIT,
  requestCountsByState,
} from '~/features/coordination/coordination.server'
import { requireRole } from '~/utils/auth.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/coordination.css?url'
import { OpenRequests, RequestCounts, ReviewQueue, UpcomingMeetings } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const REVIEW_LIMIT = 10

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const mine = new URL(request.url).searchParams.get('mine') === '1'
  const now = new Date()
  const requests = listOpenRequests(mine ? { assigneeId: user.id } : {}).map((r) => ({
    ...r,
    ageDays: daysSince(r.stateChangedAt, now),
  }))
  return {
    lang,
    mine,
    counts: requestCountsByState(),
    requests,
    capped: requests.length >= OPEN_REQUESTS_LIMIT,
    meetings: listUpcomingMeetingsWithCounts(now),
    review: listResourcesAwaitingReview(REVIEW_LIMIT),
    title: pageTitle(lang, 'title', 'coordination'),
  }
}

export const handle = { i18n: ['coordination', 'library', 'requests'] }

export default function Coordination() {
  const { lang, mine, counts, requests, capped, meetings, review } = useLoaderData<typeof loader>()
  const { t } = useTranslation('coordination')
  return (
    <div className="page coordination">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <RequestCounts counts={counts} lang={lang} />
      <OpenRequests requests={requests} mine={mine} capped={capped} lang={lang} />
      <UpcomingMeetings meetings={meetings} lang={lang} />
      <ReviewQueue review={review} lang={lang} />
    </div>
  )
}
