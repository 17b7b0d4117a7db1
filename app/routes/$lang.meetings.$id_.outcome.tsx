import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError } from '~/components/status-message'
import { TextareaField } from '~/components/ui/field'
import { publishOutcome } from '~/features/meetings/meeting.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { requireLanguage } from '~/utils/lang.server'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { OutcomeSchema } from '~/features/meetings/schemas'
import styles from '~/styles/meetings.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    id: m.id,
    meetingTitle: pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang),
    defaultValue: { outcomeEn: m.outcomeEn, outcomeAr: m.outcomeAr },
    title: pageTitle(lang, 'outcome.title', 'meetings'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting: m } = requireManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: OutcomeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  publishOutcome(m.id, submission.value, user)
  return redirectWithFlash(`/${lang}/meetings/${m.id}`, 'outcomePublished')
}

export const handle = { i18n: ['meetings'] }

export default function MeetingOutcome() {
  const { lang, id, meetingTitle, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('meetings')
  const errorText = useErrorText()
  const [form, fields] = useForm({ lastResult: actionData?.result, defaultValue, shouldValidate: 'onSubmit' })
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings/${id}`} lang={meetingTitle.lang}>
          {meetingTitle.text}
        </Link>
      </p>
      <h1>{t('outcome.title')}</h1>
      <p className="lead">{t('outcome.lead')}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="stack">
        <FormError id={form.errorId}>{form.errors?.length ? errorText(form.errors)?.[0] : null}</FormError>
        <TextareaField
          field={fields.outcomeEn}
          label={t('outcome.outcomeEn')}
          errors={errorText(fields.outcomeEn.errors)}
          lang="en"
          rows={8}
          maxLength={20_000}
        />
        <TextareaField
          field={fields.outcomeAr}
          label={t('outcome.outcomeAr')}
          errors={errorText(fields.outcomeAr.errors)}
          lang="ar"
          rows={8}
          maxLength={20_000}
        />
        <p className="form-actions">
          <button type="submit" className="button">
            {t('outcome.publish')}
          </button>
        </p>
      </Form>
    </div>
  )
}
