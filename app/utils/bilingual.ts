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

/**
 * The language to mark a free-text value with (a city, a room, a host's name) when it is not in the page's
 * language: Arabic when it holds Arabic letters, else English — undefined when it matches the page.
 */
export function textLanguage(text: string, page: Language): Language | undefined {
  const lang: Language = /[\u0600-\u06FF]/.test(text) ? 'ar' : 'en'
  return lang === page || !/\p{L}/u.test(text) ? undefined : lang
}
