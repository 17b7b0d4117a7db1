import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SurveySchema } from '~/features/surveys/builder-schemas'
import { SurveyForm } from '~/features/surveys/components/survey-form'
import { withDone } from '~/features/surveys/done'
import { requireSurveyCreator } from '~/features/surveys/guards.server'
import { createSurvey } from '~/features/surveys/survey.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/surveys.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireSurveyCreator(request)
  const lang = requireLanguage(params)
  return { lang, title: pageTitle(lang, 'new.title', 'surveys') }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireSurveyCreator(request)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: SurveySchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const created = createSurvey(submission.payload, user)
  if (!created.ok) return data({ result: submission.reply({ formErrors: [created.error] }) }, { status: 400 })
  return redirect(withDone(`/${lang}/surveys/${created.value.id}/edit`, 'surveyCreated'), 303)
}

export const handle = { i18n: ['surveys'] }

export default function NewSurvey() {
  const { lang } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('surveys')
  return (
    <div className="page narrow surveys-new">
      <p className="breadcrumb">
        <Link to={`/${lang}/surveys`}>{t('list.title')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <SurveyForm
        lastResult={actionData?.result}
        defaultValue={{ titleEn: '', titleAr: '', introEn: '', introAr: '' }}
        intent="create"
        submitLabel={t('new.create')}
        cancelTo={`/${lang}/surveys`}
      />
    </div>
  )
}
