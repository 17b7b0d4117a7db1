import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { listParliaments } from '~/models/parliament.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  return { lang, parliaments: listParliaments(lang), title: pageTitle(lang, 'parliaments.title') }
}

export default function Parliaments() {
  const { lang, parliaments } = useLoaderData<typeof loader>()
  const { t } = useTranslation('common')
  return (
    <div className="page">
      <h1>{t('parliaments.title')}</h1>
      <p className="lead">{t('parliaments.lead')}</p>
      {parliaments.length === 0 ? (
        <p>{t('parliaments.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('parliaments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('parliaments.name')}</th>
                <th scope="col">{t('parliaments.kind')}</th>
                <th scope="col">{t('parliaments.region')}</th>
                <th scope="col">{t('parliaments.website')}</th>
              </tr>
            </thead>
            <tbody>
              {parliaments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                  </th>
                  <td>{t(`parliamentKinds.${p.kind}`)}</td>
                  <td>{t(`regions.${p.region}`)}</td>
                  <td>
                    {p.website ? (
                      <a href={p.website} dir="ltr" rel="noreferrer">
                        {new URL(p.website).hostname}
                      </a>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
