// A provision's comment threads (a comment and its replies, one level) with the forms of the consultation: a new
// comment, a reply in an open thread, resolve or reopen (the working group). Authors are shown by name only.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { TextareaField } from '~/components/ui/field'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { draftLimits } from '../vocabulary'
import { ConsultationFormError, useDraftsErrorText } from './consultation-errors'

type When = Date | string

export type CommentEntry = { id: number; authorName: string | null; body: string; createdAt: When }
export type ThreadEntry = CommentEntry & { resolvedAt: When | null; replies: CommentEntry[] }

/** What the page's action answered, when it answered one of these forms. */
export type FormAnswer = { intent: string; target: number; result: unknown } | undefined

const resultFor = (answer: FormAnswer, intent: string, target: number) =>
  answer?.intent === intent && answer.target === target ? answer.result : undefined

function Meta({ lang, entry }: { lang: Language; entry: CommentEntry }) {
  const { t } = useTranslation('drafts')
  const at = new Date(entry.createdAt)
  return (
    <p className="consultation-comment__meta">
      <strong dir="auto">{entry.authorName ?? t('comment.formerAccount')}</strong>{' '}
      <time dateTime={at.toISOString()}>{t('comment.utc', { time: formatDate(at, lang, 'dateTime') })}</time>
    </p>
  )
}

function CommentBody({ body }: { body: string }) {
  return (
    <p className="consultation-comment__body" dir="auto">
      {body}
    </p>
  )
}

/** The threads of one provision and, for those who may take part, the form for a new one. */
export function CommentThreads({
  lang,
  provisionId,
  threads,
  participate,
  decide,
  answer,
}: {
  lang: Language
  provisionId: number
  threads: ThreadEntry[]
  participate: boolean
  decide: boolean
  answer: FormAnswer
}) {
  const { t } = useTranslation('drafts')
  return (
    <section className="consultation-section" aria-labelledby="consultation-comments">
      <h2 id="consultation-comments">{t('comment.title', { n: formatNumber(threads.length, lang) })}</h2>
      {threads.length ? (
        <ol className="consultation-threads">
          {threads.map((thread) => (
            <Thread
              key={thread.id}
              lang={lang}
              thread={thread}
              participate={participate}
              decide={decide}
              answer={answer}
            />
          ))}
        </ol>
      ) : (
        <p>{t('comment.none')}</p>
      )}
      {participate || resultFor(answer, 'comment', 0) ? (
        <NewComment
          key={threads.length}
          provisionId={provisionId}
          lastResult={resultFor(answer, 'comment', 0) as SubmissionResult<string[]> | undefined}
        />
      ) : null}
    </section>
  )
}

function Thread({
  lang,
  thread,
  participate,
  decide,
  answer,
}: {
  lang: Language
  thread: ThreadEntry
  participate: boolean
  decide: boolean
  answer: FormAnswer
}) {
  const { t } = useTranslation('drafts')
  const resolved = thread.resolvedAt !== null
  const resolveError = resultFor(answer, 'resolve', thread.id) as string | undefined
  const replyResult = resultFor(answer, 'reply', thread.id) as SubmissionResult<string[]> | undefined
  return (
    <li
      className={`consultation-thread${resolved ? ' consultation-thread--resolved' : ''}`}
      id={`thread-${thread.id}`}
      aria-labelledby={`thread-${thread.id}-by`}
    >
      <article id={`comment-${thread.id}`} className="consultation-comment">
        <p className="visually-hidden" id={`thread-${thread.id}-by`}>
          {t('comment.threadBy', { name: thread.authorName ?? t('comment.formerAccount') })}
        </p>
        <Meta lang={lang} entry={thread} />
        <CommentBody body={thread.body} />
      </article>
      {resolved ? (
        <p className="badge badge--ok consultation-badge">
          {t('comment.resolvedOn', { date: formatDate(new Date(thread.resolvedAt!), lang) })}
        </p>
      ) : null}
      {thread.replies.length ? (
        <ol
          className="consultation-replies"
          aria-label={t('comment.replies', { n: formatNumber(thread.replies.length, lang) })}
        >
          {thread.replies.map((r) => (
            <li key={r.id} id={`comment-${r.id}`} className="consultation-comment consultation-comment--reply">
              <Meta lang={lang} entry={r} />
              <CommentBody body={r.body} />
            </li>
          ))}
        </ol>
      ) : null}
      {(participate && !resolved) || replyResult ? (
        <ReplyForm key={thread.replies.length} threadId={thread.id} lastResult={replyResult} />
      ) : null}
      {decide ? (
        <Form method="post" className="inline-form consultation-resolve">
          <input type="hidden" name="intent" value="resolve" />
          <input type="hidden" name="commentId" value={thread.id} />
          <input type="hidden" name="resolved" value={resolved ? 'false' : 'true'} />
          <button type="submit" className="button button--small button--quiet">
            {resolved ? t('comment.reopen') : t('comment.resolve')}
          </button>
          <ConsultationFormError errors={resolveError ? [resolveError] : undefined} />
        </Form>
      ) : null}
    </li>
  )
}

function NewComment({
  provisionId,
  lastResult,
}: {
  provisionId: number
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftsErrorText()
  const [form, fields] = useForm<{ body: string }>({ id: 'comment-new', lastResult, shouldValidate: 'onSubmit' })
  return (
    <Form method="post" {...getFormProps(form)} className="consultation-form">
      <h3>{t('comment.new')}</h3>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="provisionId" value={provisionId} />
      <ConsultationFormError id={form.errorId} errors={form.errors} />
      <TextareaField
        field={fields.body}
        label={t('comment.body')}
        hint={t('comment.bodyHint')}
        errors={errorText(fields.body.errors)}
        rows={4}
        maxLength={draftLimits.comment}
      />
      <button type="submit" className="button">
        {t('comment.post')}
      </button>
    </Form>
  )
}

function ReplyForm({ threadId, lastResult }: { threadId: number; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation('drafts')
  const errorText = useDraftsErrorText()
  const [form, fields] = useForm<{ body: string }>({
    id: `reply-${threadId}`,
    lastResult,
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="consultation-form consultation-form--reply">
      <input type="hidden" name="intent" value="reply" />
      <input type="hidden" name="commentId" value={threadId} />
      <ConsultationFormError id={form.errorId} errors={form.errors} />
      <TextareaField
        field={fields.body}
        label={t('comment.reply')}
        errors={errorText(fields.body.errors)}
        rows={2}
        maxLength={draftLimits.comment}
      />
      <button type="submit" className="button button--small">
        {t('comment.sendReply')}
      </button>
    </Form>
  )
}
