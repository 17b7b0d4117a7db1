import type { LoaderFunctionArgs } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'resources.title') }
}

/** The resources section's entry page; its issue replaces the "opening soon" notice with the real list. */
export default function Section() {
  const { t } = useTranslation('common')
  return (
    <div className="page prose">
      <h1>{t('resources.title')}</h1>
      <p className="lead">{t('resources.lead')}</p>
      <p className="notice">{t('resources.openingSoon')}</p>
    </div>
  )
}
