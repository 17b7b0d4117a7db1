// A parliament's response to a questionnaire, written by its members (issue 16): saved as they go (the draft survives
// a reload and a sign-out), submitted once, read-only after. The form carries the revision it started from: a save
// over a colleague's newer one is refused, their answers shown beside the typed ones (which stay in the form).
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { StatusMessage } from '~/components/status-message'
import { answerErrorKey, type AnswerError } from '~/features/surveys/answer-errors'
import { requireOwnResponse } from '~/features/surveys/answer-guards.server'
import { checkAnswer, fieldValueOf, readAnswerForm, type AnswerFormValues } from '~/features/surveys/answer-schemas'
import { AnswerForm, type AnswerSection } from '~/features/surveys/components/answer-form'
import { answerText, assistanceHref } from '~/features/surveys/components/answer-text'
import { questionFieldNames, type QuestionFieldValue } from '~/features/surveys/components/question-field'
import type { Question } from '~/features/surveys/questionnaire.server'
import {
  answeringRefusal,
  answersFor,
  listMechanismChoices,
  loadAnswers,
  saveResponse,
  userNames,
} from '~/features/surveys/response.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { readUploadForm } from '~/utils/upload.server'
import { z } from '~/utils/zod'
import surveyStyles from '~/styles/surveys.css?url'
import styles from '~/styles/surveys-answer.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: surveyStyles },
  { rel: 'stylesheet', href: styles },
]

type Found = ReturnType<typeof requireOwnResponse>

/** The stored answers as the form shows them, with each file's link. */
function storedValues({ survey, response }: Pick<Found, 'survey' | 'response'>) {
  const stored = loadAnswers(response.id)
  const answers = answersFor(survey.questions, stored)
  const values: Record<number, QuestionFieldValue> = {}
  for (const q of survey.questions) {
    const file = stored.files.get(q.id)
    values[q.id] = fieldValueOf(answers.get(q.id), {
      file: file ? { name: file.name, href: `/surveys/${survey.id}/files/${file.id}` } : null,
    })
  }
  return { values, stored }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const found = requireOwnResponse(request, params.id)
  const { survey, response } = found
  const { values } = storedValues(found)
  const names = userNames([response.lastActivityById, response.submittedById])
  const title = survey.titleEn || survey.titleAr
  return {
    lang,
    survey: {
      id: survey.id,
      titleEn: survey.titleEn,
      titleAr: survey.titleAr,
      introEn: survey.introEn,
      introAr: survey.introAr,
      deadline: survey.deadline?.toISOString() ?? null,
    },
    sections: survey.sections,
    parliament: getParliamentName(response.parliamentId) ?? null,
    response: {
      status: response.status,
      revision: response.revision,
      lastActivityAt: response.lastActivityAt?.toISOString() ?? null,
      lastActivityBy: response.lastActivityById ? (names.get(response.lastActivityById) ?? null) : null,
      submittedAt: response.submittedAt?.toISOString() ?? null,
      submittedBy: response.submittedById ? (names.get(response.submittedById) ?? null) : null,
    },
    refusal: answeringRefusal(survey, response),
    values,
    mechanisms: survey.questions.some((q) => q.kind === 'mechanism') ? listMechanismChoices(response.parliamentId) : [],
    title: pageTitle(lang, 'answer.documentTitle', 'surveys', { title }),
    ...pageHead(lang, { en: survey.introEn, ar: survey.introAr }, { key: 'head.surveys' }),
  }
}

type Refusal = {
  error: AnswerError
  fieldErrors: Record<number, AnswerError>
  values: AnswerFormValues
  baseRevision: number
  /** A stale save: their answers where they differ from the typed ones, and who saved them. */
  theirs?: { values: Record<number, QuestionFieldValue>; by: string | null; at: string | null }
}

