// A questionnaire's results (issue 16 §3): per question, the answer rate and the figures for all respondents or by
// region or kind of parliament (?by=region|kind), as server-drawn charts with their tables. Coordinators see them
// always, with the answers in words by parliament, and publish them, take them back, put them in the library and
// download the responses; anyone else sees them once published, as aggregates only (small cells hidden), and a
// 404 before. The action asks again who may: a forged post by anyone but a coordinator is a 403 and writes nothing.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import { canManageSurveys, seesOnlyAggregates } from '~/features/surveys/access.server'
import { ResultsManage } from '~/features/surveys/components/results-manage'
import { QuestionResults } from '~/features/surveys/components/results-question'
import { loadQuestionnaire } from '~/features/surveys/questionnaire.server'
import { requireResultsManager, requireResultsViewer } from '~/features/surveys/results-guards.server'
import { publishResults, publishResultsToLibrary, unpublishResults } from '~/features/surveys/results-publish.server'
import { loadResultsPage } from '~/features/surveys/results.server'
import { readResultsView, resultsViews } from '~/features/surveys/results-view'
import { minimumCell } from '~/features/surveys/vocabulary'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'
import styles from '~/styles/surveys-results.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['surveys', 'network'] }

const doneMessages = ['published', 'unpublished', 'library'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey } = requireResultsViewer(request, params.id)
  const questionnaire = loadQuestionnaire(survey.id)!
  const aggregatesOnly = seesOnlyAggregates(user)
  const search = new URL(request.url).searchParams
  const view = readResultsView(search)
  const { results, questions } = loadResultsPage(questionnaire, {
    aggregatesOnly,
    view,
    listAll: readId(search.get('answers')),
  })
  const title = pickLanguage({ en: survey.titleEn, ar: survey.titleAr }, lang)
  const done = doneMessages.find((d) => d === search.get('done')) ?? null
  return {
    lang,
    survey: {
      id: survey.id,
      title,
      publishedAt: survey.resultsPublishedAt?.toISOString() ?? null,
      resourceId: survey.resourceId,
    },
    view,
    canManage: canManageSurveys(user),
    results,
    questions,
    done,
    title: pageTitle(lang, 'results.pageTitle', 'surveys', { title: title.text }),
    ...pageHead(lang, { en: survey.introEn, ar: survey.introAr }),
  }
}

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('publish') }),
  z.object({ intent: z.literal('unpublish') }),
  z.object({ intent: z.literal('library') }),
])

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey } = requireResultsManager(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: IntentSchema })
  if (submission.status !== 'success') return data({ error: 'invalid' }, { status: 400 })
  const { intent } = submission.value
  const done =
    intent === 'publish'
      ? publishResults(survey, user)
      : intent === 'unpublish'
        ? unpublishResults(survey, user)
        : await publishResultsToLibrary(survey, user)
  if (!done.ok) return data({ error: done.error }, { status: 409 })
  const message = intent === 'publish' ? 'published' : intent === 'unpublish' ? 'unpublished' : 'library'
  return redirect(`/${lang}/surveys/${survey.id}/results?done=${message}`, { status: 303 })
}

export default function SurveyResultsPage() {
  const { lang, survey, view, canManage, results, questions, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('surveys')
  const resultOf = new Map(results.questions.map((r) => [r.questionId, r]))
  const base = `/${lang}/surveys/${survey.id}/results`
  return (
    <div className="page results-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${survey.id}`}>{t('results.backToSurvey')}</Link>
      </p>
      <h1 dir="auto">{t('results.title', { title: survey.title.text })}</h1>
      {done ? <StatusMessage>{t(`results.done.${done}`)}</StatusMessage> : null}
      <div className="results-layout">
        <div className="results-main">
          <p className="lead">
            {t('results.submittedOf', {
              submitted: formatNumber(results.submitted, lang),
              invited: formatNumber(results.invited, lang),
            })}
          </p>
          <p className="muted">
            {t('results.onlySubmitted')}{' '}
            {results.aggregatesOnly ? t('results.aggregatesOnly', { min: formatNumber(minimumCell, lang) }) : null}
          </p>
          {canManage ? (
            <p className="muted">
              {survey.publishedAt
                ? t('results.publishedOn', { date: formatDate(new Date(survey.publishedAt), lang) })
                : t('results.notPublished')}
            </p>
          ) : null}
          <nav className="results-views" aria-label={t('results.views.label')}>
            <ul>
              {resultsViews.map((v) => (
                <li key={v}>
                  <Link
                    to={v === 'all' ? base : `${base}?by=${v}`}
                    aria-current={v === view ? 'page' : undefined}
                    preventScrollReset
                  >
                    {t(`results.views.${v}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {results.submitted === 0 ? <p className="notice">{t('results.noResponses')}</p> : null}
          {results.submitted > 0
            ? questions.map((q) => (
                <QuestionResults
                  key={q.id}
                  surveyId={survey.id}
                  question={q}
                  result={resultOf.get(q.id)!}
                  view={view}
                  lang={lang}
                  aggregatesOnly={results.aggregatesOnly}
                />
              ))
            : null}
        </div>
        {canManage ? (
          <ResultsManage
            lang={lang}
            surveyId={survey.id}
            published={survey.publishedAt !== null}
            resourceId={survey.resourceId}
            error={actionData?.error ?? null}
          />
        ) : null}
      </div>
    </div>
  )
}
