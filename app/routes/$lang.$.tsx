import { requireLanguage } from '~/utils/lang.server'
import type { LoaderFunctionArgs } from '@remix-run/node'

/** Any unknown page under a language: the localized 404. */
export function loader({ params }: LoaderFunctionArgs) {
  requireLanguage(params)
  throw new Response('Not Found', { status: 404 })
}

export const handle = { i18n: [] }

export default function NotFound() {
  return null
}
