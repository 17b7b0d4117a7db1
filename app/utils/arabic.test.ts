import { describe, expect, it } from 'vitest'
import { normalizeForSearch, searchTerms } from './arabic'

describe('normalizeForSearch', () => {
  it('finds مجلس الشورى however it is written', () => {
    const stored = normalizeForSearch('مجلس الشورى')
    for (const typed of ['الشورى', 'الشُّورَى', 'الشوري', 'الشـــورى', 'ﺍﻟﺸﻮﺭﻯ']) {
      expect(stored).toContain(normalizeForSearch(typed))
    }
  })

  it('folds alef, hamza, ya and ta marbuta variants', () => {
    expect(normalizeForSearch('أإآٱ')).toBe('اااا')
    expect(normalizeForSearch('البرلمان العربيّ')).toBe('البرلمان العربي')
    expect(normalizeForSearch('الجمعية')).toBe(normalizeForSearch('الجمعيه'))
    expect(normalizeForSearch('مسؤول')).toBe('مسوول')
    expect(normalizeForSearch('رئيس')).toBe('رييس')
    expect(normalizeForSearch('إرهاب')).toBe(normalizeForSearch('ارهاب'))
  })

  it('drops tashkeel and tatweel but keeps the letters', () => {
    expect(normalizeForSearch('مَجْلِسُ الشُّورَىٰ')).toBe('مجلس الشوري')
    expect(normalizeForSearch('بـــرلـــمـــان')).toBe('برلمان')
  })

  it('lower-cases Latin and drops accents and punctuation', () => {
    expect(normalizeForSearch('Assemblée Nationale')).toBe('assemblee nationale')
    expect(normalizeForSearch('  OSCE  Parliamentary-Assembly! ')).toBe('osce parliamentary assembly')
  })
})

describe('searchTerms', () => {
  it('splits, folds and de-duplicates', () => {
    expect(searchTerms('الشُّورَى  الشوري Council')).toEqual(['الشوري', 'council'])
    expect(searchTerms('')).toEqual([])
    expect(searchTerms('"NEAR(* -')).toEqual(['near'])
    expect(searchTerms('a b c d e f g h i j k', 3)).toEqual(['a', 'b', 'c'])
  })
})
