// The coordinators' moderation queue of working groups (issue 17): flagged posts to hide (with a reason the author
// reads) or keep; hidden posts to restore.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, StatusMessage } from '~/components/status-message'
import { PostBody } from '~/features/groups/components/post-body'
import {
  dismissFlags,
  hidePost,
  listHiddenPosts,
  listOpenFlags,
  restorePost,
} from '~/features/groups/moderation.server'
import { requireModerator } from '~/features/groups/thread-guards.server'
import { fieldErrors, ModerationActionSchema } from '~/features/groups/thread-schemas'
import { mailImmediately } from '~/features/notifications'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups-threads.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['groups'] }

const doneKeys = ['hidden', 'restored', 'dismissed'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  requireModerator(request)
  return {
    lang,
    flagged: listOpenFlags(),
    hidden: listHiddenPosts().map((p) => ({ ...p, hiddenAt: p.hiddenAt?.toISOString() ?? null })),
    title: pageTitle(lang, 'moderation.documentTitle', 'groups'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const user = requireModerator(request)
  const form = await request.formData()
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']))
  const postId = readId(raw.postId)
  const parsed = ModerationActionSchema.safeParse(raw)
  if (postId === null) throw new Response('Bad Request', { status: 400 })
  if (!parsed.success) return data({ postId, error: Object.values(fieldErrors(parsed.error))[0]! }, { status: 400 })
  const by = { id: user.id, name: user.name }
  const back = (key: (typeof doneKeys)[number]) => redirect(`/${lang}/groups/moderation?done=${key}`, 303)
  if (parsed.data.intent === 'hide') {
    const r = hidePost(postId, by, parsed.data.reason)
    if (!r.ok) return data({ postId, error: r.error }, { status: 400 })
    mailImmediately(r.value.notificationIds)
    return back('hidden')
  }
  const r = parsed.data.intent === 'restore' ? restorePost(postId, by) : dismissFlags(postId, by)
  if (!r.ok) return data({ postId, error: r.error }, { status: 400 })
  return back(parsed.data.intent === 'restore' ? 'restored' : 'dismissed')
}

export default function ModerationPage() {
  const { lang, flagged, hidden } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('groups')
  const done = doneKeys.find((k) => k === search.get('done'))
  const where = (p: {
    threadId: number
    threadTitle: string
    groupId: number
    groupNameEn: string
    groupNameAr: string
  }) => (
    <p className="muted">
      <Link to={`/${lang}/groups/${p.groupId}/threads/${p.threadId}`}>
        {t('moderation.inThread', {
          thread: p.threadTitle,
          group: lang === 'ar' ? p.groupNameAr || p.groupNameEn : p.groupNameEn || p.groupNameAr,
        })}
      </Link>
    </p>
  )
  const errorFor = (postId: number) =>
    refused?.postId === postId ? <FormError>{t(`thread.errors.${refused.error}`, { name: '' })}</FormError> : null
  return (
    <div className="page moderation-page">
      <h1>{t('moderation.title')}</h1>
      <p className="lead">{t('moderation.lead')}</p>
      {done ? <StatusMessage>{t(`moderation.done.${done}`)}</StatusMessage> : null}
      {flagged.length === 0 ? <p>{t('moderation.empty')}</p> : null}
      {flagged.map((p) => (
        <article key={p.postId} className="post-item" aria-labelledby={`flagged-${p.postId}`}>
          <h2 id={`flagged-${p.postId}`} dir="auto">
            {p.authorName ?? t('thread.unknownAuthor')} · {t('moderation.flags', { count: p.flags })}
          </h2>
          {where(p)}
          <PostBody body={p.body} mentions={[]} />
          {p.reasons ? (
            <>
              <h3>{t('moderation.reasons')}</h3>
              <p dir="auto" className="moderation-reasons">
                {p.reasons}
              </p>
            </>
          ) : null}
          {errorFor(p.postId)}
          <Form method="post" className="stack">
            <input type="hidden" name="postId" value={p.postId} />
            <div className="field">
              <label htmlFor={`reason-${p.postId}`}>{t('moderation.hideReason')}</label>
              <textarea id={`reason-${p.postId}`} name="reason" rows={2} dir="auto" />
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="hide">
                {t('moderation.hide')}
              </button>
              <button type="submit" name="intent" value="dismiss" className="secondary">
                {t('moderation.dismiss')}
              </button>
            </div>
          </Form>
        </article>
      ))}
      <section aria-labelledby="hidden-title">
        <h2 id="hidden-title">{t('moderation.hiddenTitle')}</h2>
        {hidden.length === 0 ? <p>{t('moderation.noneHidden')}</p> : null}
        {hidden.map((p) => (
          <article key={p.postId} className="post-item" aria-labelledby={`hidden-${p.postId}`}>
            <h3 id={`hidden-${p.postId}`} dir="auto">
              {p.authorName ?? t('thread.unknownAuthor')}
            </h3>
            {where(p)}
            <p dir="auto">{t('moderation.hiddenBecause', { reason: p.hiddenReason ?? '' })}</p>
            <PostBody body={p.body} mentions={[]} />
            {errorFor(p.postId)}
            <Form method="post">
              <input type="hidden" name="postId" value={p.postId} />
              <button type="submit" name="intent" value="restore">
                {t('moderation.restore')}
              </button>
            </Form>
          </article>
        ))}
      </section>
    </div>
  )
}
