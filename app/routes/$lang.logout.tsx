import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { recordAuditEvent } from '~/utils/audit.server'
import { endSession, getUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { atomically } from '~/utils/transaction.server'

// Signing out is a POST (a link or a prefetch must not sign anyone out); a GET just goes home.
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${requireLanguage(params)}`)
}

export function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const user = getUser(request)
  const cookie = atomically((tx) => {
    if (user) recordAuditEvent({ actorId: user.id, action: 'logout', targetType: 'user', targetId: user.id }, tx)
    return endSession(request)
  })
  return redirectWithFlash(`/${lang}`, 'signedOut', { headers: { 'Set-Cookie': cookie } })
}
