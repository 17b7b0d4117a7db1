import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'

export type ChartFormat = 'number' | 'percent'

const percentFormats = new Map<Language, Intl.NumberFormat>()

/** A share (0–1) as "37.5%" / "٣٧٫٥٪", one decimal at most. */
export function formatShare(value: number, lang: Language) {
  let f = percentFormats.get(lang)
  if (!f) percentFormats.set(lang, (f = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })))
  return f.format(value)
}

export function formatChartValue(value: number, format: ChartFormat, lang: Language) {
  return format === 'percent' ? formatShare(value, lang) : formatNumber(value, lang)
}
