import { getFixedT } from './i18n.server'
import type { Language, Namespace } from './i18n'

/** "<page> · ParlNet", in the page's language. */
export function pageTitle(
  lang: Language,
  key: string,
  ns: Namespace = 'common',
  values?: Record<string, string | number>,
) {
  const t = getFixedT(lang, [ns, 'common'])
  return `${t(key, values)} · ${getFixedT(lang)('shell.siteName')}`
}
