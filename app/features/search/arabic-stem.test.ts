import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeForSearch } from '~/utils/arabic'
import { isArabicWord, stemArabic, stripArabicPrefixes } from './arabic-stem'

/** Folds, then stems: what the search does to every Arabic word. */
const stem = (word: string) => stemArabic(normalizeForSearch(word))

describe('stemArabic (light10)', () => {
  it('finds the singular from the plural and the adjective: البرلمانات, البرلمان, برلماني → one stem', () => {
    const forms = [
      'البرلمانات',
      'البرلمان',
      'برلمان',
      'برلمانات',
      'البرلمانية',
      'برلماني',
      'البرلمانيين',
      'والبرلمانات',
      'للبرلمان',
      'بالبرلمان',
    ]
    expect(new Set(forms.map(stem))).toEqual(new Set(['برلم']))
  })

  it('removes each definite article with its proclitic when two letters stay', () => {
    expect(stem('الإرهاب')).toBe('ارهاب')
    expect(stem('والإرهاب')).toBe('ارهاب')
    expect(stem('بالإرهاب')).toBe('ارهاب')
    expect(stem('كالإرهاب')).toBe('ارهاب')
    expect(stem('فالإرهاب')).toBe('ارهاب')
    expect(stem('للإرهاب')).toBe('ارهاب')
    // Too short to lose its article: nothing would be left.
    expect(stripArabicPrefixes('الي')).toBe('الي')
  })

  it('removes و only when three letters stay', () => {
    expect(stripArabicPrefixes('وزراء')).toBe('زراء')
    expect(stripArabicPrefixes('ولد')).toBe('ولد')
  })

  it('applies the suffixes to the folded form (ية is يه, ة is ه after normalisation)', () => {
    expect(normalizeForSearch('الإرهابية')).toBe('الارهابيه')
    expect(stem('الإرهابية')).toBe('ارهاب')
    expect(stem('إرهابي')).toBe('ارهاب')
    expect(stem('مكافحة')).toBe('مكافح')
    expect(stem('الدولية')).toBe('دول')
    expect(stem('دولة')).toBe('دول')
    expect(stem('المقاتلين')).toBe('مقاتل')
    expect(stem('المقاتلون')).toBe('مقاتل')
    expect(stem('الجماعات')).toBe('جماع')
    expect(stem('قراراتها')).toBe('قرار')
  })

  it('ignores diacritics and letter variants, since it works on folded words', () => {
    expect(stem('الإِرْهَابِيَّة')).toBe(stem('الارهابيه'))
    expect(stem('البَرْلَمَانَاتُ')).toBe('برلم')
    expect(stem('مُسْتَوى')).toBe(stem('مستوي'))
  })

  it('never leaves fewer than two letters', () => {
    for (const w of ['ان', 'هي', 'وه', 'بين', 'اين', 'ها', 'ات']) {
      expect(stemArabic(w).length, w).toBeGreaterThanOrEqual(2)
    }
    expect(stemArabic('')).toBe('')
  })

  it('tells Arabic words from others', () => {
    expect(isArabicWord('برلمان')).toBe(true)
    expect(isArabicWord('parliament')).toBe(false)
    expect(isArabicWord('2178')).toBe(false)
  })
})

// Real prose: the Arabic chapters of the Open Election Data Initiative guide and the UDHR (../shared/data/arabic,
// see its SOURCES.md). Not part of the repository: skipped, saying so, where the folder is absent.
const arabicDir = path.resolve('..', 'shared', 'data', 'arabic')
const guideDir = path.join(arabicDir, 'oedi', 'ar')
const hasCorpus = fs.existsSync(guideDir) && fs.existsSync(path.join(arabicDir, 'udhr', 'arb.txt'))
if (!hasCorpus) console.log(`arabic-stem: skipped the real-text tests, ${arabicDir} is absent`)

describe.skipIf(!hasCorpus)('stemArabic on real Arabic prose (../shared/data/arabic)', () => {
  const text = hasCorpus
    ? [
        ...fs
          .readdirSync(guideDir)
          .filter((f) => f.endsWith('.md'))
          .map((f) => fs.readFileSync(path.join(guideDir, f), 'utf8')),
        fs.readFileSync(path.join(arabicDir, 'udhr', 'arb.txt'), 'utf8'),
      ].join('\n')
    : ''
  const words = [...new Set(text.split(/[^\p{L}\p{M}\u0640]+/u).filter((w) => isArabicWord(w)))]

  /** The written forms of the text that contain `root` (folded), without a bare ب, ل or ك before it. */
  function family(root: string) {
    return words.filter((w) => {
      const folded = normalizeForSearch(w)
      const at = folded.indexOf(root)
      if (at < 0) return false
      const before = folded.slice(0, at)
      // light10 strips و, ال and its proclitics (وال بال كال فال لل), not a bare ب, ل or ك.
      return ['', 'و', 'ال', 'وال', 'بال', 'كال', 'فال', 'لل'].includes(before)
    })
  }

  it('has enough words to test with', () => {
    expect(words.length).toBeGreaterThan(2000)
  })

  it.each([
    ['انتخاب', 'انتخاب', 6],
    ['مراقب', 'مراقب', 5],
    ['حقوق', 'حقوق', 4],
    ['برلمان', 'برلم', 2],
  ])('every form of %s found in the text stems to %s', (root, expected, atLeast) => {
    const forms = family(root).filter((w) => {
      // Only the light suffixes: forms such as حقوقهم (هم is not one of light10's) stay apart, by design.
      const rest = normalizeForSearch(w).split(root)[1] ?? ''
      return ['', 'ات', 'ه', 'يه', 'ي', 'ين', 'ون', 'ها', 'ان', 'يين', 'يون'].includes(rest)
    })
    expect(forms.length, forms.join(' ')).toBeGreaterThanOrEqual(atLeast)
    for (const form of forms) expect(stem(form), form).toBe(expected)
  })

  it('stems the same word the same way with and without its diacritics', () => {
    const withMarks = words.filter((w) => /[\u064B-\u0652]/.test(w))
    expect(withMarks.length).toBeGreaterThan(20)
    for (const w of withMarks) {
      const bare = w.replace(/[\u064B-\u0652\u0670\u0640]/g, '')
      expect(stem(w), w).toBe(stem(bare))
    }
  })

  it('never returns an empty or one-letter stem for a word of two letters or more', () => {
    for (const w of words) {
      const folded = normalizeForSearch(w)
      if (folded.length >= 2 && !folded.includes(' ')) expect(stemArabic(folded).length, w).toBeGreaterThanOrEqual(2)
    }
  })
})
