import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { ResourceFormAction } from '~/features/library/resource-form'
import { ResourceFormPage } from '~/features/library/resource-form-page'
import { readResourceForm, refuseResourceForm, resourceFormProps } from '~/features/library/form.server'
import { requireEditableResource, requireTransition } from '~/features/library/guards.server'
import { resourceFormValues } from '~/features/library/resource.server'
import { canTransition, editResource, savedFlash, transitionOf } from '~/features/library/workflow.server'
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
  const r = requireEditableResource(params.id, user)
  return {
    lang,
    id: r.id,
    fileCount: r.files.length,
    canSubmit: canTransition(r, user, 'submit') && !hasRole(user, 'coordinator'),
    canPublish: canTransition(r, user, 'publish'),
    form: resourceFormProps(lang, resourceFormValues(r)),
    title: pageTitle(lang, 'form.editTitle', 'library'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  const form = await readResourceForm(request, user)
  if (form.status === 'error') return form.reply
  const transition = transitionOf(form.input.intent)
  if (transition) requireTransition(r, user, transition)
  // The change, its audit row, the move asked for and its mails commit together.
  const saved = editResource(r, form.input, user, lang)
  if (!saved.ok) return refuseResourceForm(form.submission, saved.error)
  return redirectWithFlash(`/${lang}/resources/${r.id}`, savedFlash(transition))
}

export const handle = { i18n: ['library', 'network'] }

export default function EditResource() {
  const { lang, id, fileCount, canSubmit, canPublish, form } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('library')
  const actions: ResourceFormAction[] = [{ intent: 'save', label: t('form.save'), primary: !canSubmit && !canPublish }]
  if (canSubmit) actions.push({ intent: 'submit', label: t('form.saveAndSubmit'), primary: true })
  if (canPublish) actions.push({ intent: 'publish', label: t('form.saveAndPublish'), primary: true })
  return (
    <ResourceFormPage
      back={{ to: `/${lang}/resources/${id}`, label: t('page.backToResource') }}
      title={t('form.editTitle')}
      lead={
        <p>
          <Link to={`/${lang}/resources/${id}/files`}>{t('page.manageFilesCount', { n: fileCount })}</Link>
        </p>
      }
      form={form}
      actionData={actionData}
      lang={lang}
      actions={actions}
      fileLabel={t('form.addAnotherFile')}
    />
  )
}
