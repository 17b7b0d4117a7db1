import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { StatusMessage } from '~/components/status-message'
import { canManageSurveys } from '~/features/surveys/access.server'
import { readDone } from '~/features/surveys/done'
import { requireVisibleSurvey } from '~/features/surveys/guards.server'
import { surveyFigures } from '~/features/surveys/list.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey: s, response, answers } = requireVisibleSurvey(request, params.id)
  const manager = canManageSurveys(user)
  const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text
  return {
    lang,
    done: readDone(request.url),
    manager,
    survey: {
      id: s.id,
      titleEn: s.titleEn,
      titleAr: s.titleAr,
      introEn: s.introEn,
      introAr: s.introAr,
      status: s.status,
      deadline: s.deadline,
      reminderDays: s.reminderDays,
      sentAt: s.sentAt,
    },
    resultsPublished: s.status !== 'draft' && s.resultsPublishedAt !== null,
    figures: manager ? (surveyFigures(s.id) ?? null) : null,
    response: answers && response ? { status: response.status } : null,
    title: pageTitle(lang, 'overview.pageTitle', 'surveys', { title }),
    ...pageHead(lang, { en: s.introEn, ar: s.introAr }, { key: 'head.surveys' }),
  }
}

export const handle = { i18n: ['surveys'] }

export default function SurveyOverview() {
  const { lang, done, manager, survey: s, resultsPublished, figures, response } = useLoaderData<typeof loader>()
  const { t } = useTranslation('surveys')
  const base = `/${lang}/surveys/${s.id}`
  const intro = pickLanguage({ en: s.introEn, ar: s.introAr }, lang)
  return (
    <div className="page narrow survey-overview">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys`}>{t('list.title')}</Link>
      </p>
      {done ? <StatusMessage>{t(`done.${done}`)}</StatusMessage> : null}
      <h1>
        <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
      </h1>
      <p>
        <span className={`badge survey-status survey-status--${s.status}`}>{t(`status.${s.status}`)}</span>
      </p>
      {intro.text ? (
        <div className="survey-intro" lang={intro.lang} dir="auto">
          {intro.text.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      ) : null}
      <dl className="survey-facts">
        {s.deadline ? (
          <div>
            <dt>{t('overview.deadline')}</dt>
            <dd>{formatDate(new Date(s.deadline), lang)}</dd>
          </div>
        ) : null}
        {figures ? (
          <>
            <div>
              <dt>{t('overview.sections')}</dt>
              <dd>{formatNumber(figures.sections, lang)}</dd>
            </div>
            <div>
              <dt>{t('overview.questions')}</dt>
              <dd>{formatNumber(figures.questions, lang)}</dd>
            </div>
            <div>
              <dt>{t('overview.submitted')}</dt>
              <dd>
                {t('overview.submittedOf', {
                  submitted: formatNumber(figures.submitted, lang),
                  invited: formatNumber(figures.invited, lang),
                })}
              </dd>
            </div>
            {s.sentAt ? (
              <div>
                <dt>{t('overview.reminder')}</dt>
                <dd>{t('overview.reminderDays', { n: formatNumber(s.reminderDays, lang) })}</dd>
              </div>
            ) : null}
          </>
        ) : null}
        {response ? (
          <div>
            <dt>{t('overview.yourResponse')}</dt>
            <dd>{t(`responseStatus.${response.status}`)}</dd>
          </div>
        ) : null}
      </dl>
      {manager ? (
        <nav aria-label={t('overview.toolsLabel')} className="survey-tools">
          <ul>
            {s.status !== 'closed' ? (
              <li>
                <Link to={`${base}/edit`}>{t('overview.edit')}</Link>
              </li>
            ) : null}
            <li>
              <Link to={`${base}/preview`}>{t('overview.preview')}</Link>
            </li>
            {s.status !== 'closed' ? (
              <li>
                <Link to={`${base}/send`}>{s.status === 'draft' ? t('overview.send') : t('overview.sendMore')}</Link>
              </li>
            ) : null}
            {s.status !== 'draft' ? (
              <>
                <li>
                  <Link to={`${base}/status`}>{t('overview.status')}</Link>
                </li>
                <li>
                  <Link to={`${base}/results`}>{t('overview.resultsLink')}</Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      ) : response ? (
        <p>
          <Link className="button" to={`${base}/respond`}>
            {response.status === 'submitted' ? t('overview.readAnswers') : t('overview.answer')}
          </Link>
        </p>
      ) : null}
      {!manager && resultsPublished ? (
        <p>
          <Link to={`${base}/results`}>{t('overview.resultsPublished')}</Link>
        </p>
      ) : null}
    </div>
  )
}
