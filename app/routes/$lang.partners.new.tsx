import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { PartnerForm } from '~/features/partners/partner-form'
import { createPartner } from '~/features/partners/partner.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { PartnerFormSchema } from '~/features/partners/schemas'
import styles from '~/styles/partners.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  return {
    lang,
    defaultValue: { kind: 'un_entity', themes: [] as string[], position: '0' },
    title: pageTitle(lang, 'form.addTitle', 'partners'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: PartnerFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { id } = createPartner(submission.value, user)
  return redirectWithFlash(`/${lang}/partners/${id}`, 'partnerSaved')
}

export const handle = { i18n: ['library', 'partners'] }

export default function NewPartner() {
  const { lang, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('partners')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/partners`}>{t('list.title')}</Link>
      </p>
      <h1>{t('form.addTitle')}</h1>
      <p className="lead">{t('form.lead')}</p>
      <PartnerForm lastResult={actionData?.result} defaultValue={defaultValue} submitLabel={t('form.save')} />
    </div>
  )
}
