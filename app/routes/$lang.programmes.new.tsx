import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ProgrammeForm } from '~/features/programmes/programme-form'
import { createProgramme } from '~/features/programmes/programme.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { ProgrammeFormSchema } from '~/features/programmes/schemas'
import styles from '~/styles/programmes.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  return {
    lang,
    defaultValue: {
      kind: 'legislative_drafting',
      formats: [] as string[],
      languages: ['ar', 'en'],
      themes: [] as string[],
    },
    title: pageTitle(lang, 'form.newTitle', 'programmes'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: ProgrammeFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { id } = createProgramme(submission.value, user)
  return redirectWithFlash(`/${lang}/programmes/${id}`, 'programmeSaved')
}

export const handle = { i18n: ['library', 'programmes'] }

export default function NewProgramme() {
  const { lang, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('programmes')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/programmes`}>{t('catalogue.title')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{t('form.lead')}</p>
      <ProgrammeForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        submitLabel={t('form.create')}
        cancelTo={`/${lang}/programmes`}
      />
    </div>
  )
}
