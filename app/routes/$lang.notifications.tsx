// The notification centre (issue 17): unread first, each leading to its page; mark one or all read. A closed
// group's notifications show only while the person is still a member. Works without JavaScript.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import { listNotifications, markRead } from '~/features/notifications/centre.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate } from '~/utils/format'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const handle = { i18n: ['notifications'] }

const doneKeys = ['read', 'allRead'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const me = requireUser(request)
  const lang = requireLanguage(params)
  const done = new URL(request.url).searchParams.get('done')
  const items = listNotifications(me.id).map((n) => ({
    id: n.id,
    kind: n.kind,
    title: (lang === 'ar' ? n.titleAr : n.titleEn) || n.titleEn || n.titleAr,
    path: `/${lang}${n.path}`,
    read: n.read,
    date: formatDate(n.createdAt, lang),
  }))
  return {
    lang,
    items,
    done: (doneKeys as readonly string[]).includes(done ?? '') ? (done as (typeof doneKeys)[number]) : null,
    title: pageTitle(lang, 'centre.title', 'notifications'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const me = requireUser(request)
  const lang = requireLanguage(params)
  const form = await request.formData()
  const intent = form.get('intent')
  let done: (typeof doneKeys)[number]
  if (intent === 'all') {
    atomically((tx) => markRead(tx, me.id, 'all'))
    done = 'allRead'
  } else if (intent === 'one') {
    const id = readId(form.get('id'))
    if (id === null) throw new Response('Bad Request', { status: 400 })
    atomically((tx) => markRead(tx, me.id, [id]))
    done = 'read'
  } else throw new Response('Bad Request', { status: 400 })
  return new Response(null, { status: 303, headers: { Location: `/${lang}/notifications?done=${done}` } })
}

export default function Notifications() {
  const { lang, items, done } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  const unread = items.some((i) => !i.read)
  return (
    <div className="page narrow">
      <h1>{t('centre.title')}</h1>
      <p className="muted">{t('centre.intro')}</p>
      {done ? <StatusMessage>{t(`centre.done.${done}`)}</StatusMessage> : null}
      <p>
        <Link to={`/${lang}/account/notifications`}>{t('centre.preferences')}</Link>
      </p>
      {unread ? (
        <Form method="post">
          <input type="hidden" name="intent" value="all" />
          <button type="submit" className="button button--quiet">
            {t('centre.markAllRead')}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p>{t('centre.empty')}</p>
      ) : (
        <ul className="notification-list" style={{ listStyle: 'none', padding: 0 }}>
          {items.map((n) => (
            <li
              key={n.id}
              className="panel"
              data-read={n.read ? 'true' : 'false'}
              style={{ overflowWrap: 'anywhere', fontWeight: n.read ? undefined : 600 }}
            >
              <p className="muted">
                {n.read ? t('centre.read') : t('centre.unread')} · {t(`kinds.${n.kind}`)} · {n.date}
              </p>
              <p>
                <Link to={n.path}>{n.title}</Link>
              </p>
              {n.read ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="one" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link-button" aria-label={`${t('centre.markRead')}: ${n.title}`}>
                    {t('centre.markRead')}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
