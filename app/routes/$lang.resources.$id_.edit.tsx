import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceForm, type ResourceFormAction } from '~/features/library/resource-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { getResource, resourceFormValues, UploadGoneError, updateResource } from '~/features/library/resource.server'
import { canTransition, transitionResource } from '~/features/library/workflow.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { absoluteUrl } from '~/utils/links.server'
import { maxUploadBytes } from '~/utils/file-store.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { readResourceForm, requireEditableResource, resourceFormChoices } from '~/features/library/form.server'
import styles from '~/styles/resource-pages.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  return {
    lang,
    id: r.id,
    files: r.files,
    canSubmit: canTransition(r, user, 'submit') && !hasRole(user, 'coordinator'),
    canPublish: canTransition(r, user, 'publish'),
    ...resourceFormChoices(lang),
    maxBytes: maxUploadBytes(),
    defaultValue: resourceFormValues(r),
    title: pageTitle(lang, 'form.editTitle', 'resources'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const r = requireEditableResource(params.id, user)
  const form = await readResourceForm(request, user)
  if (!form.ok) return data({ result: form.reply, pendingUpload: form.pendingUpload }, { status: 400 })
  const { input, submission } = form
  const transition = input.intent === 'submit' || input.intent === 'publish' ? input.intent : null
  if (transition && !canTransition(r, user, transition)) throw new Response('Forbidden', { status: 403 })
  if (transition === 'submit' && !input.file && !input.externalUrl && r.files.length === 0) {
    return data(
      { result: submission.reply({ fieldErrors: { file: ['fileOrLinkRequired'] } }), pendingUpload: null },
      { status: 400 },
    )
  }
  const path = `/${lang}/resources/${r.id}`
  try {
    // The change, its audit row, the move asked for and its mails commit together.
    atomically((tx) => {
      updateResource(r.id, input, user)
      recordAuditEvent({ actorId: user.id, action: 'resource.updated', targetType: 'resource', targetId: r.id }, tx)
      if (transition)
        transitionResource({ resource: getResource(r.id)!, transition, actor: user, link: absoluteUrl(path) })
    })
  } catch (error) {
    if (!(error instanceof UploadGoneError)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { file: ['uploadGone'] } }), pendingUpload: null },
      { status: 400 },
    )
  }
  if (transition) {
    return redirectWithFlash(path, transition === 'publish' ? 'resourcePublished' : 'resourceSubmitted')
  }
  return redirectWithFlash(path, 'resourceSaved')
}

export default function EditResource() {
  const { lang, id, files, canSubmit, canPublish, countries, parliaments, defaultValue, maxBytes } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('resources')
  const actions: ResourceFormAction[] = [{ intent: 'save', label: t('form.save'), primary: !canSubmit && !canPublish }]
  if (canSubmit) actions.push({ intent: 'submit', label: t('form.saveAndSubmit'), primary: true })
  if (canPublish) actions.push({ intent: 'publish', label: t('form.saveAndPublish'), primary: true })
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources/${id}`}>{t('page.backToResource')}</Link>
      </p>
      <h1>{t('form.editTitle')}</h1>
      <p>
        <Link to={`/${lang}/resources/${id}/files`}>{t('page.manageFilesCount', { n: files.length })}</Link>
      </p>
      <ResourceForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        lang={lang}
        actions={actions}
        countries={countries}
        parliaments={parliaments}
        pendingUpload={actionData?.pendingUpload ?? null}
        maxBytes={maxBytes}
        fileLabel={t('form.addAnotherFile')}
      />
    </div>
  )
}