const IntentSchema = z.object({
  intent: z.enum(['save', 'submit']),
  baseRevision: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
})

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const found = requireOwnResponse(request, params.id)
  const { survey, response, user, respondent } = found
  const fileFields = survey.questions.filter((q) => q.kind === 'file').map((q) => questionFieldNames(q).base)
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields })
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent'), baseRevision: formData.get('baseRevision') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  const { intent, baseRevision } = parsed.data
  const values = readAnswerForm(formData, survey.questions)
  const refuse = (refusal: Refusal, status: number) => data(refusal, { status })

  const refusedFiles: Record<number, AnswerError> = {}
  for (const q of survey.questions) {
    if (q.kind === 'file' && uploadErrors[questionFieldNames(q).base]) refusedFiles[q.id] = 'fileRefused'
  }
  if (Object.keys(refusedFiles).length) {
    return refuse({ error: 'invalidAnswers', fieldErrors: refusedFiles, values, baseRevision }, 400)
  }

  const saved = saveResponse(survey, response, { baseRevision, values, submit: intent === 'submit' }, respondent)
  if (saved.ok) {
    return redirect(`/${lang}/surveys/${survey.id}/respond?done=${saved.value.submitted ? 'submitted' : 'saved'}`, 303)
  }
  if (saved.error === 'staleRevision' && 'current' in saved) {
    // Their answers, where they differ from what this form holds (an invalid typed answer counts as different).
    const { values: current, stored } = storedValues(found)
    const answers = answersFor(survey.questions, stored)
    const differing: Record<number, QuestionFieldValue> = {}
    const mechanismIds = new Set(listMechanismChoices(response.parliamentId).map((m) => m.id))
    for (const q of survey.questions) {
      if (q.closedAt !== null || q.kind === 'file') continue
      const typed = checkAnswer(q, values[q.id], { mechanismIds, now: new Date() })
      const theirs = answers.get(q.id) ?? null
      if (!typed.ok || JSON.stringify(typed.answer) !== JSON.stringify(theirs)) differing[q.id] = current[q.id] ?? {}
    }
    const by = saved.current.byId ? (userNames([saved.current.byId]).get(saved.current.byId) ?? null) : null
    return refuse(
      {
        error: 'staleRevision',
        fieldErrors: {},
        values,
        baseRevision: saved.current.revision,
        theirs: { values: differing, by, at: saved.current.at?.toISOString() ?? null },
      },
      409,
    )
  }
  return refuse(
    { error: saved.error, fieldErrors: 'fieldErrors' in saved ? saved.fieldErrors : {}, values, baseRevision },
    400,
  )
}

export const handle = { i18n: ['surveys'] }

const doneMessages = { saved: 'answer.done.saved', submitted: 'answer.done.submitted' } as const

