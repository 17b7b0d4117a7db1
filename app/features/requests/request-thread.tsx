import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
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
              <li key={m.id} className={`request-message${office ? ' request-message--office' : ''}`}>
                <p className="request-message__meta">
                  <strong dir="auto">{m.authorName ?? t('page.someone')}</strong>
                  {office ? <span className="badge">{t('page.office')}</span> : null}
                  <time dateTime={new Date(m.createdAt).toISOString()}>
                    {t('page.utc', { time: formatDate(new Date(m.createdAt), lang, 'dateTime') })}
                  </time>
                </p>
                <p className="request-message__body" dir="auto">
                  {m.body}
                </p>
              </li>
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
