import type { LoaderFunctionArgs } from '@remix-run/node'
import { useTranslation } from 'react-i18next'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'meetings.title') }
}

/** The meetings section's entry page; its issue replaces the "opening soon" notice with the real list. */
export default function Section() {
  const { t } = useTranslation('common')
  return (
    <div className="page prose">
      <h1>{t('meetings.title')}</h1>
      <p className="lead">{t('meetings.lead')}</p>
      <p className="notice">{t('meetings.openingSoon')}</p>
    </div>
  )
}
