import type { LoaderFunctionArgs } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'about.title'), ...pageHead(lang, { key: 'head.about' }) }
}

const pillars = [1, 2, 3, 4] as const
const resolutions = ['1373', '1624', '2178', '2250', '2341', '2396', '2462', '1325'] as const

export const handle = { i18n: [] }

export default function About() {
  const { t } = useTranslation('common')
  return (
    <div className="page prose">
      <h1>{t('about.title')}</h1>
      <p className="lead">{t('about.lead')}</p>
      <h2>{t('about.originTitle')}</h2>
      <p>{t('about.origin')}</p>
      <h2>{t('about.missionTitle')}</h2>
      <ul>
        {(['network', 'resources', 'support', 'womenYouth', 'dialogue'] as const).map((k) => (
          <li key={k}>{t(`about.mission.${k}`)}</li>
        ))}
      </ul>
      <h2>{t('about.pillarsTitle')}</h2>
      <p>{t('about.pillarsIntro')}</p>
      <ol className="pillars">
        {pillars.map((n) => (
          <li key={n}>{t(`pillars.${n}`)}</li>
        ))}
      </ol>
      <h2>{t('about.resolutionsTitle')}</h2>
      <ul>
        {resolutions.map((r) => (
          <li key={r}>{t(`resolutions.${r}`)}</li>
        ))}
      </ul>
    </div>
  )
}
