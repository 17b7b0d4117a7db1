import { describe, expect, it } from 'vitest'
import { pageText } from './pdf-text-order.mjs'

// Items as pdf.js gives them: each item's own string in logical order, items in drawing order (left to right).
const at = (str: string, x: number, y = 700, width = str.trim() ? 6 : 0) => ({
  str,
  transform: [12, 0, 0, 12, x, y],
  width,
  hasEOL: false,
})

describe('pageText', () => {
  it('puts the glyphs of an Arabic line back in reading order, keeping Latin runs and numbers left to right', () => {
    // "في عام 2025 مع UN OCT" drawn left to right: UN OCT, مع, 2025, عام, في
    const items = [
      at('UN', 10),
      at(' ', 22, 700, 4),
      at('OCT', 26),
      at(' ', 44, 700, 4),
      at('ع', 48),
      at('ﻣ', 54),
      at(' ', 60, 700, 4),
      at('2025', 64),
      at(' ', 88, 700, 4),
      at('م', 92),
      at('ﺎ', 98),
      at('ﻋ', 104),
      at(' ', 110, 700, 4),
      at('ﻲ', 114),
      at('ﻓ', 120),
    ]
    expect(pageText(items).normalize('NFKC')).toBe('في عام 2025 مع UN OCT')
  })

  it('joins a diacritic drawn on its own to the letter drawn after it, and drops zero-width filler', () => {
    // "فِي": kasra drawn just before (left of) فـ in drawing order
    const items = [at('ﻲ', 10), at('ِ', 15.9, 699), at(' ', 16), at('ﻓ', 16)]
    expect(pageText(items).normalize('NFKC')).toBe('فِي')
  })

  it('keeps left-to-right lines as drawn and separates lines', () => {
    const items = [
      at('Parliamentary oversight', 10),
      { ...at('', 10), hasEOL: true },
      at('of counter-terrorism', 10, 680),
    ]
    expect(pageText(items)).toBe('Parliamentary oversight\nof counter-terrorism')
  })

  it('reverses an Arabic phrase of several items inside an English line', () => {
    // "المساءلة البرلمانية" drawn left to right: البرلمانية, then المساءلة
    const items = [
      at('The committee discussed ', 10),
      at('البرلمانية', 160),
      at(' ', 220, 700, 4),
      at('المساءلة', 224),
      at(' in its report.', 280),
    ]
    expect(pageText(items)).toBe('The committee discussed المساءلة البرلمانية in its report.')
  })
})
