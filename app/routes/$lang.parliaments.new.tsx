import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ParliamentForm } from '~/features/network/parliament-form'
import { ParliamentFormSchema } from '~/features/network/parliament-schemas'
import { createParliament } from '~/features/network/parliament.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  return { title: pageTitle(lang, 'form.addTitle', 'network') }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: ParliamentFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const created = createParliament(submission.value, user)
  if (!created.ok) return data({ result: submission.reply({ formErrors: [created.error] }) }, { status: 409 })
  return redirectWithFlash(`/${lang}/parliaments/${created.value.id}`, 'parliamentSaved')
}

export const handle = { i18n: ['network'] }

export default function NewParliament() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('network')
  return (
    <div className="page narrow">
      <h1>{t('form.addTitle')}</h1>
      <ParliamentForm
        lastResult={actionData?.result}
        defaultValue={{ kind: 'national', region: 'europe' }}
        submitLabel={t('form.save')}
      />
    </div>
  )
}
