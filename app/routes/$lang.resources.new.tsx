import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ResourceFormAction } from '~/features/library/resource-form'
import { ResourceFormPage } from '~/features/library/resource-form-page'
import { readResourceForm, refuseResourceForm, resourceFormProps } from '~/features/library/form.server'
import { requireTransition } from '~/features/library/guards.server'
import { savedFlash, shareResource, transitionOf } from '~/features/library/workflow.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/resource-pages.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  return {
    lang,
    isCoordinator: hasRole(user, 'coordinator'),
    form: resourceFormProps(lang, { type: 'publication', visibility: 'public', languages: [lang] }),
    title: pageTitle(lang, 'form.newTitle', 'library'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const form = await readResourceForm(request, user)
  if (form.status === 'error') return form.reply
  const transition = transitionOf(form.input.intent)
  // Only coordinators publish; a forged "publish" from a member is refused, not quietly downgraded.
  if (transition) requireTransition({ state: 'draft', authorId: user.id }, user, transition)
  const shared = shareResource(form.input, user, lang)
  if (!shared.ok) return refuseResourceForm(form.submission, shared.error)
  return redirectWithFlash(`/${lang}/resources/${shared.value.id}`, savedFlash(transition))
}

export const handle = { i18n: ['library', 'network'] }

export default function NewResource() {
  const { lang, isCoordinator, form } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('library')
  const actions: ResourceFormAction[] = [
    { intent: 'draft', label: t('form.saveDraft') },
    isCoordinator
      ? { intent: 'publish', label: t('form.publish'), primary: true }
      : { intent: 'submit', label: t('form.submit'), primary: true },
  ]
  return (
    <ResourceFormPage
      back={{ to: `/${lang}/resources`, label: t('page.library') }}
      title={t('form.newTitle')}
      lead={<p className="lead">{isCoordinator ? t('form.newLeadCoordinator') : t('form.newLead')}</p>}
      form={form}
      actionData={actionData}
      lang={lang}
      actions={actions}
      fileLabel={t('form.file')}
    />
  )
}
