import { describe, expect, it } from 'vitest'
import { pickLanguage } from './bilingual'

describe('pickLanguage', () => {
  const both = { en: 'Parliament of Jordan', ar: 'مجلس الأمة الأردني' }

  it("gives the viewer's language, unmarked, when it exists", () => {
    expect(pickLanguage(both, 'en')).toEqual({ text: 'Parliament of Jordan', lang: undefined })
    expect(pickLanguage(both, 'ar')).toEqual({ text: 'مجلس الأمة الأردني', lang: undefined })
  })

  it('falls back to the other language and marks it', () => {
    expect(pickLanguage({ en: 'Only English', ar: '' }, 'ar')).toEqual({ text: 'Only English', lang: 'en' })
    expect(pickLanguage({ en: null, ar: 'بالعربية فقط' }, 'en')).toEqual({ text: 'بالعربية فقط', lang: 'ar' })
    expect(pickLanguage({ en: 'Only English', ar: undefined }, 'ar')).toEqual({ text: 'Only English', lang: 'en' })
    expect(pickLanguage({ en: '', ar: 'بالعربية فقط' }, 'en')).toEqual({ text: 'بالعربية فقط', lang: 'ar' })
  })

  it('gives an empty string when neither language has text', () => {
    expect(pickLanguage({ en: null, ar: null }, 'en').text).toBe('')
    expect(pickLanguage({ en: '', ar: undefined }, 'ar').text).toBe('')
  })
})
