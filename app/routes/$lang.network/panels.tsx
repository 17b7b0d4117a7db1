// The sections of the network's statistics page: the map, the composition, the shares and each parliament's figures.
import { Link } from '@remix-run/react'
import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { BarChart } from '~/components/charts/bar-chart'
import { formatShare } from '~/components/charts/format'
import type { NetworkPage } from '~/features/network/network-page.server'
import { WorldMap } from '~/features/network/world-map'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'

const namespaces = ['stats', 'network', 'common'] as const
const ages = [30, 40, 45] as const

type ChartProps = ComponentProps<typeof BarChart>

/** What every chart of the page is told: its language and what it says where a figure is missing. */
function useChartText(lang: Language) {
  const { t } = useTranslation(namespaces)
  return { lang, noDataLabel: t('chart.noData') }
}

/** A chart of one series: counts, or shares of the whole (0 to 1). */
function FigureChart({
  measure,
  lang,
  ...chart
}: Pick<ChartProps, 'id' | 'title' | 'categoryLabel' | 'rows'> & { measure: 'count' | 'share'; lang: Language }) {
  const { t } = useTranslation(namespaces)
  const chartText = useChartText(lang)
  return measure === 'count' ? (
    <BarChart {...chart} format="number" series={[{ key: 'count', label: t('composition.count') }]} {...chartText} />
  ) : (
    <BarChart
      {...chart}
      format="percent"
      max={1}
      series={[{ key: 'share', label: t('shares.share') }]}
      {...chartText}
    />
  )
}

