import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listResourcesToReview } from '~/features/library/resource.server'
import { ResourceListHeading, ResourceTable } from '~/features/library/resource-table'
import { requireRole } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/resource-pages.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  return { lang, resources: listResourcesToReview(), title: pageTitle(lang, 'review.title', 'library') }
}

export const handle = { i18n: ['library'] }

export default function ReviewQueue() {
  const { lang, resources } = useLoaderData<typeof loader>()
  const { t } = useTranslation('library')
  return (
    <div className="page">
      <ResourceListHeading lang={lang} title={t('review.title')} lead={t('review.lead')} />
      {resources.length ? (
        <ResourceTable
          lang={lang}
          rows={resources}
          badges={(r) =>
            r.visibility === 'members' ? <span className="badge badge--members">{t('page.membersOnly')}</span> : null
          }
          columns={[
            { header: t('review.author'), cell: (r) => r.authorName, dir: 'auto' },
            {
              header: t('review.submitted'),
              cell: (r) => (r.submittedAt ? formatDate(new Date(r.submittedAt), lang, 'dateTime') : ''),
            },
          ]}
        />
      ) : (
        <p>{t('review.empty')}</p>
      )}
    </div>
  )
}
