// The sections of the coordinators' dashboard: request counts, the open requests, upcoming meetings and the
// resources waiting for review.
import { DataTable } from '~/components/ui/data-table'
import { Link } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import type {
  listResourcesAwaitingReview,
  OpenRequestRow,
  UpcomingMeetingRow,
} from '~/features/coordination/coordination.server'
import { RequestStateBadge } from '~/features/requests/request-progress'
import { isClosedState, openRequestStates } from '~/features/requests/states'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { requestStates, type RequestState } from '~/utils/vocabulary'
import { formatInZone } from '~/utils/zoned-format'

const namespaces = ['coordination', 'requests', 'library', 'common'] as const

/** "3 days", "يومان", "١١ يومًا": CLDR's plural category picks the key (Arabic has six). */
function ageText(days: number, lang: Language, t: TFunction) {
  if (days === 0) return t('age.today')
  return t(`age.${new Intl.PluralRules(lang).select(days)}`, { n: formatNumber(days, lang) })
}

/** One of the dashboard's tables: its column headers, then its rows. */
export function RequestCounts({ counts, lang }: { counts: Record<RequestState, number>; lang: Language }) {
  const { t } = useTranslation(namespaces)
  const openTotal = openRequestStates.reduce((n, s) => n + counts[s], 0)
  const csvHref = (l: Language) => `/coordination/requests.csv?lang=${l}`
  const other = lang === 'ar' ? 'en' : 'ar'
  return (
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
        <a href={csvHref(other)} download hrefLang={other}>
          {t('export.otherLanguage')}
        </a>
      </p>
    </section>
  )
}

export function OpenRequests({
  requests,
  mine,
  capped,
  lang,
}: {
  requests: (OpenRequestRow & { ageDays: number })[]
  mine: boolean
  capped: boolean
  lang: Language
}) {
  const { t } = useTranslation(namespaces)
  const tab = (on: boolean) => (on ? { className: 'active', 'aria-current': 'page' as const } : {})
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{t('open.title')}</h2>
      <p className="muted">{t('open.hint')}</p>
      <nav className="tabs" aria-label={t('open.filterLabel')}>
        <Link to={`/${lang}/coordination`} {...tab(!mine)}>
          {t('open.all')}
        </Link>
        <Link to={`/${lang}/coordination?mine=1`} {...tab(mine)}>
          {t('open.mine')}
        </Link>
      </nav>
      {requests.length ? (
        <DataTable
          className="coord-table coord-requests"
          columns={[
            t('open.subject'),
            t('open.parliament'),
            t('open.state'),
            t('open.age'),
            t('open.assignee'),
            t('open.messages'),
          ]}
        >
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
        </DataTable>
      ) : (
        <p>{mine ? t('open.emptyMine') : t('open.empty')}</p>
      )}
      {capped ? <p className="muted">{t('open.capped', { n: formatNumber(requests.length, lang) })}</p> : null}
    </section>
  )
}

export function UpcomingMeetings({ meetings, lang }: { meetings: UpcomingMeetingRow[]; lang: Language }) {
  const { t } = useTranslation(namespaces)
  const n = (v: number) => formatNumber(v, lang)
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meetings.title')}</h2>
      {meetings.length ? (
        <DataTable
          className="coord-table coord-meetings"
          columns={[
            t('meetings.meeting'),
            t('meetings.date'),
            t('meetings.confirmed'),
            t('meetings.waitlisted'),
            t('meetings.pending'),
            t('meetings.participants'),
          ]}
        >
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
                  ? n(m.confirmed)
                  : t('meetings.confirmedOf', { n: n(m.confirmed), capacity: n(m.capacity) })}
              </td>
              <td>{n(m.waitlisted)}</td>
              <td>{n(m.pending)}</td>
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
        </DataTable>
      ) : (
        <p>{t('meetings.empty')}</p>
      )}
      <p>
        <Link to={`/${lang}/meetings`}>{t('meetings.all')}</Link>
      </p>
    </section>
  )
}

export function ReviewQueue({
  review,
  lang,
}: {
  review: ReturnType<typeof listResourcesAwaitingReview>
  lang: Language
}) {
  const { t } = useTranslation(namespaces)
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      {review.total ? (
        <>
          <p>{t('review.total', { n: formatNumber(review.total, lang) })}</p>
          <DataTable
            className="coord-table"
            columns={[t('review.resource'), t('review.author'), t('review.submitted')]}
          >
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
          </DataTable>
        </>
      ) : (
        <p>{t('review.empty')}</p>
      )}
      <p>
        <Link to={`/${lang}/resources/review`}>{t('review.all')}</Link>
      </p>
    </section>
  )
}
