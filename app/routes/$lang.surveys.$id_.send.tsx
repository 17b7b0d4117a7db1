import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parliamentKinds, regions } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { FieldErrors } from '~/components/ui/field'
import { SendSchema, sendModes } from '~/features/surveys/builder-schemas'
import { useSurveysErrorText } from '~/features/surveys/components/question-editor'
import { withDone } from '~/features/surveys/done'
import type { SurveysError } from '~/features/surveys/errors'
import { requireSurveyManager } from '~/features/surveys/guards.server'
import { listSendChoices, sendSurvey } from '~/features/surveys/send.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

const DAY = 24 * 3600 * 1000

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { survey: s } = requireSurveyManager(request, params.id)
  const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text
  const choices = listSendChoices(s.id)
  return {
    lang,
    survey: { id: s.id, titleEn: s.titleEn, titleAr: s.titleAr, status: s.status, deadline: s.deadline },
    parliaments: choices,
    defaults: {
      mode: 'hand',
      deadline: (s.deadline ?? new Date(Date.now() + 30 * DAY)).toISOString().slice(0, 10),
      reminderDays: String(s.reminderDays),
    },
    title: pageTitle(lang, 'send.pageTitle', 'surveys', { title }),
  }
}

/** Where a refusal of sendSurvey is shown ('' : the form's own message). */
function fieldOf(code: SurveysError) {
  if (code === 'deadlineInPast' || code === 'deadlineRequired' || code === 'dateInvalid') return 'deadline'
  if (code === 'reminderDaysInvalid') return 'reminderDays'
  if (code === 'regionRequired') return 'regions'
  if (code === 'kindRequired') return 'kinds'
  if (code === 'parliamentRequired' || code === 'parliamentUnknown') return 'parliamentIds'
  return ''
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, survey: s } = requireSurveyManager(request, params.id)
  const submission = parseWithZod(await request.formData(), { schema: SendSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const sent = sendSurvey(s, submission.payload, user)
  if (!sent.ok) {
    const field = fieldOf(sent.error)
    const result = submission.reply(field ? { fieldErrors: { [field]: [sent.error] } } : { formErrors: [sent.error] })
    return data({ result }, { status: 400 })
  }
  return redirect(withDone(`/${lang}/surveys/${s.id}`, 'surveySent'), 303)
}

export const handle = { i18n: ['surveys'] }

type Values = {
  mode?: string
  regions?: string[]
  kinds?: string[]
  parliamentIds?: string[]
  deadline?: string
  reminderDays?: string
}

const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [])

