import { Link, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { boundedSearch } from '~/utils/query-string'

/** Previous/next links that keep the rest of the query string. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useTranslation('common')
  const location = useLocation()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1) return null
  const href = (p: number) => {
    const params = new URLSearchParams(boundedSearch(location.search))
    params.set('page', String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <Link to={href(page - 1)}>{t('pagination.previous')}</Link> : null}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t('pagination.next')}</Link> : null}
    </nav>
  )
}
