// The participation figures of the space: women's and young parliamentarians' shares of attendees by year,
// each chart with its table.
import { useTranslation } from 'react-i18next'
import { formatShare } from '~/components/charts/format'
import { YearShareChart, formatYear } from '~/components/charts/year-chart'
import type { YearParticipation } from '~/features/meetings/participation-stats.server'
import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'

export function ParticipationFigures({
  rows,
  lang,
  minAgeGroup,
  youngAge,
}: {
  rows: YearParticipation[]
  lang: Language
  minAgeGroup: number
  youngAge: number
}) {
  const { t } = useTranslation('womenYouth')
  const n = (v: number) => formatNumber(v, lang)
  const share = (v: number | null) => (v == null ? '—' : formatShare(v, lang))
  const age = n(youngAge)
  const common = {
    lang,
    noDataLabel: t('figures.noData'),
    scaleNote: t('figures.scale', { full: formatShare(1, lang) }),
  }
  // One chart each, the same way: its share by year, its table, then what it counts.
  const charts = [
    {
      id: 'women',
      title: t('figures.womenChart'),
      variant: 0 as const,
      share: (r: YearParticipation) => r.womenShare,
      headers: [t('figures.attendees'), t('figures.women'), t('figures.womenShare'), t('figures.genderNotStated')],
      cells: (r: YearParticipation) => [
        n(r.attendees),
        r.women == null ? '—' : n(r.women),
        share(r.womenShare),
        n(r.genderNotStated),
      ],
      note: t('figures.womenNote', { n: n(minAgeGroup) }),
    },
    {
      id: 'young',
      title: t('figures.youngChart'),
      variant: 1 as const,
      share: (r: YearParticipation) => r.youngShare,
      headers: [
        t('figures.attendees'),
        t('figures.young', { age }),
        t('figures.youngShare', { age }),
        t('figures.birthYearNotStated'),
      ],
      cells: (r: YearParticipation) => [
        n(r.attendees),
        r.young == null ? '—' : n(r.young),
        share(r.youngShare),
        n(r.birthYearNotStated),
      ],
      note: t('figures.youngNote', { age, n: n(minAgeGroup) }),
    },
  ]
  return (
    <section aria-labelledby="wy-figures" className="women-youth__section">
      <h2 id="wy-figures">{t('figures.title')}</h2>
      <p>{t('figures.lead')}</p>
      {rows.length === 0 ? (
        <p className="women-youth__empty">{t('figures.empty')}</p>
      ) : (
        <div className="women-youth__charts">
          {charts.map((c) => (
            <div key={c.id}>
              <YearShareChart
                id={`chart-${c.id}`}
                title={c.title}
                rows={rows.map((r) => ({ year: r.year, value: c.share(r) }))}
                variant={c.variant}
                {...common}
              >
                <FiguresTable
                  caption={c.title}
                  headers={c.headers}
                  rows={rows.map((r) => ({ year: r.year, cells: c.cells(r) }))}
                  lang={lang}
                  id={`table-${c.id}`}
                />
              </YearShareChart>
              <p className="women-youth__note">{c.note}</p>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}

function FiguresTable({
  id,
  caption,
  headers,
  rows,
  lang,
}: {
  id: string
  caption: string
  headers: string[]
  rows: { year: number; cells: string[] }[]
  lang: Language
}) {
  const { t } = useTranslation('womenYouth')
  return (
    <div className="table-wrap">
      <table className="chart__table women-youth__table" id={id}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('figures.year')}</th>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.year} data-year={r.year}>
              <th scope="row">{formatYear(r.year, lang)}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
