// The List-Unsubscribe address of every notification mail (RFC 8058). POST is the one-click unsubscribe a mail
// provider sends (no session, no Origin: the signature is the check); GET — a person following the link — goes to
// the confirmation page in the mail's language. A forged signature → 400, nothing written.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { applyUnsubscribe, readUnsubscribeLink } from '~/features/notifications/unsubscribe.server'

function linkParams(request: Request) {
  return new URL(request.url).searchParams
}

export function loader({ request }: LoaderFunctionArgs) {
  const params = linkParams(request)
  const lang = params.get('lang') === 'ar' ? 'ar' : 'en'
  const q = new URLSearchParams()
  for (const name of ['u', 'k', 's']) q.set(name, params.get(name) ?? '')
  return redirect(`/${lang}/unsubscribe?${q}`)
}

export function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 })
  const link = readUnsubscribeLink(linkParams(request))
  if (!link) return new Response('Bad Request: invalid unsubscribe link', { status: 400 })
  applyUnsubscribe(link)
  return new Response('Unsubscribed', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
