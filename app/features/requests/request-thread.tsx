import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '#db/enums'
import { FormError } from '~/components/status-message'
import { TextareaField } from '~/components/ui/field'
import { formatDate } from '~/utils/format'
import { useErrorText } from '~/utils/forms'
import type { Language } from '~/utils/i18n'

type Message = {
  id: number
  body: string
  createdAt: Date | string
  authorName: string | null
  authorRole: Role | null
}

/** The messages between the requester's parliament and the programme office, and the form to add one. */
export function RequestThread({
  lang,
  messages,
  closed,
  lastResult,
}: {
  lang: Language
  messages: Message[]
  closed: boolean
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useTranslation('requests')
  const errorText = useErrorText()
  const [form, fields] = useForm<{ body: string }>({ id: 'request-message', lastResult, shouldValidate: 'onSubmit' })
  return (
    <section className="request-section" aria-labelledby="request-thread">
      <h2 id="request-thread">{t('page.thread')}</h2>
      <p className="muted">{t('page.threadLead')}</p>
      {messages.length ? (
        <ol className="request-thread">
          {messages.map((m) => {
            const office = m.authorRole === 'coordinator' || m.authorRole === 'admin'
            return (
              <ThreadEntry
                key={m.id}
                lang={lang}
                entry={m}
                className={`request-message${office ? ' request-message--office' : ''}`}
                badge={office ? <span className="badge">{t('page.office')}</span> : null}
              />
            )
          })}
        </ol>
      ) : (
        <p>{t('page.noMessages')}</p>
      )}
      {closed ? <p className="notice">{t('page.closed')}</p> : null}
      {/* A reply sent to a request closed meanwhile comes back with its text, so that nothing typed is lost. */}
      {!closed || lastResult ? (
        <Form method="post" {...getFormProps(form)} className="request-reply" key={messages.length}>
          <input type="hidden" name="intent" value="message" />
          <FormError id={form.errorId}>{errorText(form.errors)?.join(' ')}</FormError>
          <TextareaField
            field={fields.body}
            label={t('page.reply')}
            errors={errorText(fields.body.errors)}
            rows={4}
            maxLength={10_000}
          />
          {closed ? null : (
            <button type="submit" className="button">
              {t('page.send')}
            </button>
          )}
        </Form>
      ) : null}
    </section>
  )
}

/** One message of the thread, or one internal note: who wrote it, when (in UTC), and what. */
export function ThreadEntry({
  lang,
  entry,
  className,
  badge,
}: {
  lang: Language
  entry: { body: string; createdAt: Date | string; authorName: string | null }
  className: string
  badge?: ReactNode
}) {
  const { t } = useTranslation('requests')
  return (
    <li className={className}>
      <p className="request-message__meta">
        <strong dir="auto">{entry.authorName ?? t('page.someone')}</strong>
        {badge}
        <time dateTime={new Date(entry.createdAt).toISOString()}>
          {t('page.utc', { time: formatDate(new Date(entry.createdAt), lang, 'dateTime') })}
        </time>
      </p>
      <p className="request-message__body" dir="auto">
        {entry.body}
      </p>
    </li>
  )
}
