import type { Language } from './i18n'

// Country names come from the platform's CLDR data (Intl.DisplayNames): correct in Arabic and English,
// no extra download.
const displayNames = new Map<Language, Intl.DisplayNames>()

export function countryName(code: string, lang: Language) {
  let names = displayNames.get(lang)
  if (!names) displayNames.set(lang, (names = new Intl.DisplayNames(lang, { type: 'region' })))
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** Codes with their names, sorted as the language sorts them. */
export function countryOptions(codes: string[], lang: Language) {
  const collator = new Intl.Collator(lang)
  return codes
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name))
}
