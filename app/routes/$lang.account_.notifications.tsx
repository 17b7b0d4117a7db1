// E-mail preferences per kind of notification (issue 17): immediately, daily digest, weekly digest or never.
// URL /{lang}/account/notifications (`account_` keeps it out of the account page's layout). Works without JavaScript.
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import { preferencesOf, setDelivery } from '~/features/notifications/preferences.server'
import { deliveries, notificationKinds, type Delivery } from '~/features/notifications/vocabulary'
import { requireUser } from '~/utils/auth.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { atomically } from '~/utils/transaction.server'

export const meta = titleMeta
export const handle = { i18n: ['notifications'] }

export function loader({ params, request }: LoaderFunctionArgs) {
  const me = requireUser(request)
  const lang = requireLanguage(params)
  return {
    lang,
    preferences: preferencesOf(undefined, me.id),
    saved: new URL(request.url).searchParams.get('done') === 'saved',
    title: pageTitle(lang, 'preferences.title', 'notifications'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const me = requireUser(request)
  const lang = requireLanguage(params)
  const form = await request.formData()
  const chosen: [(typeof notificationKinds)[number], Delivery][] = []
  for (const kind of notificationKinds) {
    const value = form.get(kind)
    if (value === null) continue
    if (!(deliveries as readonly unknown[]).includes(value)) throw new Response('Bad Request', { status: 400 })
    chosen.push([kind, value as Delivery])
  }
  atomically((tx) => {
    const current = preferencesOf(tx, me.id)
    for (const [kind, delivery] of chosen) if (current[kind] !== delivery) setDelivery(tx, me.id, kind, delivery)
  })
  return new Response(null, { status: 303, headers: { Location: `/${lang}/account/notifications?done=saved` } })
}

export default function NotificationPreferences() {
  const { preferences, saved } = useLoaderData<typeof loader>()
  const { t } = useTranslation('notifications')
  return (
    <div className="page narrow">
      <h1>{t('preferences.title')}</h1>
      <p className="muted">{t('preferences.intro')}</p>
      {saved ? <StatusMessage>{t('preferences.saved')}</StatusMessage> : null}
      <Form method="post" className="stack">
        {notificationKinds.map((kind) => (
          <div className="field" key={kind}>
            <label htmlFor={`pref-${kind}`}>{t(`kinds.${kind}`)}</label>
            <select id={`pref-${kind}`} name={kind} defaultValue={preferences[kind]} style={{ maxWidth: '100%' }}>
              {deliveries.map((d) => (
                <option key={d} value={d}>
                  {t(`deliveries.${d}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button">
          {t('preferences.save')}
        </button>
      </Form>
    </div>
  )
}
