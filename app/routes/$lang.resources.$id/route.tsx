// A resource's page: what it is, its media and details, where it stands in the sharing workflow (for its author
// and the coordinators) and what they can do next. What the page posts is handled in intents.server.ts.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { findDraftOfResource } from '~/features/drafts'
import { canEditResource } from '~/features/library/access.server'
import { requireVisibleResource } from '~/features/library/guards.server'
import { ResourceDetails } from '~/features/library/resource-details'
import { ResourceMedia } from '~/features/library/resource-media'
import { availableTransitions } from '~/features/library/workflow.server'
import { hasRole, requireUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import styles from '~/styles/resource-pages.css?url'
import { runResourceIntent } from './intents.server'
import { StatePanel } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

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
    // An adopted draft's resource links back to the draft (when the viewer may read it).
    draftId: findDraftOfResource(r.id, viewer)?.id ?? null,
    showState: isAuthor || isCoordinator,
    transitions: availableTransitions(r, viewer),
    title: `${title} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(lang, { en: r.summaryEn, ar: r.summaryAr }, { key: 'head.resource', values: { title } }),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const { resource: r } = requireVisibleResource(request, params.id)
  return runResourceIntent({ lang, user, r, formData: await request.formData() })
}

export const handle = { i18n: ['library', 'network'] }

export default function ResourcePage() {
  const { lang, resource: r, canEdit, showState, transitions, draftId } = useLoaderData<typeof loader>()
  const { t } = useTranslation('library')
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
        <span className="badge">{t(`types.${r.type}`)}</span>
        {r.visibility === 'members' ? <span className="badge badge--members">{t('page.membersOnly')}</span> : null}
        {r.state !== 'published' ? <span className="badge badge--state">{t(`states.${r.state}`)}</span> : null}
      </p>
      {draftId !== null ? (
        <p className="resource-page__draft">
          {t('page.draftedTogether')} <Link to={`/${lang}/drafts/${draftId}`}>{t('page.draftHistory')}</Link>
        </p>
      ) : null}
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
