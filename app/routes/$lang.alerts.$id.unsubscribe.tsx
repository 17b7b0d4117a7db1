// Turning off a saved search's alert from its mail, without signing in (issue 17): the link is signed with
// signLink(['alert', id]). GET asks to confirm; POST (the button, or a one-click client per RFC 8058) turns it
// off. A forged or altered signature is a 400 and writes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { StatusMessage } from '~/components/status-message'
import { getSavedSearchForLink, turnOffAlert } from '~/features/notifications/alerts'
import { parseId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { verifySignedLink } from '~/utils/signed-link.server'

export const meta = titleMeta
export const handle = { i18n: ['alerts'] }

function requireSignedAlert(params: { id?: string }, request: Request) {
  const id = parseId(params.id)
  const sig = new URL(request.url).searchParams.get('sig')
  if (!verifySignedLink(['alert', id], sig)) throw new Response('Bad Request', { status: 400 })
  const search = getSavedSearchForLink(id)
  if (!search) throw new Response('Not Found', { status: 404 })
  return { search, sig: sig! }
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { search, sig } = requireSignedAlert(params, request)
  return {
    name: search.name,
    isOff: search.frequency === 'off',
    formAction: `/${lang}/alerts/${search.id}/unsubscribe?sig=${sig}`,
    title: pageTitle(lang, 'unsubscribe.title', 'alerts'),
  }
}

export function action({ params, request }: ActionFunctionArgs) {
  requireLanguage(params)
  const { search } = requireSignedAlert(params, request)
  turnOffAlert(search.id)
  return { done: true as const }
}

export default function UnsubscribeAlert() {
  const { name, isOff, formAction } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useTranslation('alerts')
  return (
    <div className="page">
      <h1>{t('unsubscribe.title')}</h1>
      {result?.done ? (
        <StatusMessage>{t('unsubscribe.done', { name })}</StatusMessage>
      ) : isOff ? (
        <p>{t('unsubscribe.alreadyOff', { name })}</p>
      ) : (
        <Form method="post" action={formAction}>
          <p>{t('unsubscribe.question', { name })}</p>
          <button type="submit" className="button">
            {t('unsubscribe.submit')}
          </button>
        </Form>
      )}
    </div>
  )
}
