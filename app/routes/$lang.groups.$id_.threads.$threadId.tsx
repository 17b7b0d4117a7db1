// A thread of a working group (issue 17): its proposal and outcome at the top, then its posts, then the reply form.
// Every intent is refused per field in the page's language; a closed group's thread is a 404 outside it.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FormError, StatusMessage } from '~/components/status-message'
import { PostItem, type PostView } from '~/features/groups/components/post-item'
import { addPost, canStillEdit, editPost, flagPost } from '~/features/groups/post.server'
import { isOpen, recordOutcome, setPosition } from '~/features/groups/proposal.server'
import type { ThreadError } from '~/features/groups/thread-errors'
import { requireThread } from '~/features/groups/thread-guards.server'
import { fieldErrors, ThreadActionSchema } from '~/features/groups/thread-schemas'
import { getGroupNames, listMentionable, loadThreadPage, unknownMentions } from '~/features/groups/thread.server'
import { positions } from '~/features/groups/vocabulary'
import { mailImmediately } from '~/features/notifications'
import { formatDate } from '~/utils/format'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/groups-threads.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['groups'] }

const doneKeys = ['threadCreated', 'posted', 'edited', 'flagged', 'positionSaved', 'outcomeRecorded'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, group, thread, mayPost, mayRun } = requireThread(request, params.id, params.threadId)
  const page = loadThreadPage(thread, user.id)
  const now = new Date()
  const posts: PostView[] = page.posts.map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt?.toISOString() ?? null,
    hiddenAt: p.hiddenAt?.toISOString() ?? null,
    editable: canStillEdit(p.createdAt, now),
  }))
  const proposal = page.proposal
    ? {
        id: page.proposal.id,
        text: page.proposal.text,
        closesAt: page.proposal.closesAt.toISOString(),
        closedAt: page.proposal.closedAt?.toISOString() ?? null,
        outcome: page.proposal.outcome,
        open: isOpen(page.proposal, now),
      }
    : null
  const names = mayPost ? listMentionable(group.id).map((m) => m.name) : []
  return {
    lang,
    viewerId: user.id,
    group: { id: group.id, nameEn: group.nameEn, nameAr: group.nameAr },
    thread: { id: thread.id, title: thread.title },
    posts,
    proposal,
    positions: page.positions.map((p) => ({ ...p, updatedAt: p.updatedAt.toISOString() })),
    mayPost,
    mayRun,
    names,
    title: pageTitle(lang, 'thread.documentTitle', 'groups', { title: thread.title }),
  }
}

type Refusal = { intent: string; postId: number | null; errors: Record<string, string>; name?: string }

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, group, thread, mayPost, mayRun } = requireThread(request, params.id, params.threadId)
  const form = await request.formData()
  const raw = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']))
  const parsed = ThreadActionSchema.safeParse(raw)
  const intent = String(raw.intent ?? '')
  const postId = readId(raw.postId)
  const refuse = (errors: Record<string, string>, name?: string) =>
    data<Refusal>({ intent, postId, errors, name }, { status: 400 })
  if (!parsed.success) {
    if (!['reply', 'edit', 'flag', 'position', 'outcome'].includes(intent))
      throw new Response('Bad Request', { status: 400 })
    return refuse(fieldErrors(parsed.error))
  }
  const input = parsed.data
  const back = (key: (typeof doneKeys)[number], anchor = '') =>
    redirect(`/${lang}/groups/${group.id}/threads/${thread.id}?done=${key}${anchor}`, 303)
  const fromModel = (error: ThreadError, field = 'form') =>
    refuse(
      { [field]: error },
      error === 'mentionUnknown' && 'body' in input ? unknownMentions(group.id, input.body)[0] : undefined,
    )
  if (input.intent === 'outcome') {
    if (!mayRun) throw new Response('Forbidden', { status: 403 })
  } else if (!mayPost) throw new Response('Forbidden', { status: 403 })
  const by = { id: user.id, name: user.name }
  const names = getGroupNames(group.id)!
  switch (input.intent) {
    case 'reply': {
      const r = addPost(names, thread, by, input.body, input.quotedPostId)
      if (!r.ok) return fromModel(r.error, 'body')
      mailImmediately(r.value.notificationIds)
      return back('posted', `#post-${r.value.postId}`)
    }
    case 'edit': {
      if (postId === null) throw new Response('Bad Request', { status: 400 })
      const r = editPost(group.id, thread.id, postId, by, input.body)
      if (!r.ok) return fromModel(r.error, 'body')
      return back('edited', `#post-${postId}`)
    }
    case 'flag': {
      if (postId === null) throw new Response('Bad Request', { status: 400 })
      const r = flagPost(thread.id, postId, by, input.reason)
      if (!r.ok) return fromModel(r.error)
      return back('flagged', `#post-${postId}`)
    }
    case 'position':
    case 'outcome': {
      const proposal = loadThreadPage(thread, user.id).proposal
      if (!proposal) throw new Response('Not Found', { status: 404 })
      if (input.intent === 'position') {
        const r = setPosition(proposal, by, input.position, input.reason)
        if (!r.ok) return fromModel(r.error)
        return back('positionSaved', '#proposal')
      }
      const r = recordOutcome(proposal, thread, by, input.outcome)
      if (!r.ok) return fromModel(r.error)
      mailImmediately(r.value.notificationIds)
      return back('outcomeRecorded', '#proposal')
    }
  }
}

