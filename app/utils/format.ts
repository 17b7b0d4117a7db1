import type { Language } from './i18n'

// Intl formatters are costly to build; keep one per language and style.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatNumber(value: number, lang: Language) {
  let f = numberFormats.get(lang)
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)))
  return f.format(value)
}

export function formatDate(
  value: Date | number,
  lang: Language,
  style: 'date' | 'dateTime' = 'date',
) {
  const key = `${lang}:${style}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      ...(style === 'dateTime' ? { timeStyle: 'short' } : {}),
      timeZone: 'UTC',
    })
    dateFormats.set(key, f)
  }
  return f.format(value)
}
