import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { requireAdminListing } from '~/features/admin/access.server'
import { AUDIT_PAGE_SIZE, listAuditEvents } from '~/features/admin/audit.server'
import { DataTable } from '~/components/ui/data-table'
import { formatDate } from '~/utils/format'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const { lang, page } = requireAdminListing({ params, request })
  return {
    lang,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    ...listAuditEvents(page),
    title: pageTitle(lang, 'audit.title', 'admin'),
  }
}

export const handle = { i18n: ['admin'] }

export default function AdminAudit() {
  const { lang, rows, total, page, pageSize } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {rows.length === 0 ? <p>{t('audit.empty')}</p> : null}
      <DataTable columns={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.target'), t('audit.details')]}>
        {rows.map((e) => (
          <tr key={e.id}>
            <td>{formatDate(new Date(e.createdAt), lang, 'dateTime')}</td>
            <td>{e.actorName ?? t('audit.anonymous')}</td>
            <td>{t(`audit.actions.${e.action.replaceAll('.', '_')}`, { defaultValue: e.action })}</td>
            <td>
              <bdi dir="ltr">{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</bdi>
            </td>
            <td>
              <code dir="ltr">{e.details ?? ''}</code>
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  )
}
