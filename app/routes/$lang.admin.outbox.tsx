import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { requireAdminListing } from '~/features/admin/access.server'
import { listOutboxMessages, OUTBOX_PAGE_SIZE } from '~/features/admin/outbox.server'
import { formatDate } from '~/utils/format'
import { isSmtpConfigured } from '~/utils/mail.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const { admin, lang, page } = requireAdminListing({ params, request })
  return {
    lang,
    page,
    pageSize: OUTBOX_PAGE_SIZE,
    ...listOutboxMessages(page, admin),
    smtp: isSmtpConfigured(),
    title: pageTitle(lang, 'outbox.title', 'admin'),
  }
}

export const handle = { i18n: ['admin'] }

export default function AdminOutbox() {
  const { lang, rows, total, page, pageSize, smtp } = useLoaderData<typeof loader>()
  const { t } = useTranslation('admin')
  return (
    <section aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p className="muted">{t('outbox.intro')}</p>
      {smtp ? null : (
        <p className="notice" role="note" data-testid="outbox-no-smtp">
          {t('outbox.noSmtp')}
        </p>
      )}
      <p className="muted">{t('outbox.linksHidden')}</p>
      {rows.length === 0 ? <p>{t('outbox.empty')}</p> : null}
      <ol className="mail-list">
        {rows.map((m) => (
          <li key={m.id} className="mail" data-testid="outbox-message">
            <details>
              <summary>
                <span className="mail__subject" dir="auto">
                  {m.subject}
                </span>
                <span className="mail__meta">
                  <span dir="ltr">{m.toAddress}</span> · {formatDate(new Date(m.createdAt), lang, 'dateTime')} ·{' '}
                  <span className="badge">{t(`outbox.status.${m.status}`)}</span>
                </span>
              </summary>
              <pre className="mail__body" dir="auto" lang={m.locale}>
                {m.textBody}
              </pre>
              {m.error ? <p className="form-error">{m.error}</p> : null}
            </details>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  )
}
