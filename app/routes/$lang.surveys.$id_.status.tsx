// The status board of a questionnaire (issue 16, coordinators): each parliament it was sent to, its response's
// status and last activity; a submitted response can be reopened for its parliament to change and submit again.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { StatusMessage } from '~/components/status-message'
import { answerErrorKey } from '~/features/surveys/answer-errors'
import { requireSurveyCoordinator } from '~/features/surveys/answer-guards.server'
import { reopenResponse } from '~/features/surveys/response.server'
import { countByStatus, listResponseStatuses } from '~/features/surveys/status.server'
import { responseStatuses } from '~/features/surveys/vocabulary'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { z } from '~/utils/zod'
import styles from '~/styles/surveys-answer.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { survey } = requireSurveyCoordinator(request, params.id)
  const rows = listResponseStatuses(survey.id)
  return {
    lang,
    survey: { id: survey.id, titleEn: survey.titleEn, titleAr: survey.titleAr, status: survey.status },
    deadline: survey.deadline?.toISOString() ?? null,
    counts: countByStatus(rows),
    rows: rows.map((r) => ({
      ...r,
      invitedAt: r.invitedAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      reopenedAt: r.reopenedAt?.toISOString() ?? null,
      lastActivityAt: r.lastActivityAt?.toISOString() ?? null,
      reminderSentAt: r.reminderSentAt?.toISOString() ?? null,
    })),
    title: pageTitle(lang, 'answer.board.documentTitle', 'surveys', { title: survey.titleEn || survey.titleAr }),
  }
}

const ReopenSchema = z.object({ intent: z.literal('reopen'), responseId: z.string() })

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey } = requireSurveyCoordinator(request, params.id)
  const parsed = ReopenSchema.safeParse(Object.fromEntries(await request.formData()))
  const responseId = parsed.success ? readId(parsed.data.responseId) : null
  if (responseId === null) throw new Response('Bad Request', { status: 400 })
  const reopened = reopenResponse(survey, responseId, user)
  if (!reopened.ok) return data({ error: reopened.error, responseId }, { status: 400 })
  return redirect(`/${lang}/surveys/${survey.id}/status?done=reopened#response-${responseId}`, 303)
}

export const handle = { i18n: ['surveys'] }

export default function StatusBoard() {
  const { lang, survey, deadline, counts, rows } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation(['surveys', 'common'])
  const when = (iso: string) => formatDate(new Date(iso), lang as Language, 'dateTime')
  return (
    <div className="page answer-board">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${survey.id}`}>{t('answer.back')}</Link>
      </p>
      <h1>{t('answer.board.title')}</h1>
      <p className="lead">
        <BilingualText en={survey.titleEn} ar={survey.titleAr} lang={lang} />
      </p>
      {search.get('done') === 'reopened' ? <StatusMessage>{t('answer.board.reopened')}</StatusMessage> : null}
      {refused ? (
        <p className="form-error" role="alert">
          {t(answerErrorKey(refused.error))}
        </p>
      ) : null}
      {deadline ? (
        <p>
          {t('answer.deadline')}: <time dateTime={deadline}>{when(deadline)}</time>
        </p>
      ) : null}
      <ul className="answer-board__counts" aria-label={t('answer.board.countsLabel')}>
        {responseStatuses.map((s) => (
          <li key={s} data-testid={`count-${s}`}>
            <span className="answer-board__count">{formatNumber(counts[s], lang as Language)}</span>{' '}
            {t(`answer.status.${s}`)}
          </li>
        ))}
      </ul>
      {rows.length === 0 ? (
        <p>{t('answer.board.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="board-caption" tabIndex={0}>
          <table className="answer-board__table">
            <caption id="board-caption">{t('answer.board.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('answer.board.parliament')}</th>
                <th scope="col">{t('answer.board.region')}</th>
                <th scope="col">{t('answer.statusLabel')}</th>
                <th scope="col">{t('answer.board.lastActivity')}</th>
                <th scope="col">{t('answer.board.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} id={`response-${r.id}`} data-parliament={r.parliamentId}>
                  <th scope="row">
                    <Link to={`/${lang}/parliaments/${r.parliamentId}`}>
                      <BilingualText en={r.parliamentNameEn} ar={r.parliamentNameAr} lang={lang} />
                    </Link>
                  </th>
                  <td>{t(`regions.${r.region}`, { ns: 'common' })}</td>
                  <td>
                    <span className={`badge badge--${r.status}`}>{t(`answer.status.${r.status}`)}</span>
                    {r.status === 'submitted' && r.submittedAt ? (
                      <span className="answer-board__detail">
                        {t('answer.submittedBy', { name: r.submittedBy ?? t('answer.formerAccount') })}{' '}
                        <time dateTime={r.submittedAt}>{when(r.submittedAt)}</time>
                      </span>
                    ) : null}
                    {r.reminderSentAt && r.status !== 'submitted' ? (
                      <span className="answer-board__detail">
                        {t('answer.board.reminded')} <time dateTime={r.reminderSentAt}>{when(r.reminderSentAt)}</time>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {r.lastActivityAt ? (
                      <>
                        <time dateTime={r.lastActivityAt}>{when(r.lastActivityAt)}</time>{' '}
                        <span className="answer-board__detail">
                          {t('answer.lastSavedBy', { name: r.lastActivityBy ?? t('answer.formerAccount') })}
                        </span>
                      </>
                    ) : (
                      t('answer.board.noActivity')
                    )}
                  </td>
                  <td>
                    {r.status === 'submitted' && survey.status === 'open' ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="reopen" />
                        <input type="hidden" name="responseId" value={r.id} />
                        <button type="submit" className="button button--quiet button--small">
                          {t('answer.board.reopen')}
                          <span className="visually-hidden">
                            {' '}
                            <BilingualText en={r.parliamentNameEn} ar={r.parliamentNameAr} lang={lang} />
                          </span>
                        </button>
                      </Form>
                    ) : null}
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
