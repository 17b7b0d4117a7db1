import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { ProgrammeForm } from '~/features/programmes/programme-form'
import { programmeFormValues, updateProgramme } from '~/features/programmes/programme.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { requireProgramme } from '~/features/programmes/guards.server'
import { ProgrammeFormSchema } from '~/features/programmes/schemas'
import styles from '~/styles/programmes.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requireProgramme(params.id)
  return {
    lang,
    programme: { id: p.id, titleEn: p.titleEn, titleAr: p.titleAr },
    defaultValue: programmeFormValues(p),
    title: pageTitle(lang, 'form.editTitle', 'programmes'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requireProgramme(params.id)
  const submission = parseWithZod(await request.formData(), { schema: ProgrammeFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (!updateProgramme(p.id, submission.value, user)) throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(`/${lang}/programmes/${p.id}`, 'programmeSaved')
}

export const handle = { i18n: ['library', 'programmes'] }

export default function EditProgramme() {
  const { lang, programme: p, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('programmes')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/programmes`}>{t('catalogue.title')}</Link>
        {' › '}
        <Link to={`/${lang}/programmes/${p.id}`}>
          <BilingualText en={p.titleEn} ar={p.titleAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      <ProgrammeForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        submitLabel={t('form.save')}
        cancelTo={`/${lang}/programmes/${p.id}`}
      />
    </div>
  )
}
