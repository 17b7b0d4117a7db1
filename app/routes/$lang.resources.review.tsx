import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { listResourcesToReview } from '~/features/library/resource.server'
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
  return { lang, resources: listResourcesToReview(), title: pageTitle(lang, 'review.title', 'resources') }
}

export default function ReviewQueue() {
  const { lang, resources } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['resources', 'library'])
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources`}>{t('page.library')}</Link>
      </p>
      <h1>{t('review.title')}</h1>
      <p className="lead">{t('review.lead')}</p>
      {resources.length ? (
        <div className="table-wrap">
          <table className="resource-table">
            <thead>
              <tr>
                <th scope="col">{t('mine.titleColumn')}</th>
                <th scope="col">{t('page.type')}</th>
                <th scope="col">{t('review.author')}</th>
                <th scope="col">{t('review.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/${lang}/resources/${r.id}`}>
                      <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                    </Link>
                    {r.visibility === 'members' ? (
                      <span className="badge badge--members">{t('page.membersOnly')}</span>
                    ) : null}
                  </th>
                  <td>{t(`types.${r.type}`, { ns: 'library' })}</td>
                  <td dir="auto">{r.authorName}</td>
                  <td>{r.submittedAt ? formatDate(new Date(r.submittedAt), lang, 'dateTime') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('review.empty')}</p>
      )}
    </div>
  )
}
