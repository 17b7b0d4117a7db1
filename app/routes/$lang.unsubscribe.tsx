// The confirmation page of a mail's unsubscribe link (issue 17): no sign-in needed; the form posts here and the
// signature decides. A forged link shows a 400 page and writes nothing.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import { applyUnsubscribe, readUnsubscribeLink } from '~/features/notifications/unsubscribe.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'

export const meta = titleMeta
export const handle = { i18n: ['notifications'] }

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const search = new URL(request.url).searchParams
  const link = readUnsubscribeLink(search)
  const title = pageTitle(lang, 'unsubscribe.title', 'notifications')
  const done = search.get('done') === '1'
  if (!link) return data({ lang, title, link: null, done: false, query: '' }, { status: 400 })
  const q = new URLSearchParams({ u: String(link.userId), k: link.target, s: search.get('s') ?? '' })
  return { lang, title, link, done, query: q.toString() }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const search = new URL(request.url).searchParams
  const link = readUnsubscribeLink(search)
  if (!link) throw new Response('Bad Request', { status: 400 })
  applyUnsubscribe(link)
  search.set('done', '1')
  return new Response(null, { status: 303, headers: { Location: `/${lang}/unsubscribe?${search}` } })
}

export default function Unsubscribe() {
  const { lang, link, done, query } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  const isPeriod = link?.target === 'daily' || link?.target === 'weekly'
  const what = link ? (isPeriod ? t(`deliveries.${link.target}`) : t(`kinds.${link.target}`)) : ''
  return (
    <div className="page narrow">
      <h1>{t('unsubscribe.title')}</h1>
      {!link ? (
        <p role="alert">{t('unsubscribe.invalid')}</p>
      ) : done ? (
        <StatusMessage>
          {isPeriod ? t('unsubscribe.doneDigest', { period: what }) : t('unsubscribe.done', { kind: what })}
        </StatusMessage>
      ) : (
        <Form method="post" action={`/${lang}/unsubscribe?${query}`} className="stack">
          <p>
            {isPeriod ? t('unsubscribe.confirmDigest', { period: what }) : t('unsubscribe.confirm', { kind: what })}
          </p>
          <button type="submit" className="button">
            {t('unsubscribe.button')}
          </button>
        </Form>
      )}
      <p>
        <Link to={`/${lang}/account/notifications`}>{t('unsubscribe.preferencesLink')}</Link>
      </p>
    </div>
  )
}