export default function RespondPage() {
  const { lang, survey, sections, parliament, response, refusal, values, mechanisms } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>() as Refusal | undefined
  const [search] = useSearchParams()
  const { t } = useTranslation(['surveys', 'common'])
  const when = (iso: string) => formatDate(new Date(iso), lang as Language, 'dateTime')
  const formSections = sections as unknown as AnswerSection[]
  const questions = formSections.flatMap((s) => s.questions)
  const byId = new Map<number, Question>(questions.map((q) => [q.id, q]))
  const done = search.get('done')
  const readOnly = refusal !== null

  const errors: Record<number, string> = {}
  for (const [id, code] of Object.entries(refused?.fieldErrors ?? {})) {
    const q = byId.get(Number(id))
    errors[Number(id)] = t(answerErrorKey(code), { min: q?.numberMin ?? '', max: q?.numberMax ?? '' })
  }
  // After a refusal the form shows what was typed (the files already given stay as they were).
  const shownValues: Record<number, QuestionFieldValue> = refused
    ? Object.fromEntries(
        questions.map((q) => {
          const typed = refused.values[q.id] ?? {}
          return [q.id, q.kind === 'file' ? (values[q.id] ?? {}) : typed]
        }),
      )
    : values
  const theirs = refused?.theirs
    ? Object.fromEntries(
        Object.entries(refused.theirs.values).map(([id, v]) => [
          Number(id),
          answerText(byId.get(Number(id))!, v, lang, t, mechanisms),
        ]),
      )
    : undefined
  const assistance: Record<number, string> = {}
  for (const q of questions) {
    if (q.kind === 'file') continue
    const text = answerText(q, values[q.id], lang, t, mechanisms)
    if (text) assistance[q.id] = assistanceHref(lang, t, survey, q, text)
  }
  const erroredIds = Object.keys(refused?.fieldErrors ?? {}).map(Number)

  return (
    <div className="page answer-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${survey.id}`}>{t('answer.back')}</Link>
      </p>
      <h1>
        <BilingualText en={survey.titleEn} ar={survey.titleAr} lang={lang} />
      </h1>
      {parliament ? (
        <p className="answer-page__on-behalf">
          {t('answer.onBehalf')} <BilingualText en={parliament.nameEn} ar={parliament.nameAr} lang={lang} />
        </p>
      ) : null}

      {done === 'saved' || done === 'submitted' ? <StatusMessage>{t(doneMessages[done])}</StatusMessage> : null}

      <dl className="facts answer-page__facts">
        <div>
          <dt>{t('answer.statusLabel')}</dt>
          <dd data-testid="response-status">{t(`answer.status.${response.status}`)}</dd>
        </div>
        {survey.deadline ? (
          <div>
            <dt>{t('answer.deadline')}</dt>
            <dd>
              <time dateTime={survey.deadline}>{when(survey.deadline)}</time>
            </dd>
          </div>
        ) : null}
        {response.lastActivityAt ? (
          <div>
            <dt>{t('answer.lastSaved')}</dt>
            <dd>
              {t('answer.lastSavedBy', { name: response.lastActivityBy ?? t('answer.formerAccount') })}{' '}
              <time dateTime={response.lastActivityAt}>{when(response.lastActivityAt)}</time>
            </dd>
          </div>
        ) : null}
        {response.status === 'submitted' && response.submittedAt ? (
          <div>
            <dt>{t('answer.submittedLabel')}</dt>
            <dd>
              {t('answer.submittedBy', { name: response.submittedBy ?? t('answer.formerAccount') })}{' '}
              <time dateTime={response.submittedAt}>{when(response.submittedAt)}</time>
            </dd>
          </div>
        ) : null}
      </dl>

      {survey.introEn || survey.introAr ? (
        <div className="answer-page__intro">
          <BilingualText en={survey.introEn} ar={survey.introAr} lang={lang} />
        </div>
      ) : null}

      {readOnly ? (
        <p className="notice" role="note">
          {t(`answer.closedNotice.${refusal}`, { defaultValue: t(answerErrorKey(refusal)) })}
        </p>
      ) : (
        <p className="answer-page__how">{t('answer.how')}</p>
      )}

      {refused ? (
        <div className="form-error answer-page__refusal" role="alert" id="answer-error">
          {refused.theirs ? (
            <>
              <p>
                <strong>{t('answer.stale.title')}</strong>
              </p>
              <p>
                {refused.theirs.by
                  ? t('answer.stale.explainBy', { name: refused.theirs.by })
                  : t('answer.stale.explain')}
              </p>
            </>
          ) : (
            <p>{t(answerErrorKey(refused.error))}</p>
          )}
          {erroredIds.length ? (
            <ul>
              {erroredIds.map((id) => (
                <li key={id}>
                  <a href={`#question-${id}`}>
                    {t('answer.errorAt', { number: byId.get(id)?.number ?? '' })} {errors[id]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <AnswerForm
        lang={lang}
        sections={formSections}
        values={shownValues}
        errors={errors}
        theirs={theirs}
        assistance={refused ? undefined : assistance}
        mechanisms={mechanisms}
        baseRevision={refused ? refused.baseRevision : response.revision}
        readOnly={readOnly}
        describedBy={refused ? 'answer-error' : undefined}
      />
    </div>
  )
}
