import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { logout } from '~/features/accounts/sign-in.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'

// Signing out is a POST (a link or a prefetch must not sign anyone out); a GET just goes home.
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${requireLanguage(params)}`)
}

export function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  return redirectWithFlash(`/${lang}`, 'signedOut', { headers: { 'Set-Cookie': logout(request) } })
}
