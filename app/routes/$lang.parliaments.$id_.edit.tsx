import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ParliamentForm } from '~/features/network/parliament-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { findParliamentConflict, getParliament, updateParliament } from '~/features/network/parliament.server'
import { requireRole } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { ParliamentFormSchema } from '~/features/network/parliament-schemas'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta

function requireParliament(idParam: string | undefined) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getParliament(id) : undefined
  if (!found) throw new Response('Not Found', { status: 404 })
  return found
}

export function loader({ params, request }: LoaderFunctionArgs) {
  requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requireParliament(params.id)
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
  const user = requireRole(request, 'coordinator')
  const lang = requireLanguage(params)
  const p = requireParliament(params.id)
  const submission = parseWithZod(await request.formData(), { schema: ParliamentFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const conflict = findParliamentConflict(submission.value, p.id)
  if (conflict) return data({ result: submission.reply({ formErrors: [conflict] }) }, { status: 409 })
  // The change and its audit row commit together.
  atomically((tx) => {
    updateParliament(p.id, submission.value)
    recordAuditEvent({ actorId: user.id, action: 'parliament.updated', targetType: 'parliament', targetId: p.id }, tx)
  })
  return redirectWithFlash(`/${lang}/parliaments/${p.id}`, 'parliamentSaved')
}

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
