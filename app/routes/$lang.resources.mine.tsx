import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listAuthoredResources } from '~/features/library/resource.server'
import { ResourceListHeading, ResourceTable } from '~/features/library/resource-table'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/resource-pages.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  return { lang, resources: listAuthoredResources(user.id), title: pageTitle(lang, 'mine.title', 'library') }
}

export const handle = { i18n: ['library'] }

export default function MyResources() {
  const { lang, resources } = useLoaderData<typeof loader>()
  const { t } = useTranslation('library')
  return (
    <div className="page">
      <ResourceListHeading lang={lang} title={t('mine.title')} lead={t('mine.lead')} />
      <p>
        <Link className="button" to={`/${lang}/resources/new`}>
          {t('mine.share')}
        </Link>
      </p>
      {resources.length ? (
        <ResourceTable
          lang={lang}
          rows={resources}
          columns={[
            {
              header: t('mine.state'),
              cell: (r) => (
                <>
                  <span className="badge badge--state">{t(`states.${r.state}`)}</span>
                  {r.state === 'returned' && r.returnReason ? (
                    <span className="resource-table__reason" dir="auto">
                      {t('mine.reason', { reason: r.returnReason })}
                    </span>
                  ) : null}
                </>
              ),
            },
            { header: t('mine.updated'), cell: (r) => formatDate(new Date(r.updatedAt), lang) },
          ]}
        />
      ) : (
        <p>{t('mine.empty')}</p>
      )}
    </div>
  )
}
