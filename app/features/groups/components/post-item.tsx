import { Form, Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { PostBody } from './post-body'

export type PostView = {
  id: number
  authorId: number | null
  authorName: string | null
  body: string
  quotedPostId: number | null
  editedAt: string | null
  hiddenAt: string | null
  hiddenReason: string | null
  createdAt: string
  mentions: { id: number; name: string }[]
  editable: boolean
}

/** One post of a thread: author, date, "edited", its quote, its text or the hidden notice, and its actions. */
export function PostItem({
  post,
  quoted,
  lang,
  viewerId,
  mayPost,
  error,
}: {
  post: PostView
  quoted: PostView | undefined
  lang: Language
  viewerId: number
  mayPost: boolean
  error?: { intent: string; message: string }
}) {
  const { t } = useTranslation('groups')
  const hidden = post.hiddenAt !== null
  const author = post.authorName ?? t('thread.unknownAuthor')
  return (
    <article className="post-item" id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`}>
      <header className="post-item__header">
        <h3 id={`post-${post.id}-by`} dir="auto">
          {author}
        </h3>
        <p className="muted">
          <time dateTime={post.createdAt}>
            {t('post.postedOn', { date: formatDate(new Date(post.createdAt), lang, 'dateTime') })}
          </time>
          {post.editedAt ? <span className="post-item__edited"> · {t('post.edited')}</span> : null}
        </p>
      </header>
      {quoted && !hidden ? (
        <blockquote className="post-item__quote">
          <p>{t('post.quoting', { name: quoted.authorName ?? t('thread.unknownAuthor') })}</p>
          {quoted.hiddenAt ? <p>{t('post.hidden')}</p> : <PostBody body={quoted.body} mentions={quoted.mentions} />}
        </blockquote>
      ) : null}
      {hidden ? (
        <p className="post-item__hidden" role="note">
          {post.hiddenReason !== null ? t('post.hiddenForAuthor', { reason: post.hiddenReason }) : t('post.hidden')}
        </p>
      ) : null}
      {!hidden || post.authorId === viewerId ? <PostBody body={post.body} mentions={post.mentions} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {!hidden && mayPost ? (
        <div className="post-item__actions">
          <Link to={`?quote=${post.id}#reply`} preventScrollReset>
            {t('post.quote')}
          </Link>
          {post.editable && post.authorId === viewerId ? (
            <details>
              <summary>{t('post.edit')}</summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="postId" value={post.id} />
                <div className="field">
                  <label htmlFor={`edit-${post.id}`}>{t('post.editBody')}</label>
                  <textarea id={`edit-${post.id}`} name="body" rows={5} defaultValue={post.body} dir="auto" />
                </div>
                <button type="submit">{t('post.save')}</button>
              </Form>
            </details>
          ) : null}
          {post.authorId !== viewerId ? (
            <details>
              <summary>{t('post.flag')}</summary>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="flag" />
                <input type="hidden" name="postId" value={post.id} />
                <div className="field">
                  <label htmlFor={`flag-${post.id}`}>{t('post.flagReason')}</label>
                  <textarea id={`flag-${post.id}`} name="reason" rows={2} dir="auto" />
                </div>
                <button type="submit">{t('post.sendFlag')}</button>
              </Form>
            </details>
          ) : null}
        </div>
      ) : null}
    </article>
  )
}
