import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceForm, type ResourceFormAction } from '~/features/library/resource-form'
import { recordAuditEvent } from '~/utils/audit.server'
import { createResource, getResource, UploadGoneError } from '~/features/library/resource.server'
import { transitionResource } from '~/features/library/workflow.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { absoluteUrl } from '~/utils/links.server'
import { maxUploadBytes } from '~/utils/file-store.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { readResourceForm, resourceFormChoices } from '~/features/library/form.server'
import styles from '~/styles/resource-pages.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  return {
    lang,
    isCoordinator: hasRole(user, 'coordinator'),
    ...resourceFormChoices(lang),
    maxBytes: maxUploadBytes(),
    defaultValue: { type: 'publication', visibility: 'public', languages: [lang] },
    title: pageTitle(lang, 'form.newTitle', 'resources'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const form = await readResourceForm(request, user)
  if (!form.ok) return data({ result: form.reply, pendingUpload: form.pendingUpload }, { status: 400 })
  const { input, submission } = form
  // Only coordinators publish; a forged "publish" from a member is refused, not quietly downgraded.
  if (input.intent === 'publish' && !hasRole(user, 'coordinator')) throw new Response('Forbidden', { status: 403 })
  if (input.intent !== 'draft' && !input.file && !input.externalUrl) {
    return data(
      { result: submission.reply({ fieldErrors: { file: ['fileOrLinkRequired'] } }), pendingUpload: null },
      { status: 400 },
    )
  }
  const intent = input.intent
  let id: number
  try {
    // The resource, its audit row, its first move and that move's mails commit together.
    id = atomically((tx) => {
      const created = createResource(input, user, 'draft').id
      recordAuditEvent({ actorId: user.id, action: 'resource.created', targetType: 'resource', targetId: created }, tx)
      if (intent === 'submit' || intent === 'publish') {
        const link = absoluteUrl(`/${lang}/resources/${created}`)
        transitionResource({ resource: getResource(created)!, transition: intent, actor: user, link })
      }
      return created
    })
  } catch (error) {
    if (!(error instanceof UploadGoneError)) throw error
    return data(
      { result: submission.reply({ fieldErrors: { file: ['uploadGone'] } }), pendingUpload: null },
      { status: 400 },
    )
  }
  const path = `/${lang}/resources/${id}`
  if (intent === 'submit' || intent === 'publish') {
    return redirectWithFlash(path, intent === 'publish' ? 'resourcePublished' : 'resourceSubmitted')
  }
  return redirectWithFlash(path, 'resourceSaved')
}

export default function NewResource() {
  const { lang, isCoordinator, countries, parliaments, defaultValue, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('resources')
  const actions: ResourceFormAction[] = [
    { intent: 'draft', label: t('form.saveDraft') },
    isCoordinator
      ? { intent: 'publish', label: t('form.publish'), primary: true }
      : { intent: 'submit', label: t('form.submit'), primary: true },
  ]
  return (
    <div className="page narrow">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources`}>{t('page.library')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p className="lead">{isCoordinator ? t('form.newLeadCoordinator') : t('form.newLead')}</p>
      <ResourceForm
        lastResult={actionData?.result}
        defaultValue={defaultValue}
        lang={lang}
        actions={actions}
        countries={countries}
        parliaments={parliaments}
        pendingUpload={actionData?.pendingUpload ?? null}
        maxBytes={maxBytes}
        fileLabel={t('form.file')}
      />
    </div>
  )
}
