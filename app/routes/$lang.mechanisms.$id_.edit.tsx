import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireEditableMechanism } from '~/features/network/guards.server'
import { MechanismFormPage } from '~/features/network/components/mechanism-form-page'
import { mechanismParliamentChoice, parseMechanismForm } from '~/features/network/mechanism-submission.server'
import { updateMechanism } from '~/features/network/mechanism.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/mechanisms.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, mechanism: m } = requireEditableMechanism(request, params.id)
  const lang = requireLanguage(params)
  return {
    lang,
    // Coordinators may move a mechanism to the right parliament; a member's stays with their own.
    choice: mechanismParliamentChoice(user, lang, m.parliamentId),
    defaultValue: {
      parliamentId: String(m.parliamentId),
      kind: m.kind,
      nameEn: m.nameEn,
      nameAr: m.nameAr,
      descriptionEn: m.descriptionEn,
      descriptionAr: m.descriptionAr,
      year: m.year == null ? '' : String(m.year),
      url: m.url ?? '',
      pillars: m.pillars.map(String),
    },
    title: pageTitle(lang, 'form.editTitle', 'mechanisms'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, mechanism: m } = requireEditableMechanism(request, params.id)
  const lang = requireLanguage(params)
  // A member cannot move a mechanism: its parliament stays, whatever the form says.
  const { submission, toSave } = parseMechanismForm(await request.formData(), user, m.parliamentId)
  if (!toSave) return data({ result: submission.reply() }, { status: 400 })
  const saved = updateMechanism(m.id, toSave.input, { parliamentId: toSave.parliamentId }, user)
  if (!saved.ok) {
    return data({ result: submission.reply({ fieldErrors: { parliamentId: [saved.error] } }) }, { status: 400 })
  }
  return redirectWithFlash(`/${lang}/mechanisms?parliament=${toSave.parliamentId}#mechanism-${m.id}`, 'mechanismSaved')
}

export const handle = { i18n: ['mechanisms', 'network'] }

export default function EditMechanism() {
  const { lang, choice, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mechanisms')
  return (
    <MechanismFormPage
      title={t('form.editTitle')}
      parliament={choice}
      lastResult={actionData?.result}
      defaultValue={defaultValue}
      lang={lang}
    />
  )
}
