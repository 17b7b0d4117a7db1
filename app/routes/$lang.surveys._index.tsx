import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { canManageSurveys } from '~/features/surveys/access.server'
import { listSurveys } from '~/features/surveys/list.server'
import { getUser } from '~/utils/auth.server'
import { formatDate, formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const user = getUser(request)
  const manager = canManageSurveys(user)
  return {
    lang,
    rows: listSurveys(user),
    manager,
    audience: manager ? 'coordinator' : user?.parliamentId && user.role === 'member' ? 'member' : 'visitor',
    title: pageTitle(lang, 'list.title', 'surveys'),
    ...pageHead(lang, { key: 'head.surveys' }),
  }
}

export const handle = { i18n: ['surveys'] }

export default function Surveys() {
  const { lang, rows, manager, audience } = useLoaderData<typeof loader>()
  const { t } = useTranslation('surveys')
  return (
    <div className="page surveys-list">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t(`list.lead.${audience}`)}</p>
      {manager ? (
        <p>
          <Link className="button" to={`/${lang}/surveys/new`}>
            {t('list.new')}
          </Link>
        </p>
      ) : null}
      {rows.length ? (
        <ul className="survey-cards">
          {rows.map((s) => (
            <li key={s.id} className="survey-card">
              <h2 className="survey-card__title">
                <Link to={`/${lang}/surveys/${s.id}`}>
                  <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
                </Link>
              </h2>
              <p>
                <span className={`badge survey-status survey-status--${s.status}`}>{t(`status.${s.status}`)}</span>
                {s.ownStatus ? (
                  <span className="survey-card__own">
                    {' '}
                    {t('list.yourResponse', { status: t(`responseStatus.${s.ownStatus}`) })}
                  </span>
                ) : null}
              </p>
              <dl className="survey-facts">
                {s.deadline ? (
                  <div>
                    <dt>{t('overview.deadline')}</dt>
                    <dd>{formatDate(new Date(s.deadline), lang)}</dd>
                  </div>
                ) : null}
                {manager ? (
                  <>
                    <div>
                      <dt>{t('overview.questions')}</dt>
                      <dd>{formatNumber(s.questions, lang)}</dd>
                    </div>
                    <div>
                      <dt>{t('overview.submitted')}</dt>
                      <dd>
                        {t('overview.submittedOf', {
                          submitted: formatNumber(s.submitted, lang),
                          invited: formatNumber(s.invited, lang),
                        })}
                      </dd>
                    </div>
                  </>
                ) : null}
                {s.resultsPublished ? (
                  <div>
                    <dt>{t('overview.results')}</dt>
                    <dd>
                      <Link to={`/${lang}/surveys/${s.id}/results`}>{t('overview.resultsPublished')}</Link>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(`list.empty.${audience}`)}</p>
      )}
    </div>
  )
}
