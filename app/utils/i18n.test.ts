import { describe, expect, it } from 'vitest'
import { directionOf, isLanguage, languageFromPath, switchLanguagePath } from './i18n'

describe('switchLanguagePath', () => {
  it('keeps the path and the query', () => {
    expect(switchLanguagePath('/en/account', '?x=1', 'ar')).toBe('/ar/account?x=1')
    expect(switchLanguagePath('/ar/resources/42', '?page=2&q=%D8%A8', 'en')).toBe('/en/resources/42?page=2&q=%D8%A8')
  })

  it('switches the home page', () => {
    expect(switchLanguagePath('/en', '', 'ar')).toBe('/ar')
    expect(switchLanguagePath('/en/', '', 'ar')).toBe('/ar/')
  })

  it('keeps the language when it is already the one asked for', () => {
    expect(switchLanguagePath('/ar/meetings', '', 'ar')).toBe('/ar/meetings')
  })

  it('replaces only the first segment', () => {
    expect(switchLanguagePath('/en/about/en', '', 'ar')).toBe('/ar/about/en')
  })
})

describe('languageFromPath', () => {
  it.each([
    ['/en', 'en'],
    ['/ar', 'ar'],
    ['/en/account', 'en'],
    ['/ar/resources/42', 'ar'],
    ['/', null],
    ['', null],
    ['/fr/account', null],
    ['/english', null],
    ['/EN/account', null],
    ['/healthz', null],
    ['/resources/en', null],
  ] as const)('%j → %s', (path, lang) => {
    expect(languageFromPath(path)).toBe(lang)
  })
})

describe('isLanguage and directionOf', () => {
  it('knows only en and ar, and Arabic is right-to-left', () => {
    expect(isLanguage('en')).toBe(true)
    expect(isLanguage('ar')).toBe(true)
    expect(isLanguage('fr')).toBe(false)
    expect(isLanguage(undefined)).toBe(false)
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('en')).toBe('ltr')
  })
})
