import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { listAuthoredResources } from '~/features/library/resource.server'
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
  return { lang, resources: listAuthoredResources(user.id), title: pageTitle(lang, 'mine.title', 'resources') }
}

export default function MyResources() {
  const { lang, resources } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['resources', 'library'])
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources`}>{t('page.library')}</Link>
      </p>
      <h1>{t('mine.title')}</h1>
      <p className="lead">{t('mine.lead')}</p>
      <p>
        <Link className="button" to={`/${lang}/resources/new`}>
          {t('mine.share')}
        </Link>
      </p>
      {resources.length ? (
        <div className="table-wrap">
          <table className="resource-table">
            <thead>
              <tr>
                <th scope="col">{t('mine.titleColumn')}</th>
                <th scope="col">{t('page.type')}</th>
                <th scope="col">{t('mine.state')}</th>
                <th scope="col">{t('mine.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/${lang}/resources/${r.id}`}>
                      <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                    </Link>
                  </th>
                  <td>{t(`types.${r.type}`, { ns: 'library' })}</td>
                  <td>
                    <span className="badge badge--state">{t(`states.${r.state}`)}</span>
                    {r.state === 'returned' && r.returnReason ? (
                      <span className="resource-table__reason" dir="auto">
                        {t('mine.reason', { reason: r.returnReason })}
                      </span>
                    ) : null}
                  </td>
                  <td>{formatDate(new Date(r.updatedAt), lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('mine.empty')}</p>
      )}
    </div>
  )
}
