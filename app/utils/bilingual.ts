import type { Language } from './i18n'

/**
 * Picks the viewer's language from a bilingual pair and falls back to the other one; `lang` is set only
 * when falling back, so the element can carry it (`<span lang={lang}>`).
 */
export function pickLanguage(
  pair: { en: string | null | undefined; ar: string | null | undefined },
  lang: Language,
): { text: string; lang: Language | undefined } {
  const own = lang === 'ar' ? pair.ar : pair.en
  if (own) return { text: own, lang: undefined }
  const other: Language = lang === 'ar' ? 'en' : 'ar'
  return { text: (other === 'ar' ? pair.ar : pair.en) ?? '', lang: other }
}