/** The world map of the network, and the same countries as a list (the map is a picture). */
export function MapPanel({ map }: { map: NetworkPage['map'] }) {
  const { t } = useTranslation(namespaces)
  return (
    <section aria-labelledby="map-heading" className="world-map">
      <h2 id="map-heading">{t('map.title')}</h2>
      <WorldMap
        id="world-map"
        width={map.width}
        height={map.height}
        others={map.others}
        countries={map.countries.filter((c) => c.isDrawn)}
        title={t('map.label')}
        description={t('map.description')}
      />
      <ul className="world-map__legend" aria-hidden="true">
        <li>
          <span className="world-map__swatch world-map__swatch--network" />
          {t('map.legendNetwork')}
        </li>
        <li>
          <span className="world-map__swatch" />
          {t('map.legendOther')}
        </li>
      </ul>
      <h3 id="map-countries">{t('map.listTitle')}</h3>
      {map.countries.length === 0 ? (
        <p className="muted">{t('map.empty')}</p>
      ) : (
        <ul className="world-map__countries" aria-labelledby="map-countries">
          {map.countries.map((c) => (
            <li key={c.code}>
              <a href={c.href}>{c.name}</a>
              {c.isDrawn ? null : <span className="muted"> ({t('map.notDrawn')})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** How many chambers of each region and kind the network has. */
export function CompositionPanel({ composition, lang }: { composition: NetworkPage['composition']; lang: Language }) {
  const { t } = useTranslation(namespaces)
  return (
    <section aria-labelledby="composition-heading">
      <h2 id="composition-heading">{t('composition.title')}</h2>
      <div className="stats-charts">
        <FigureChart
          id="chart-region"
          title={t('composition.byRegion')}
          categoryLabel={t('composition.region')}
          rows={composition.byRegion.map((r) => ({
            key: r.region,
            label: t(`regions.${r.region}`, { ns: 'common' }),
            values: [r.count],
          }))}
          measure="count"
          lang={lang}
        />
        <FigureChart
          id="chart-kind"
          title={t('composition.byKind')}
          categoryLabel={t('composition.kind')}
          rows={composition.byKind.map((k) => ({
            key: k.kind,
            label: t(`parliamentKinds.${k.kind}`, { ns: 'common' }),
            values: [k.count],
          }))}
          measure="count"
          lang={lang}
        />
      </div>
    </section>
  )
}

/** The shares of women and of young members across the network, beside IPU's. */
export function SharesPanel({
  shares,
  ipu,
  minAgeGroup,
  lang,
}: {
  shares: NetworkPage['shares']
  ipu: NetworkPage['ipu']
  minAgeGroup: number
  lang: Language
}) {
  const { t } = useTranslation(namespaces)
  const n = (value: number) => formatNumber(value, lang)
  const ipuDate = ipu.asOf ? formatDate(new Date(`${ipu.asOf}T00:00:00Z`), lang) : null
  return (
    <section aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('shares.title')}</h2>
      <p>{t('shares.lead')}</p>
      <div className="stats-charts">
        <FigureChart
          id="chart-women"
          title={t('shares.women')}
          categoryLabel={t('shares.group')}
          rows={[
            { key: 'network', label: t('shares.rows.network'), values: [shares.womenShare] },
            { key: 'ipu-network', label: t('shares.rows.ipuNetwork'), values: [ipu.network] },
            { key: 'ipu-world', label: t('shares.rows.ipuWorld'), values: [ipu.world] },
          ]}
          measure="share"
          lang={lang}
        />
        <FigureChart
          id="chart-youth"
          title={t('shares.youth')}
          categoryLabel={t('shares.age')}
          rows={ages.map((age) => ({
            key: `under${age}`,
            label: t('shares.under', { age: n(age) }),
            values: [shares.youthShares[age]],
          }))}
          measure="share"
          lang={lang}
        />
      </div>
      <p className="muted">{t('shares.ageNote', { min: n(minAgeGroup) })}</p>
      {ipuDate ? <p className="muted">{t('shares.ipuNote', { date: ipuDate })}</p> : null}
    </section>
  )
}

/** Each parliament's figures: a chart of the share of women, and the table of all of them. */
export function ParliamentsPanel({
  parliaments,
  withWomenFigures,
  lang,
}: {
  parliaments: NetworkPage['parliaments']
  withWomenFigures: NetworkPage['withWomenFigures']
  lang: Language
}) {
  const { t } = useTranslation(namespaces)
  const chartText = useChartText(lang)
  const n = (value: number) => formatNumber(value, lang)
  const share = (value: number | null) => (value == null ? '—' : formatShare(value, lang))
  const series = {
    network: { key: 'network', label: t('chart.seriesNetwork') },
    ipu: { key: 'ipu', label: t('chart.seriesIpu') },
  }
  return (
    <section aria-labelledby="parliaments-heading">
      <h2 id="parliaments-heading">{t('perParliament.title')}</h2>
      {withWomenFigures.length === 0 ? (
        <p className="muted">{t('perParliament.noFigures')}</p>
      ) : (
        <BarChart
          id="chart-parliaments"
          title={t('perParliament.womenChart')}
          categoryLabel={t('perParliament.parliament')}
          format="percent"
          max={1}
          series={[series.network, series.ipu]}
          rows={withWomenFigures.map((p) => ({
            key: String(p.id),
            label: p.label,
            labelLang: p.labelLang,
            values: [p.womenShare, p.ipuWomenShare],
          }))}
          foldTable={t('perParliament.showTable')}
          {...chartText}
        />
      )}
      <h3 id="parliaments-table">{t('perParliament.tableTitle')}</h3>
      <div className="table-wrap">
        <table aria-labelledby="parliaments-table" className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('perParliament.parliament')}</th>
              <th scope="col">{t('perParliament.members')}</th>
              <th scope="col">{t('perParliament.womenNetwork')}</th>
              <th scope="col">{t('perParliament.womenIpu')}</th>
              {ages.map((age) => (
                <th key={age} scope="col">
                  {t('shares.under', { age: n(age) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parliaments.map((p) => (
              <tr key={p.id} data-parliament={p.id}>
                <th scope="row">
                  <Link to={`/${lang}/parliaments/${p.id}`}>
                    <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                  </Link>
                </th>
                <td>{n(p.members)}</td>
                <td>{share(p.womenShare)}</td>
                <td>{share(p.ipuWomenShare)}</td>
                {ages.map((age) => (
                  <td key={age}>{share(p.youthShares[age])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
