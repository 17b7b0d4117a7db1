import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { ResourceMedia } from '~/features/library/resource-media'
import { ResourceDetails } from '~/features/library/resource-details'
import { FormError } from '~/components/status-message'
import { canEditResource, canViewResource } from '~/features/library/access.server'
import { deleteResource, getResource } from '~/features/library/resource.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { availableTransitions, transitionResource } from '~/features/library/workflow.server'
import { getUser, hasRole, requireUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { redirectWithFlash } from '~/utils/flash.server'
import { useErrorText } from '~/utils/forms'
import { absoluteUrl } from '~/utils/links.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { getFixedT } from '~/utils/i18n.server'
import { ReturnSchema } from '~/features/library/schemas'
import styles from '~/styles/resource-pages.css?url'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/**
 * The resource if this request may see it: unknown or not visible → 404; members-only and a visitor →
 * sign in first (and come back here).
 */
function requireVisibleResource(request: Request, idParam: string | undefined) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getResource(id) : undefined
  if (!found) throw new Response('Not Found', { status: 404 })
  const viewer = getUser(request)
  if (canViewResource(found, viewer)) return { resource: found, viewer }
  if (!viewer && found.state === 'published') requireUser(request)
  throw new Response('Not Found', { status: 404 })
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { resource: r, viewer } = requireVisibleResource(request, params.id)
  const isCoordinator = hasRole(viewer, 'coordinator')
  const isAuthor = Boolean(viewer && r.authorId === viewer.id)
  const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang).text
  return {
    lang,
    resource: {
      ...r,
      author: isAuthor || isCoordinator ? r.author && { name: r.author.name } : null,
      // The reason is for the author and the coordinators only.
      returnReason: isAuthor || isCoordinator ? r.returnReason : null,
    },
    canEdit: canEditResource(r, viewer),
    showState: isAuthor || isCoordinator,
    transitions: availableTransitions(r, viewer),
    title: `${title} · ${getFixedT(lang)('shell.siteName')}`,
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const { resource: r } = requireVisibleResource(request, params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const link = absoluteUrl(`/${lang}/resources/${r.id}`)
  if (intent === 'return') {
    const submission = parseWithZod(formData, { schema: ReturnSchema })
    if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
    const done = transitionResource({
      resource: r,
      transition: 'return',
      actor: user,
      reason: submission.value.reason,
      link,
    })
    if (!done) throw new Response('Forbidden', { status: 403 })
    return redirectWithFlash(`/${lang}/resources/${r.id}`, 'resourceReturned')
  }
  if (intent === 'delete') {
    if (!canEditResource(r, user)) throw new Response('Forbidden', { status: 403 })
    atomically((tx) => {
      deleteResource(r.id)
      recordAuditEvent(
        {
          actorId: user.id,
          action: 'resource.deleted',
          targetType: 'resource',
          targetId: r.id,
          details: { title: r.titleEn || r.titleAr, state: r.state },
        },
        tx,
      )
    })
    return redirectWithFlash(`/${lang}/resources/mine`, 'resourceDeleted')
  }
  if (intent === 'submit' || intent === 'publish') {
    if (intent === 'submit' && r.files.length === 0 && !r.externalUrl) {
      return data({ result: null, error: 'fileOrLinkRequired' }, { status: 400 })
    }
    const done = transitionResource({ resource: r, transition: intent, actor: user, link })
    if (!done) throw new Response('Forbidden', { status: 403 })
    return redirectWithFlash(
      `/${lang}/resources/${r.id}`,
      intent === 'publish' ? 'resourcePublished' : 'resourceSubmitted',
    )
  }
  throw new Response('Bad Request', { status: 400 })
}

export default function ResourcePage() {
  const { lang, resource: r, canEdit, showState, transitions } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['resources', 'library'])
  const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang)
  const summary = pickLanguage({ en: r.summaryEn, ar: r.summaryAr }, lang)
  const otherSummary = lang === 'ar' ? r.summaryEn : r.summaryAr
  const otherTitle = lang === 'ar' ? r.titleEn : r.titleAr
  const otherLang = lang === 'ar' ? 'en' : 'ar'
  return (
    <article className="page resource-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/resources`}>{t('page.library')}</Link>
      </p>
      <h1 lang={title.lang} dir={title.lang ? 'auto' : undefined}>
        {title.text}
      </h1>
      <p className="badges">
        <span className="badge">{t(`types.${r.type}`, { ns: 'library' })}</span>
        {r.visibility === 'members' ? <span className="badge badge--members">{t('page.membersOnly')}</span> : null}
        {r.state !== 'published' ? <span className="badge badge--state">{t(`states.${r.state}`)}</span> : null}
      </p>
      {showState ? <StatePanel resource={r} transitions={transitions} /> : null}
      <ResourceMedia resource={r} lang={lang} />
      {summary.text ? (
        <div className="resource-page__summary" lang={summary.lang} dir={summary.lang ? 'auto' : undefined}>
          {summary.text.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : null}
      {!summary.lang && otherSummary ? (
        <details className="resource-page__other">
          <summary>{t('page.otherLanguage')}</summary>
          <div lang={otherLang} dir={otherLang === 'ar' ? 'rtl' : 'ltr'}>
            {otherTitle ? <h2>{otherTitle}</h2> : null}
            {otherSummary.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ) : null}
      <ResourceDetails resource={r} lang={lang} />
      {canEdit ? (
        <>
          <p>
            <Link className="button button--quiet" to={`/${lang}/resources/${r.id}/edit`}>
              {t('page.edit')}
            </Link>
          </p>
          <details className="danger-zone">
            <summary>{t('page.delete')}</summary>
            <p>{t('page.deleteWarning')}</p>
            <Form method="post">
              <button type="submit" name="intent" value="delete" className="button button--danger">
                {t('page.deleteConfirm')}
              </button>
            </Form>
          </details>
        </>
      ) : null}
    </article>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** Where the resource stands, and what the author or a coordinator can do next. */
function StatePanel({
  resource: r,
  transitions,
}: {
  resource: Loaded['resource']
  transitions: Loaded['transitions']
}) {
  const { t } = useTranslation('resources')
  return (
    <section className="state-panel" aria-labelledby="state-title">
      <h2 id="state-title">{t('page.stateTitle', { state: t(`states.${r.state}`) })}</h2>
      {r.state === 'draft' ? <p>{t('page.draftNote')}</p> : null}
      {r.state === 'submitted' ? <p>{t('page.submittedNote')}</p> : null}
      {r.state === 'returned' && r.returnReason ? (
        <>
          <p>{t('page.returnedNote')}</p>
          <blockquote dir="auto" className="state-panel__reason">
            {r.returnReason}
          </blockquote>
        </>
      ) : null}
      <TransitionForms resource={r} transitions={transitions} />
    </section>
  )
}

function TransitionForms({
  resource: r,
  transitions,
}: {
  resource: Loaded['resource']
  transitions: Loaded['transitions']
}) {
  const { t } = useTranslation('resources')
  const actionData = useActionData<typeof action>()
  const errorText = useErrorText()
  const returnErrors =
    actionData?.result && 'error' in actionData.result
      ? errorText(actionData.result.error?.reason ?? undefined)
      : undefined
  const formError = actionData && 'error' in actionData ? errorText([actionData.error])?.[0] : null
  return (
    <>
      <FormError>{formError}</FormError>
      {transitions.includes('submit') || transitions.includes('publish') ? (
        <Form method="post" className="state-panel__actions">
          {transitions.includes('submit') ? (
            <button type="submit" name="intent" value="submit" className="button">
              {t('form.submit')}
            </button>
          ) : null}
          {transitions.includes('publish') ? (
            <button type="submit" name="intent" value="publish" className="button">
              {t('form.publish')}
            </button>
          ) : null}
        </Form>
      ) : null}
      {transitions.includes('return') ? (
        <Form method="post" className="stack state-panel__return">
          <input type="hidden" name="intent" value="return" />
          <div className="field">
            <label htmlFor="return-reason">{t('page.returnLabel')}</label>
            <p className="field__hint" id="return-reason-hint">
              {t('page.returnHint')}
            </p>
            <textarea
              id="return-reason"
              name="reason"
              rows={3}
              maxLength={2000}
              dir="auto"
              aria-invalid={returnErrors?.length ? true : undefined}
              aria-describedby={['return-reason-hint', returnErrors?.length ? 'return-reason-error' : '']
                .filter(Boolean)
                .join(' ')}
            />
            {returnErrors?.length ? (
              <ul className="field__errors" id="return-reason-error">
                {returnErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <p>
            <button type="submit" className="button button--quiet">
              {r.state === 'published' ? t('page.withdraw') : t('page.return')}
            </button>
          </p>
        </Form>
      ) : null}
    </>
  )
}
