// The meetings list's parts: the filters (kind, format, region, year) and the month calendar.
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GetForm } from '~/components/get-form'
import { SelectField } from '~/components/ui/field'
import { meetingListParams, type MeetingListQuery } from '~/features/meetings/filters'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { meetingFormats, meetingKinds, regions } from '~/utils/vocabulary'
import type { loader } from './route'

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** The list's address for these filters and view. */
export function href(lang: Language, q: Partial<MeetingListQuery>) {
  const params = meetingListParams(q)
  return `/${lang}/meetings${params.size ? `?${params}` : ''}`
}

/** The filters, kept across views (the view, month and list tab travel as hidden fields). */
export function MeetingFilters({
  lang,
  query,
  years,
  month,
}: {
  lang: Language
  query: Loaded['query']
  years: Loaded['years']
  /** The month shown by the month view; null in the list. */
  month: string | null
}) {
  const { t } = useTranslation(['meetings', 'common'])
  const hasFilters = Boolean(query.kind || query.format || query.region || query.year)
  const choices = [
    { name: 'kind', label: t('page.kind'), options: meetingKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) })) },
    {
      name: 'format',
      label: t('page.format'),
      options: meetingFormats.map((v) => ({ value: v, label: t(`formats.${v}`) })),
    },
    {
      name: 'region',
      label: t('page.region'),
      options: regions.map((v) => ({ value: v, label: t(`regions.${v}`, { ns: 'common' }) })),
    },
  ] as const
  return (
    <GetForm className="filters" aria-label={t('page.filters')}>
      {query.view === 'month' ? <input type="hidden" name="view" value="month" /> : null}
      {query.view === 'month' && month ? <input type="hidden" name="month" value={month} /> : null}
      {query.view === 'list' && query.when === 'past' ? <input type="hidden" name="when" value="past" /> : null}
      {choices.map((c) => (
        <SelectField
          key={c.name}
          id={`filter-${c.name}`}
          name={c.name}
          label={c.label}
          autoComplete="off"
          defaultValue={query[c.name] ?? ''}
          options={[{ value: '', label: t('page.any') }, ...c.options]}
        />
      ))}
      {query.view === 'list' ? (
        <SelectField
          id="filter-year"
          name="year"
          label={t('page.year')}
          autoComplete="off"
          defaultValue={query.year ? String(query.year) : ''}
          options={[{ value: '', label: t('page.any') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
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
  )
}

export function MonthCalendar({
  lang,
  calendar,
  filters,
}: {
  lang: Language
  calendar: NonNullable<Loaded['calendar']>
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
