import type { Language } from './i18n'

// Intl formatters are costly to build; keep one per language and style.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function formatNumber(value: number, lang: Language) {
  let f = numberFormats.get(lang)
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)))
  return f.format(value)
}

export function formatDate(value: Date | number, lang: Language, style: 'date' | 'dateTime' = 'date') {
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

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
const byteFormats = new Map<string, Intl.NumberFormat>()

/** A file size in the page's language ("2.4 MB", "٢٫٤ ميغابايت" style per CLDR), decimal units. */
export function formatBytes(bytes: number, lang: Language) {
  let i = 0
  let value = bytes
  while (value >= 1000 && i < byteUnits.length - 1) {
    value /= 1000
    i++
  }
  const unit = byteUnits[i]!
  const key = `${lang}:${unit}`
  let f = byteFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })
    byteFormats.set(key, f)
  }
  return f.format(value)
}
