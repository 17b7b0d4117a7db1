import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { canCreateGroups } from '~/features/groups/access.server'
import { listGroups } from '~/features/groups/group.server'
import { requireUser } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  return {
    lang,
    rows: listGroups(user),
    creator: canCreateGroups(user),
    title: pageTitle(lang, 'list.title', 'groups'),
    ...pageHead(lang, { key: 'head.groups' }),
  }
}

export const handle = { i18n: ['groups'] }

export default function Groups() {
  const { lang, rows, creator } = useLoaderData<typeof loader>()
  const { t } = useTranslation('groups')
  return (
    <div className="page groups-list">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {creator ? (
        <p>
          <Link className="button" to={`/${lang}/groups/new`}>
            {t('list.new')}
          </Link>
        </p>
      ) : null}
      {rows.length ? (
        <ul className="group-cards stack">
          {rows.map((g) => (
            <li key={g.id} className="group-card">
              <h2 className="group-card__title">
                <Link to={`/${lang}/groups/${g.id}`}>
                  <BilingualText en={g.nameEn} ar={g.nameAr} lang={lang} />
                </Link>
              </h2>
              <p>
                <span className="badge">{t(`access.${g.access}`)}</span>{' '}
                {t('list.members', { n: formatNumber(g.members, lang) })}
                {g.myState && g.myState !== 'declined' ? (
                  <>
                    {' · '}
                    <strong>
                      {t(`myState.${g.myState === 'active' && g.myRole === 'facilitator' ? 'facilitator' : g.myState}`)}
                    </strong>
                  </>
                ) : null}
              </p>
              {g.purposeEn || g.purposeAr ? (
                <p className="group-card__purpose">
                  <BilingualText en={g.purposeEn} ar={g.purposeAr} lang={lang} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('list.empty')}</p>
      )}
    </div>
  )
}
