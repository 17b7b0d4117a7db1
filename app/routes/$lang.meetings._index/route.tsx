// The meetings: upcoming or past as a list, or a month's calendar, filtered by kind, format, region and year.
// The filters and the calendar are in panels.tsx.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { canManageMeeting } from '~/features/meetings/access.server'
import { parseMeetingListQuery } from '~/features/meetings/filters'
import { MeetingCard } from '~/features/meetings/meeting-card'
import {
  listMeetings,
  listMeetingsBetween,
  listMeetingYears,
  MEETINGS_PAGE_SIZE,
} from '~/features/meetings/meeting.server'
import { buildMonthGrid, monthRange, shiftMonth, weekStart } from '~/features/meetings/month-calendar.server'
import { getUser } from '~/utils/auth.server'
import { readPage, requireLanguage } from '~/utils/lang.server'
import { formatNumber } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/meetings.css?url'
import { href, MeetingFilters, MonthCalendar } from './panels'
import { SaveSearch } from '~/features/notifications/components/save-search'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const query = parseMeetingListQuery(new URL(request.url).searchParams)
  const user = getUser(request)
  const viewer = user ? { id: user.id, role: user.role, parliamentId: user.parliamentId } : null
  const page = readPage(request)
  const common = {
    lang,
    query,
    years: listMeetingYears(viewer),
    canManage: canManageMeeting(viewer),
    signedIn: Boolean(user),
    pageSize: MEETINGS_PAGE_SIZE,
    title: pageTitle(lang, 'page.title', 'meetings'),
    ...pageHead(lang, { key: 'head.meetings' }),
  }
  if (query.view === 'month') {
    const month = query.month ?? new Date().toISOString().slice(0, 7)
    const { from, to } = monthRange(month, lang)
    const meetings = listMeetingsBetween(viewer, query, from, to)
    const calendar = {
      month,
      weeks: buildMonthGrid(month, lang, meetings),
      previous: shiftMonth(month, -1),
      next: shiftMonth(month, 1),
      firstWeekday: weekStart(lang),
    }
    return { ...common, page, calendar, list: null }
  }
  return { ...common, page, calendar: null, list: listMeetings(viewer, query, page) }
}

export const handle = { i18n: ['meetings', 'alerts'] }

export default function Meetings() {
  const { lang, query, years, canManage, signedIn, page, pageSize, calendar, list } = useLoaderData<typeof loader>()
  const month = calendar?.month ?? null
  const { t } = useTranslation(['meetings', 'common'])
  const filters = { kind: query.kind, format: query.format, region: query.region }
  return (
    <div className="page meetings-page">
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.lead')}</p>
      {signedIn || canManage ? (
        <p className="form-actions">
          {canManage ? (
            <Link to={`/${lang}/meetings/new`} className="button">
              {t('page.newMeeting')}
            </Link>
          ) : null}
          {signedIn ? (
            <>
              <Link to={`/${lang}/meetings/mine`} className="button button--quiet">
                {t('page.myMeetings')}
              </Link>
              <Link to={`/${lang}/meetings/feed`} className="button button--quiet">
                {t('page.calendarFeed')}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}

      <SaveSearch lang={lang} scope="meetings" signedIn={signedIn} />
      <nav className="meeting-tabs" aria-label={t('page.views')}>
        <ul>
          <li>
            <Link
              to={href(lang, { ...filters, year: query.year })}
              aria-current={query.view === 'list' && query.when === 'upcoming' ? 'page' : undefined}
            >
              {t('page.upcoming')}
            </Link>
          </li>
          <li>
            <Link
              to={href(lang, { ...filters, year: query.year, when: 'past' })}
              aria-current={query.view === 'list' && query.when === 'past' ? 'page' : undefined}
            >
              {t('page.past')}
            </Link>
          </li>
          <li>
            <Link
              to={href(lang, { ...filters, view: 'month', month: query.month })}
              aria-current={query.view === 'month' ? 'page' : undefined}
            >
              {t('page.monthView')}
            </Link>
          </li>
        </ul>
      </nav>

      <MeetingFilters lang={lang} query={query} years={years} month={month} />
      {canManage ? <p className="field__hint">{t('page.drafts')}</p> : null}

      {list ? (
        <>
          {list.rows.length ? (
            <>
              <p aria-live="polite">
                {t(`page.results.${new Intl.PluralRules(lang).select(list.total)}`, {
                  n: formatNumber(list.total, lang),
                })}
              </p>
              <ul className="meeting-list">
                {list.rows.map((m) => (
                  <li key={m.id}>
                    <MeetingCard meeting={m} lang={lang} headingLevel={2} />
                  </li>
                ))}
              </ul>
              <Pagination page={page} pageSize={pageSize} total={list.total} />
            </>
          ) : (
            <p className="notice">{query.when === 'past' ? t('page.nonePast') : t('page.noneUpcoming')}</p>
          )}
        </>
      ) : null}

      {calendar ? <MonthCalendar lang={lang} calendar={calendar} filters={filters} /> : null}
    </div>
  )
}