export default function SendSurvey() {
  const { lang, survey: s, parliaments, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['surveys', 'common'])
  const errorText = useSurveysErrorText()
  const sent = actionData?.result.initialValue as Record<string, unknown> | undefined
  const values: Values = sent
    ? {
        mode: String(sent.mode ?? ''),
        regions: asList(sent.regions),
        kinds: asList(sent.kinds),
        parliamentIds: asList(sent.parliamentIds),
        deadline: String(sent.deadline ?? ''),
        reminderDays: String(sent.reminderDays ?? ''),
      }
    : defaults
  const errors = (actionData?.result.error ?? {}) as Record<string, string[] | null>
  const err = (name: string) =>
    errorText(
      Object.entries(errors)
        .filter(([k]) => k === name || k.startsWith(`${name}[`))
        .flatMap(([, v]) => v ?? []),
    )
  const formError = errorText(errors[''] ?? undefined)?.[0]
  const invited = parliaments.filter((p) => p.invited).length
  const described = (name: string) => (err(name) ? { 'aria-describedby': `send-${name}-error` } : {})
  const fieldErrors = (name: string) => {
    const shown = err(name)
    return shown ? <FieldErrors id={`send-${name}-error`} errors={shown} /> : null
  }
  return (
    <div className="page narrow survey-send">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys/${s.id}`}>
          <BilingualText en={s.titleEn} ar={s.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('send.title')}</h1>
      <p className="lead">{s.status === 'draft' ? t('send.lead') : t('send.leadOpen')}</p>
      {s.deadline ? <p>{t('send.currentDeadline', { date: formatDate(new Date(s.deadline), lang) })}</p> : null}
      {s.status === 'closed' ? (
        <p className="notice" role="note">
          {t('edit.closed')}
        </p>
      ) : (
        <Form method="post" noValidate className="stack survey-send__form" id="survey-send">
          <FormError>{formError ?? (Object.keys(errors).length ? t('send.notSent') : null)}</FormError>
          <fieldset className="choice-group" {...described('mode')}>
            <legend>{t('send.mode')}</legend>
            {fieldErrors('mode')}
            <div className="choice-group__options">
              {sendModes.map((mode) => (
                <div className="field field--check" key={mode}>
                  <input
                    type="radio"
                    id={`send-mode-${mode}`}
                    name="mode"
                    value={mode}
                    defaultChecked={values.mode === mode}
                  />
                  <label htmlFor={`send-mode-${mode}`}>{t(`send.modes.${mode}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice-group" {...described('regions')}>
            <legend>{t('send.regions')}</legend>
            <p className="field__hint">{t('send.regionsHint')}</p>
            {fieldErrors('regions')}
            <div className="choice-group__options">
              {regions.map((r) => (
                <div className="field field--check" key={r}>
                  <input
                    type="checkbox"
                    id={`send-region-${r}`}
                    name="regions"
                    value={r}
                    defaultChecked={values.regions?.includes(r)}
                  />
                  <label htmlFor={`send-region-${r}`}>{t(`regions.${r}`, { ns: 'common' })}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice-group" {...described('kinds')}>
            <legend>{t('send.kinds')}</legend>
            <p className="field__hint">{t('send.kindsHint')}</p>
            {fieldErrors('kinds')}
            <div className="choice-group__options">
              {parliamentKinds.map((k) => (
                <div className="field field--check" key={k}>
                  <input
                    type="checkbox"
                    id={`send-kind-${k}`}
                    name="kinds"
                    value={k}
                    defaultChecked={values.kinds?.includes(k)}
                  />
                  <label htmlFor={`send-kind-${k}`}>{t(`parliamentKinds.${k}`, { ns: 'common' })}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice-group survey-send__parliaments" {...described('parliamentIds')}>
            <legend>{t('send.parliaments')}</legend>
            <p className="field__hint">{t('send.parliamentsHint', { n: invited })}</p>
            {fieldErrors('parliamentIds')}
            <div className="choice-group__options">
              {parliaments.map((p) => (
                <div className="field field--check" key={p.id}>
                  <input
                    type="checkbox"
                    id={`send-parliament-${p.id}`}
                    name="parliamentIds"
                    value={String(p.id)}
                    defaultChecked={values.parliamentIds?.includes(String(p.id))}
                  />
                  <label htmlFor={`send-parliament-${p.id}`}>
                    <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                    {p.invited ? <span className="muted"> {t('send.alreadyInvited')}</span> : null}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="send-deadline">{t('send.deadline')}</label>
            <p className="field__hint" id="send-deadline-hint">
              {t('send.deadlineHint')}
            </p>
            <input
              type="date"
              id="send-deadline"
              name="deadline"
              defaultValue={values.deadline}
              aria-invalid={err('deadline') ? true : undefined}
              aria-describedby={['send-deadline-hint', err('deadline') ? 'send-deadline-error' : '']
                .filter(Boolean)
                .join(' ')}
            />
            {fieldErrors('deadline')}
          </div>
          <div className="field">
            <label htmlFor="send-reminderDays">{t('send.reminderDays')}</label>
            <p className="field__hint" id="send-reminderDays-hint">
              {t('send.reminderDaysHint')}
            </p>
            <input
              type="number"
              id="send-reminderDays"
              name="reminderDays"
              min={0}
              max={60}
              step={1}
              inputMode="numeric"
              defaultValue={values.reminderDays}
              aria-invalid={err('reminderDays') ? true : undefined}
              aria-describedby={['send-reminderDays-hint', err('reminderDays') ? 'send-reminderDays-error' : '']
                .filter(Boolean)
                .join(' ')}
            />
            {fieldErrors('reminderDays')}
          </div>
          <p>
            <button type="submit" className="button">
              {t('send.submit')}
            </button>{' '}
            <Link to={`/${lang}/surveys/${s.id}`}>{t('form.cancel')}</Link>
          </p>
        </Form>
      )}
    </div>
  )
}
