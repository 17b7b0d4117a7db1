import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { PartnerForm } from '~/features/partners/partner-form'
import { partnerFormValues, updatePartner } from '~/features/partners/partner.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { requirePartner } from '~/features/partners/guards.server'
import { PartnerFormSchema } from '~/features/partners/schemas'
import styles from '~/styles/partners.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  return {
    lang,
    partner: { id: p.id, nameEn: p.nameEn, nameAr: p.nameAr },
    defaultValue: partnerFormValues(p),
    title: pageTitle(lang, 'form.editTitle', 'partners'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  const submission = parseWithZod(await request.formData(), { schema: PartnerFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  if (!updatePartner(p.id, submission.value, user)) throw new Response('Not Found', { status: 404 })
  return redirectWithFlash(`/${lang}/partners/${p.id}`, 'partnerSaved')
}

export const handle = { i18n: ['library', 'partners'] }

export default function EditPartner() {
  const { lang, partner, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('partners')
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/partners/${partner.id}`}>
          <BilingualText en={partner.nameEn} ar={partner.nameAr} lang={lang} />
        </Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      <PartnerForm lastResult={actionData?.result} defaultValue={defaultValue} submitLabel={t('form.save')} />
    </div>
  )
}
