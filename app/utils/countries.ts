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

const optionsCache = new Map<string, { code: string; name: string }[]>()

/** Codes with their names, sorted as the language sorts them (kept: the list rarely changes, sorting is costly). */
export function countryOptions(codes: string[], lang: Language) {
  const key = `${lang}:${codes.join(',')}`
  let options = optionsCache.get(key)
  if (!options) {
    const collator = new Intl.Collator(lang)
    options = codes
      .map((code) => ({ code, name: countryName(code, lang) }))
      .sort((a, b) => collator.compare(a.name, b.name))
    if (optionsCache.size > 50) optionsCache.clear()
    optionsCache.set(key, options)
  }
  return options
}
