import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { readLanguageCookie, requireLanguage, serializeLanguageCookie } from '~/utils/lang.server'

/** Every page lives under /en or /ar; this layout rejects any other prefix and remembers the choice. */
export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const headers = new Headers()
  if (readLanguageCookie(request) !== lang) headers.append('Set-Cookie', serializeLanguageCookie(lang))
  return data(null, { headers })
}

export const handle = { i18n: [] }

export default function LanguageLayout() {
  return <Outlet />
}
