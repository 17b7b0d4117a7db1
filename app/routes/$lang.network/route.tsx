import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NetworkHeader } from '~/features/network/network-nav'
import { getNetworkPage } from '~/features/network/network-page.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { CompositionPanel, MapPanel, ParliamentsPanel, SharesPanel } from './panels'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return {
    lang,
    ...getNetworkPage(lang),
    title: pageTitle(lang, 'title', 'stats'),
    ...pageHead(lang, { key: 'head.network' }),
  }
}

export const handle = { i18n: ['network', 'stats'] }

export default function NetworkStatistics() {
  const { lang, composition, shares, ipu, parliaments, withWomenFigures, map, minAgeGroup } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation(['stats', 'network', 'common'])
  const n = (value: number) => formatNumber(value, lang)

  return (
    <div className="page stats-page">
      <NetworkHeader lang={lang} title={t('title')} lead={t('lead')} />

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

      <MapPanel map={map} />
      <CompositionPanel composition={composition} lang={lang} />
      <SharesPanel shares={shares} ipu={ipu} minAgeGroup={minAgeGroup} lang={lang} />
      <ParliamentsPanel parliaments={parliaments} withWomenFigures={withWomenFigures} lang={lang} />
    </div>
  )
}
