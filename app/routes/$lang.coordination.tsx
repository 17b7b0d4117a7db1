import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { requestStates } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { RequestStateBadge } from '~/features/requests/request-progress'
import {
  daysSince,
  listOpenRequests,
  listResourcesAwaitingReview,
  listUpcomingMeetingsWithCounts,
  OPEN_REQUESTS_LIMIT,
  requestCountsByState,
} from '~/features/coordination/coordination.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { isClosedState, openRequestStates } from '~/features/requests/states'
import { formatInZone } from '~/utils/zoned-format'
import styles from '~/styles/coordination.css?url'

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

/** "3 days", "يومان", "١١ يومًا": CLDR's plural category picks the key (Arabic has six). */
function ageText(days: number, lang: Language, t: TFunction) {
  if (days === 0) return t('age.today')
  return t(`age.${new Intl.PluralRules(lang).select(days)}`, { n: formatNumber(days, lang) })
}

export default function Coordination() {
  const { lang, mine, counts, requests, capped, meetings, review } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['coordination', 'requests', 'library', 'common'])
  const openTotal = openRequestStates.reduce((n, s) => n + counts[s], 0)
  const csvHref = (l: Language) => `/coordination/requests.csv?lang=${l}`
  return (
    <div className="page coordination">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('counts.title')}</h2>
        <dl className="coord-figures">
          <div className="coord-figure coord-figure--total">
            <dt>{t('counts.open')}</dt>
            <dd>{formatNumber(openTotal, lang)}</dd>
          </div>
          {requestStates.map((s) => (
            <div key={s} className={`coord-figure${isClosedState(s) ? ' coord-figure--closed' : ''}`}>
              <dt>{t(`states.${s}`, { ns: 'requests' })}</dt>
              <dd>{formatNumber(counts[s], lang)}</dd>
            </div>
          ))}
        </dl>
        <p className="coord-actions">
          <Link to={`/${lang}/requests`}>{t('open.allRequests')}</Link>
          <a href={csvHref(lang)} download>
            {t('export.download')}
          </a>
          <a href={csvHref(lang === 'ar' ? 'en' : 'ar')} download hrefLang={lang === 'ar' ? 'en' : 'ar'}>
            {t('export.otherLanguage')}
          </a>
        </p>
      </section>

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('open.title')}</h2>
        <p className="muted">{t('open.hint')}</p>
        <nav className="tabs" aria-label={t('open.filterLabel')}>
          <Link
            to={`/${lang}/coordination`}
            className={mine ? undefined : 'active'}
            aria-current={mine ? undefined : 'page'}
          >
            {t('open.all')}
          </Link>
          <Link
            to={`/${lang}/coordination?mine=1`}
            className={mine ? 'active' : undefined}
            aria-current={mine ? 'page' : undefined}
          >
            {t('open.mine')}
          </Link>
        </nav>
        {requests.length ? (
          <div className="table-wrap">
            <table className="coord-table coord-requests">
              <thead>
                <tr>
                  <th scope="col">{t('open.subject')}</th>
                  <th scope="col">{t('open.parliament')}</th>
                  <th scope="col">{t('open.state')}</th>
                  <th scope="col">{t('open.age')}</th>
                  <th scope="col">{t('open.assignee')}</th>
                  <th scope="col">{t('open.messages')}</th>
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/${lang}/requests/${r.id}`} dir="auto">
                        {r.subject}
                      </Link>
                      <span className="coord-sub">{t(`kinds.${r.kind}`, { ns: 'requests' })}</span>
                    </th>
                    <td>
                      <BilingualText en={r.parliamentNameEn} ar={r.parliamentNameAr} lang={lang} />
                    </td>
                    <td>
                      <RequestStateBadge state={r.state} />
                    </td>
                    <td className="coord-nowrap">{ageText(r.ageDays, lang, t)}</td>
                    <td dir="auto">{r.assigneeName ?? <span className="muted">{t('open.unassigned')}</span>}</td>
                    <td>
                      {formatNumber(r.messageCount, lang)}
                      {r.lastMessageAt ? (
                        <span className="coord-sub">
                          {t('open.lastMessage', { date: formatDate(new Date(r.lastMessageAt), lang) })}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{mine ? t('open.emptyMine') : t('open.empty')}</p>
        )}
        {capped ? <p className="muted">{t('open.capped', { n: formatNumber(requests.length, lang) })}</p> : null}
      </section>

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('meetings.title')}</h2>
        {meetings.length ? (
          <div className="table-wrap">
            <table className="coord-table coord-meetings">
              <thead>
                <tr>
                  <th scope="col">{t('meetings.meeting')}</th>
                  <th scope="col">{t('meetings.date')}</th>
                  <th scope="col">{t('meetings.confirmed')}</th>
                  <th scope="col">{t('meetings.waitlisted')}</th>
                  <th scope="col">{t('meetings.pending')}</th>
                  <th scope="col">{t('meetings.participants')}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/${lang}/meetings/${m.id}`}>
                        <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
                      </Link>
                    </th>
                    <td className="coord-date">{formatInZone(new Date(m.startsAt), lang, m.timeZone, 'dateTime')}</td>
                    <td className="coord-nowrap">
                      {m.capacity === null
                        ? formatNumber(m.confirmed, lang)
                        : t('meetings.confirmedOf', {
                            n: formatNumber(m.confirmed, lang),
                            capacity: formatNumber(m.capacity, lang),
                          })}
                    </td>
                    <td>{formatNumber(m.waitlisted, lang)}</td>
                    <td>{formatNumber(m.pending, lang)}</td>
                    <td>
                      <Link to={`/${lang}/meetings/${m.id}/participants`}>
                        {t('meetings.manage')}
                        <span className="visually-hidden">
                          {' '}
                          <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('meetings.empty')}</p>
        )}
        <p>
          <Link to={`/${lang}/meetings`}>{t('meetings.all')}</Link>
        </p>
      </section>

      <section aria-labelledby="review-title">
        <h2 id="review-title">{t('review.title')}</h2>
        {review.total ? (
          <>
            <p>{t('review.total', { n: formatNumber(review.total, lang) })}</p>
            <div className="table-wrap">
              <table className="coord-table">
                <thead>
                  <tr>
                    <th scope="col">{t('review.resource')}</th>
                    <th scope="col">{t('review.author')}</th>
                    <th scope="col">{t('review.submitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {review.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/${lang}/resources/${r.id}`}>
                          <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                        </Link>
                        <span className="coord-sub">{t(`types.${r.type}`, { ns: 'library' })}</span>
                      </th>
                      <td dir="auto">{r.authorName ?? ''}</td>
                      <td>{r.submittedAt ? formatDate(new Date(r.submittedAt), lang) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('review.empty')}</p>
        )}
        <p>
          <Link to={`/${lang}/resources/review`}>{t('review.all')}</Link>
        </p>
      </section>
    </div>
  )
}
