import { boundedSearch } from './query-string'
/** Languages, directions and namespaces shared by the browser and the server. */
export const languages = ['en', 'ar'] as const
export type Language = (typeof languages)[number]
export const fallbackLanguage: Language = 'en'
export const namespaces = [
  'common',
  'auth',
  'admin',
  'network',
  'members',
  'mechanisms',
  'stats',
  'library',
  'meetings',
  'agenda',
  'participation',
  'calendar',
  'programmes',
  'requests',
  'coordination',
  'partners',
  'womenYouth',
  'drafts',
  'surveys',
  'groups',
  'notifications',
  'alerts',
] as const
export type Namespace = (typeof namespaces)[number]

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'ar'
}

export function directionOf(lang: Language) {
  return lang === 'ar' ? 'rtl' : 'ltr'
}

/** The same path in another language: /en/account?x=1 → /ar/account?x=1 */
export function switchLanguagePath(pathname: string, search: string, lang: Language) {
  const rest = pathname.replace(/^\/[^/]*/, '')
  return `/${lang}${rest}${boundedSearch(search)}`
}

/** The language named by a URL's first segment, if it is one of ours. */
export function languageFromPath(pathname: string): Language | null {
  const first = pathname.split('/')[1]
  return isLanguage(first) ? first : null
}
