import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { NetworkNav } from '~/features/network/network-nav'
import { useTranslation } from 'react-i18next'
import type { Chamber } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { BarChart } from '~/components/charts/bar-chart'
import { formatShare } from '~/components/charts/format'
import { WorldMap } from '~/features/network/world-map'
import { MIN_AGE_GROUP, getNetworkStats } from '~/features/network/network-stats.server'
import { getWorldMap } from '~/features/network/world-map.server'
import { pickLanguage } from '~/utils/bilingual'
import { countryName, countryOptions } from '~/utils/countries'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

const ages = [30, 40, 45] as const

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const stats = getNetworkStats()
  const countries = countryOptions(stats.countries, lang)
  const map = getWorldMap(countries.map((c) => c.code))
  const drawn = new Map(map.network.map((c) => [c.code, c]))
  const collator = new Intl.Collator(lang)
  // Only what the page shows: shares, never the counts by age behind them. Sorted here, once, so the
  // browser's collation can never reorder what the server rendered.
  const parliaments = stats.parliaments
    .map((p) => ({
      id: p.id,
      nameEn: p.nameEn,
      nameAr: p.nameAr,
      members: p.members,
      womenShare: p.womenShare,
      ipuWomenShare: p.ipuWomenShare,
      youthShares: p.youthShares,
      ...chartLabel(p, stats.parliaments, lang),
    }))
    .sort((a, b) =>
      collator.compare(
        pickLanguage({ en: a.nameEn, ar: a.nameAr }, lang).text,
        pickLanguage({ en: b.nameEn, ar: b.nameAr }, lang).text,
      ),
    )
  return {
    lang,
    composition: stats.composition,
    shares: {
      members: stats.shares.members,
      womenShare: stats.shares.womenShare,
      youthShares: stats.shares.youthShares,
    },
    ipu: { network: stats.ipu.network.share, world: stats.ipu.world.share, asOf: stats.ipu.asOf },
    parliaments,
    withWomenFigures: parliaments
      .filter((p) => p.womenShare != null || p.ipuWomenShare != null)
      .map((p) => ({
        id: p.id,
        label: p.label,
        labelLang: p.labelLang,
        womenShare: p.womenShare,
        ipuWomenShare: p.ipuWomenShare,
      }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    map: {
      width: map.width,
      height: map.height,
      others: map.others,
      countries: countries.map((c) => ({
        ...c,
        href: `/${lang}/parliaments?country=${c.code}`,
        d: drawn.get(c.code)?.d ?? '',
        dot: drawn.get(c.code)?.dot ?? null,
        isDrawn: drawn.has(c.code),
      })),
    },
    minAgeGroup: MIN_AGE_GROUP,
    title: pageTitle(lang, 'title', 'stats'),
  }
}

type ParliamentRow = { countryCode: string | null; chamber: Chamber | null; nameEn: string; nameAr: string }

/** A short label for a bar: the country (with the chamber when two of its chambers are in the network) or the name. */
function chartLabel(p: ParliamentRow, all: ParliamentRow[], lang: Language): { label: string; labelLang?: Language } {
  if (p.countryCode) {
    const country = countryName(p.countryCode, lang)
    const twoChambers = p.chamber && all.filter((o) => o.countryCode === p.countryCode).length > 1
    return { label: twoChambers ? `${country} · ${getFixedT(lang, 'network')(`chambers.${p.chamber}`)}` : country }
  }
  const picked = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang)
  return picked.lang ? { label: picked.text, labelLang: picked.lang } : { label: picked.text }
}

export default function NetworkStatistics() {
  const { lang, composition, shares, ipu, parliaments, withWomenFigures, map, minAgeGroup } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation(['stats', 'network', 'common'])
  const n = (value: number) => formatNumber(value, lang)
  const share = (value: number | null) => (value == null ? '—' : formatShare(value, lang))
  const chartText = { lang, noDataLabel: t('chart.noData') }
  const series = {
    network: { key: 'network', label: t('chart.seriesNetwork') },
    ipu: { key: 'ipu', label: t('chart.seriesIpu') },
  }
  const ipuDate = ipu.asOf ? formatDate(new Date(`${ipu.asOf}T00:00:00Z`), lang) : null

  return (
    <div className="page stats-page">
      <NetworkNav lang={lang} />
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      <dl className="stats-figures" aria-label={t('figures.label')}>
        <div>
          <dt>{t('figures.inNetwork')}</dt>
          <dd>{n(composition.total)}</dd>
        </div>
        <div>
          <dt>{t('figures.countries')}</dt>
          <dd>{n(map.countries.length)}</dd>
        </div>
        <div>
          <dt>{t('figures.members')}</dt>
          <dd>{n(shares.members)}</dd>
        </div>
        <div>
          <dt>{t('figures.context')}</dt>
          <dd>{n(composition.listedForContext)}</dd>
        </div>
      </dl>

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

      <section aria-labelledby="composition-heading">
        <h2 id="composition-heading">{t('composition.title')}</h2>
        <div className="stats-charts">
          <BarChart
            id="chart-region"
            title={t('composition.byRegion')}
            categoryLabel={t('composition.region')}
            format="number"
            series={[{ key: 'count', label: t('composition.count') }]}
            rows={composition.byRegion.map((r) => ({
              key: r.region,
              label: t(`regions.${r.region}`, { ns: 'common' }),
              values: [r.count],
            }))}
            {...chartText}
          />
          <BarChart
            id="chart-kind"
            title={t('composition.byKind')}
            categoryLabel={t('composition.kind')}
            format="number"
            series={[{ key: 'count', label: t('composition.count') }]}
            rows={composition.byKind.map((k) => ({
              key: k.kind,
              label: t(`parliamentKinds.${k.kind}`, { ns: 'common' }),
              values: [k.count],
            }))}
            {...chartText}
          />
        </div>
      </section>

      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">{t('shares.title')}</h2>
        <p>{t('shares.lead')}</p>
        <div className="stats-charts">
          <BarChart
            id="chart-women"
            title={t('shares.women')}
            categoryLabel={t('shares.group')}
            format="percent"
            max={1}
            series={[{ key: 'share', label: t('shares.share') }]}
            rows={[
              { key: 'network', label: t('shares.rows.network'), values: [shares.womenShare] },
              { key: 'ipu-network', label: t('shares.rows.ipuNetwork'), values: [ipu.network] },
              { key: 'ipu-world', label: t('shares.rows.ipuWorld'), values: [ipu.world] },
            ]}
            {...chartText}
          />
          <BarChart
            id="chart-youth"
            title={t('shares.youth')}
            categoryLabel={t('shares.age')}
            format="percent"
            max={1}
            series={[{ key: 'share', label: t('shares.share') }]}
            rows={ages.map((age) => ({
              key: `under${age}`,
              label: t('shares.under', { age: n(age) }),
              values: [shares.youthShares[age]],
            }))}
            {...chartText}
          />
        </div>
        <p className="muted">{t('shares.ageNote', { min: n(minAgeGroup) })}</p>
        {ipuDate ? <p className="muted">{t('shares.ipuNote', { date: ipuDate })}</p> : null}
      </section>

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
    </div>
  )
}
