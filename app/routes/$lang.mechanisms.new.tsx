import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requireMechanismAuthor } from '~/features/network/guards.server'
import { MechanismFormPage } from '~/features/network/components/mechanism-form-page'
import { mechanismParliamentChoice, parseMechanismForm } from '~/features/network/mechanism-submission.server'
import { createMechanism } from '~/features/network/mechanism.server'
import { requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/mechanisms.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  // Anyone signed in sees the form or, with no parliament to add to, why not (the action answers 403).
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const choice = mechanismParliamentChoice(user, lang, user.parliamentId)
  // `?parliament=` preselects for coordinators (a link from a parliament's page); members cannot change theirs.
  const preselect = new URL(request.url).searchParams.get('parliament') ?? ''
  const parliamentId =
    choice?.mode === 'choose' && choice.options.some((p) => String(p.id) === preselect) ? preselect : ''
  return {
    lang,
    choice,
    defaultValue: { parliamentId, kind: 'committee', pillars: [] as string[] },
    title: pageTitle(lang, 'form.addTitle', 'mechanisms'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, own } = requireMechanismAuthor(request)
  const lang = requireLanguage(params)
  const { submission, toSave } = parseMechanismForm(await request.formData(), user, own)
  if (!toSave) return data({ result: submission.reply() }, { status: 400 })
  const created = createMechanism(toSave.input, { parliamentId: toSave.parliamentId, createdById: user.id })
  if (!created.ok) {
    return data({ result: submission.reply({ fieldErrors: { parliamentId: [created.error] } }) }, { status: 400 })
  }
  return redirectWithFlash(
    `/${lang}/mechanisms?parliament=${toSave.parliamentId}#mechanism-${created.value.id}`,
    'mechanismSaved',
  )
}

export const handle = { i18n: ['mechanisms', 'network'] }

export default function NewMechanism() {
  const { lang, choice, defaultValue } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('mechanisms')
  return (
    <MechanismFormPage
      title={t('form.addTitle')}
      lead={t('form.lead')}
      parliament={choice}
      lastResult={actionData?.result}
      defaultValue={defaultValue}
      lang={lang}
    />
  )
}
