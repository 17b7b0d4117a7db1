import type { Params } from '@remix-run/react'
import { isLanguage, type Language } from './i18n'

/** The page's language from the `$lang` segment; any other value is a 404. */
export function requireLanguage(params: Params): Language {
  if (!isLanguage(params.lang)) throw new Response('Not Found', { status: 404 })
  return params.lang
}

export function clientIp(context: { clientIp?: string }) {
  return context.clientIp ?? 'unknown'
}

/** The language a visitor last browsed in (a plain cookie; no personal data). */
export function readLanguageCookie(request: Request): Language | null {
  const value = /(?:^|;\s*)lang=(en|ar)\b/.exec(request.headers.get('Cookie') ?? '')?.[1]
  return isLanguage(value) ? value : null
}

export function serializeLanguageCookie(lang: Language) {
  return `lang=${lang}; Path=/; SameSite=Lax; Max-Age=31536000`
}

/** `?page=` as a positive whole number (anything else is page 1). */
export function readPage(request: Request) {
  const n = Number(new URL(request.url).searchParams.get('page'))
  return Number.isInteger(n) && n > 0 && n < 1e6 ? n : 1
}