export default function ThreadPage() {
  const {
    lang,
    viewerId,
    group,
    thread,
    posts,
    proposal,
    positions: taken,
    mayPost,
    mayRun,
    names,
  } = useLoaderData<typeof loader>()
  const refused = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('groups')
  const done = doneKeys.find((k) => k === search.get('done'))
  const quoteId = readId(search.get('quote'))
  const quoted = posts.find((p) => p.id === quoteId && p.hiddenAt === null)
  const message = (field: string) =>
    refused?.errors[field] ? t(`thread.errors.${refused.errors[field]}`, { name: refused.name ?? '' }) : null
  const mine = taken.find((p) => p.userId === viewerId)
  const when = (iso: string) => formatDate(new Date(iso), lang, 'dateTime')
  const replyError = refused?.intent === 'reply' ? message('body') : null
  return (
    <div className="page thread-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/groups/${group.id}`}>{t('thread.backToGroup')}</Link>
      </p>
      <h1 dir="auto">{thread.title}</h1>
      {done ? <StatusMessage>{t(`thread.done.${done}`)}</StatusMessage> : null}
      {refused && ['flag', 'edit'].includes(refused.intent) && !refused.postId ? (
        <FormError>{message('form') ?? message('body')}</FormError>
      ) : null}

      {proposal ? (
        <section className="thread-proposal" id="proposal" aria-labelledby="proposal-title">
          <h2 id="proposal-title">{t('proposal.heading')}</h2>
          {proposal.outcome !== null ? (
            <div className="thread-proposal__outcome">
              <h3>{t('proposal.outcome')}</h3>
              <p dir="auto">{proposal.outcome}</p>
            </div>
          ) : null}
          <p dir="auto" className="thread-proposal__text">
            {proposal.text}
          </p>
          <p className="muted">
            {proposal.closedAt
              ? t('proposal.closed', { date: when(proposal.closedAt) })
              : t('proposal.closes', { date: when(proposal.closesAt) })}
          </p>
          <h3>{t('proposal.positions')}</h3>
          {taken.length ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('proposal.member')}</th>
                    <th scope="col">{t('proposal.position')}</th>
                    <th scope="col">{t('proposal.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {taken.map((p) => (
                    <tr key={p.userId}>
                      <td dir="auto">{p.name}</td>
                      <td>{t(`proposal.options.${p.position}`)}</td>
                      <td dir="auto">{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t('proposal.noPositions')}</p>
          )}
          {(refused?.intent === 'position' || refused?.intent === 'outcome') && (
            <FormError>{message('form') ?? message('outcome') ?? message('reason')}</FormError>
          )}
          {proposal.open && mayPost ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="position" />
              <fieldset>
                <legend>{t('proposal.yourPosition')}</legend>
                {positions.map((p) => (
                  <label key={p} className="choice">
                    <input type="radio" name="position" value={p} defaultChecked={(mine?.position ?? 'agree') === p} />{' '}
                    {t(`proposal.options.${p}`)}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="position-reason">{t('proposal.reasonLabel')}</label>
                <textarea id="position-reason" name="reason" rows={2} defaultValue={mine?.reason ?? ''} dir="auto" />
              </div>
              <button type="submit">{t('proposal.savePosition')}</button>
            </Form>
          ) : null}
          {!proposal.open && proposal.outcome === null ? (
            mayRun ? (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="outcome" />
                <div className="field">
                  <label htmlFor="outcome">{t('proposal.outcomeLabel')}</label>
                  <textarea id="outcome" name="outcome" rows={3} dir="auto" />
                </div>
                <button type="submit">{t('proposal.recordOutcome')}</button>
              </Form>
            ) : (
              <p>{t('proposal.awaitingOutcome')}</p>
            )
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="posts-title">
        <h2 id="posts-title">{t('thread.posts')}</h2>
        {posts.map((p) => (
          <PostItem
            key={p.id}
            post={p}
            quoted={p.quotedPostId ? posts.find((q) => q.id === p.quotedPostId) : undefined}
            lang={lang}
            viewerId={viewerId}
            mayPost={mayPost}
            error={
              refused && refused.postId === p.id
                ? { intent: refused.intent, message: message('body') ?? message('form') ?? message('reason') ?? '' }
                : undefined
            }
          />
        ))}
      </section>

      {mayPost ? (
        <section id="reply" aria-labelledby="reply-title">
          <h2 id="reply-title">{t('post.replyTitle')}</h2>
          <Form method="post" className="stack" action={`?${quoted ? `quote=${quoted.id}` : ''}#reply`}>
            <input type="hidden" name="intent" value="reply" />
            {quoted ? (
              <>
                <input type="hidden" name="quotedPostId" value={quoted.id} />
                <blockquote className="post-item__quote">
                  <p>{t('post.quoting', { name: quoted.authorName ?? t('thread.unknownAuthor') })}</p>
                  <p dir="auto">{quoted.body.slice(0, 300)}</p>
                </blockquote>
                <p>
                  <Link to="?#reply">{t('post.cancelQuote')}</Link>
                </p>
              </>
            ) : null}
            <div className="field">
              <label htmlFor="reply-body">{t('post.reply')}</label>
              <p className="field__hint" id="reply-body-hint">
                {t('thread.bodyHint')} {t('post.mentionsHint', { names: names.join(lang === 'ar' ? '، ' : ', ') })}
              </p>
              <textarea
                id="reply-body"
                name="body"
                rows={5}
                dir="auto"
                aria-describedby={replyError ? 'reply-body-hint reply-body-error' : 'reply-body-hint'}
                aria-invalid={replyError ? true : undefined}
              />
              {replyError ? (
                <p className="field__error" id="reply-body-error" role="alert">
                  {replyError}
                </p>
              ) : null}
            </div>
            <button type="submit">{t('post.send')}</button>
          </Form>
        </section>
      ) : (
        <p>{t('thread.readOnly')}</p>
      )}
    </div>
  )
}
