import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { StatusMessage } from '~/components/status-message'
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from '~/features/meetings/calendar-feed.server'
import { requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { absoluteUrl } from '~/utils/links.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/calendar.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
// The answer to "create" holds the secret address: no cache may keep this page.
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-store' })

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('create') }),
  z.object({ intent: z.literal('revoke') }),
])

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const feed = getCalendarFeed(user.id)
  return {
    lang,
    createdOn: feed ? formatDate(feed.createdAt, lang) : null,
    title: pageTitle(lang, 'feed.title', 'calendar'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const parsed = IntentSchema.safeParse({ intent: (await request.formData()).get('intent') })
  if (!parsed.success) throw new Response('Bad Request', { status: 400 })
  if (parsed.data.intent === 'revoke') {
    revokeCalendarFeed(user.id)
    return redirectWithFlash(`/${lang}/meetings/feed`, 'calendarFeedRevoked')
  }
  const token = createCalendarFeed(user.id)
  const url = absoluteUrl(`/meetings/feed/${token}.ics`)
  // Shown this once (only its hash is kept), so it is the action's answer rather than a redirect.
  return data(
    { created: { url, webcal: url.replace(/^https?:/, 'webcal:') } },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

/** A read-only address with a Copy button (the button needs JavaScript; the field can always be selected). */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation('calendar')
  const [canCopy, setCanCopy] = useState(false)
  const [copied, setCopied] = useState(false)
  useEffect(() => setCanCopy(Boolean(navigator.clipboard)), [])
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          dir="ltr"
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        {canCopy ? (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-describedby={id}
            onClick={() => void navigator.clipboard.writeText(value).then(() => setCopied(true))}
          >
            {t('feed.copy')}
          </button>
        ) : null}
      </div>
      <p className="copy-field__status" role="status">
        {copied ? t('feed.copied') : ''}
      </p>
    </div>
  )
}

/** A button that posts one intent, with the note that says what it does. */
function FeedAction(props: { intent: 'create' | 'revoke'; id: string; label: string; note: string; quiet?: boolean }) {
  return (
    <Form method="post" className="stack calendar-feed__action">
      <input type="hidden" name="intent" value={props.intent} />
      <button type="submit" className={props.quiet ? 'button button--quiet' : 'button'} aria-describedby={props.id}>
        {props.label}
      </button>
      <p id={props.id} className="muted">
        {props.note}
      </p>
    </Form>
  )
}

export const handle = { i18n: ['calendar'] }

export default function CalendarFeed() {
  const { createdOn } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['calendar', 'common'])
  const created = actionData?.created
  return (
    <div className="page narrow calendar-feed">
      <h1>{t('feed.title')}</h1>
      <p className="lead">{t('feed.intro')}</p>

      {created ? (
        <section aria-labelledby="new-feed-title" className="panel calendar-feed__new">
          <h2 id="new-feed-title">{t('feed.newTitle')}</h2>
          <StatusMessage>{t('flash.calendarFeedCreated', { ns: 'common' })}</StatusMessage>
          <div className="stack">
            <CopyField id="feed-url" label={t('feed.httpsLabel')} value={created.url} />
            <CopyField id="feed-webcal" label={t('feed.webcalLabel')} value={created.webcal} />
            <a className="button" href={created.webcal}>
              {t('feed.subscribe')}
            </a>
          </div>
        </section>
      ) : null}

      <h2>{t('feed.holdsTitle')}</h2>
      <ul>
        <li>{t('feed.holdsConfirmed')}</li>
        <li>{t('feed.holdsTentative')}</li>
        <li>{t('feed.holdsCancelled')}</li>
      </ul>

      <h2>{t('feed.privateTitle')}</h2>
      <p className="notice">{t('feed.privateNote')}</p>

      <section aria-labelledby="feed-state" className="panel">
        <h2 id="feed-state">{t('feed.stateTitle')}</h2>
        <p>{createdOn ? t('feed.statusOn', { date: createdOn }) : t('feed.statusOff')}</p>
        {createdOn ? (
          <div className="stack">
            <FeedAction intent="create" id="feed-reset-note" label={t('feed.reset')} note={t('feed.resetNote')} />
            <FeedAction
              intent="revoke"
              id="feed-revoke-note"
              label={t('feed.revoke')}
              note={t('feed.revokeNote')}
              quiet
            />
          </div>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="create" />
            <button type="submit" className="button">
              {t('feed.create')}
            </button>
          </Form>
        )}
      </section>
    </div>
  )
}
