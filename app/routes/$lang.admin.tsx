import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireAdmin } from '~/features/admin/access.server'
import { requireLanguage } from '~/utils/lang.server'

export function loader({ params, request }: LoaderFunctionArgs) {
  requireAdmin(request)
  requireLanguage(params)
  return null
}

export const handle = { i18n: ['admin'] }

export default function AdminLayout() {
  const { lang } = useParams()
  const { t } = useTranslation('admin')
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <nav className="tabs" aria-label={t('sections')}>
        <NavLink to={`/${lang}/admin`} end>
          {t('users.title')}
        </NavLink>
        <NavLink to={`/${lang}/admin/outbox`}>{t('outbox.title')}</NavLink>
        <NavLink to={`/${lang}/admin/audit`}>{t('audit.title')}</NavLink>
      </nav>
      <Outlet />
    </div>
  )
}
