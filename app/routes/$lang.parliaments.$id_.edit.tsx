import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireEditableParliament } from '~/features/network/guards.server'
import { ParliamentForm } from '~/features/network/parliament-form'
import { ParliamentFormSchema } from '~/features/network/parliament-schemas'
import { updateParliament } from '~/features/network/parliament.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const { parliament: p } = requireEditableParliament(request, params.id)
  const lang = requireLanguage(params)
  return {
    values: {
      kind: p.kind,
      countryCode: p.countryCode ?? '',
      chamber: p.chamber ?? ('' as const),
      nameEn: p.nameEn,
      nameAr: p.nameAr,
      region: p.region,
      website: p.website ?? '',
      joinedAt: p.joinedAt ?? '',
    },
    title: pageTitle(lang, 'form.editTitle', 'network'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, parliament: p } = requireEditableParliament(request, params.id)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: ParliamentFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = updateParliament(p.id, submission.value, user)
  if (!saved.ok) return data({ result: submission.reply({ formErrors: [saved.error] }) }, { status: 409 })
  return redirectWithFlash(`/${lang}/parliaments/${p.id}`, 'parliamentSaved')
}

export const handle = { i18n: ['network'] }

export default function EditParliament() {
  const { values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('network')
  return (
    <div className="page narrow">
      <h1>{t('form.editTitle')}</h1>
      <ParliamentForm lastResult={actionData?.result} defaultValue={values} submitLabel={t('form.save')} />
    </div>
  )
}
