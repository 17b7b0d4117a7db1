import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { meetingFormats, meetingKinds, regions } from '~/utils/vocabulary'
import { MeetingCard } from '~/features/meetings/meeting-card'
import { Pagination } from '~/components/pagination'
import { SelectField } from '~/components/ui/field'
import { canManageMeeting } from '~/features/meetings/access.server'
import {
  listMeetings,
  listMeetingsBetween,
  listMeetingYears,
  MEETINGS_PAGE_SIZE,
} from '~/features/meetings/meeting.server'
import { getUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { readPage, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { buildMonthGrid, monthRange, shiftMonth, weekStart } from '~/features/meetings/month-calendar.server'
import { pageTitle } from '~/utils/page.server'
import { meetingListParams, parseMeetingListQuery, type MeetingListQuery } from '~/features/meetings/filters'
import styles from '~/styles/meetings.css?url'
import { GetForm } from '~/components/get-form'

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

function href(lang: Language, q: Partial<MeetingListQuery>) {
  const params = meetingListParams(q)
  return `/${lang}/meetings${params.size ? `?${params}` : ''}`
}

export default function Meetings() {
  const { lang, query, years, canManage, signedIn, page, pageSize, calendar, list } = useLoaderData<typeof loader>()
  const month = calendar?.month ?? null
  const { t } = useTranslation(['meetings', 'common'])
  const filters = { kind: query.kind, format: query.format, region: query.region }
  const hasFilters = Boolean(query.kind || query.format || query.region || query.year)
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

      <GetForm className="filters" aria-label={t('page.filters')}>
        {query.view === 'month' ? <input type="hidden" name="view" value="month" /> : null}
        {query.view === 'month' && month ? <input type="hidden" name="month" value={month} /> : null}
        {query.view === 'list' && query.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
        <SelectField
          id="filter-kind"
          name="kind"
          label={t('page.kind')}
          defaultValue={query.kind ?? ''}
          options={[
            { value: '', label: t('page.any') },
            ...meetingKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) })),
          ]}
        />
        <SelectField
          id="filter-format"
          name="format"
          label={t('page.format')}
          defaultValue={query.format ?? ''}
          options={[
            { value: '', label: t('page.any') },
            ...meetingFormats.map((v) => ({ value: v, label: t(`formats.${v}`) })),
          ]}
        />
        <SelectField
          id="filter-region"
          name="region"
          label={t('page.region')}
          defaultValue={query.region ?? ''}
          options={[
            { value: '', label: t('page.any') },
            ...regions.map((v) => ({ value: v, label: t(`regions.${v}`, { ns: 'common' }) })),
          ]}
        />
        {query.view === 'list' ? (
          <SelectField
            id="filter-year"
            name="year"
            label={t('page.year')}
            defaultValue={query.year ? String(query.year) : ''}
            options={[
              { value: '', label: t('page.any') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
        ) : null}
        <p className="form-actions">
          <button type="submit" className="button">
            {t('page.apply')}
          </button>
          {hasFilters ? (
            <Link to={href(lang, { view: query.view, when: query.when, month: query.month })}>{t('page.clear')}</Link>
          ) : null}
        </p>
      </GetForm>
      {canManage ? <p className="field__hint">{t('page.drafts')}</p> : null}

      {list ? (
        <>
          {list.rows.length ? (
            <>
              <p aria-live="polite">{t('page.results', { n: list.total })}</p>
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

function MonthCalendar({
  lang,
  calendar,
  filters,
}: {
  lang: Language
  calendar: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['calendar']>
  filters: Partial<MeetingListQuery>
}) {
  const { t } = useTranslation('meetings')
  const { month, weeks } = calendar
  const [y, m] = month.split('-').map(Number) as [number, number]
  const monthName = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  )
  const weekdayLong = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' })
  const weekdayShort = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' })
  // 2024-01-01 was a Monday: the 7 weekdays from the language's first day of the week.
  const weekdays = Array.from(
    { length: 7 },
    (_, i) => new Date(Date.UTC(2024, 0, 1 + ((calendar.firstWeekday - 1 + i + 7) % 7))),
  )
  const hasMeetings = weeks.some((w) => w.some((d) => d.inMonth && d.meetings.length))
  return (
    <section aria-labelledby="month-heading">
      <div className="month-nav">
        <Link to={href(lang, { ...filters, view: 'month', month: calendar.previous })} rel="prev">
          <span aria-hidden="true">{lang === 'ar' ? '→ ' : '← '}</span>
          {t('month.previous')}
        </Link>
        <h2 id="month-heading">{monthName}</h2>
        <Link to={href(lang, { ...filters, view: 'month', month: calendar.next })} rel="next">
          {t('month.next')}
          <span aria-hidden="true">{lang === 'ar' ? ' ←' : ' →'}</span>
        </Link>
      </div>
      {hasMeetings ? null : <p className="notice">{t('month.none')}</p>}
      <table className="month-calendar">
        <caption className="visually-hidden">{t('month.caption', { month: monthName })}</caption>
        <thead>
          <tr>
            {weekdays.map((d) => (
              <th key={d.toISOString()} scope="col">
                <abbr title={weekdayLong.format(d)}>{weekdayShort.format(d)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <td
                  key={day.date}
                  className={
                    [!day.inMonth && 'is-outside', day.isToday && 'is-today', day.meetings.length === 0 && 'is-empty']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                >
                  <span className="month-calendar__day">{day.day}</span>
                  <span className="month-calendar__weekday">
                    {weekdayLong.format(new Date(`${day.date}T00:00:00Z`))}
                  </span>
                  {day.meetings.length ? (
                    <ul>
                      {day.meetings.map((mt) => {
                        const title = pickLanguage({ en: mt.titleEn, ar: mt.titleAr }, lang)
                        return (
                          <li key={mt.id} className={mt.state === 'cancelled' ? 'is-cancelled' : undefined}>
                            <Link to={`/${lang}/meetings/${mt.id}`} lang={title.lang}>
                              {title.text}
                            </Link>
                          </li>
                        )
                      })}
                    </ul>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
