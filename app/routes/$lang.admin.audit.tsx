import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { AUDIT_PAGE_SIZE, listAuditEvents } from '~/utils/audit.server'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { readPage, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'admin')
  const lang = requireLanguage(params)
  const page = readPage(request)
  return {
    lang,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    ...listAuditEvents(page),
    title: pageTitle(lang, 'audit.title', 'admin'),
  }
}

export default function AdminAudit() {
  const { lang, rows, total, page, pageSize } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      {rows.length === 0 ? <p>{t('audit.empty')}</p> : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  )
}
