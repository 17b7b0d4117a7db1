import { describe, expect, it } from 'vitest'
import {
  boundedSearch,
  firstValues,
  MAX_PARAM_LENGTH,
  MAX_PARAMS,
  MAX_SEARCH_LENGTH,
  readListQuery,
  readSearchText,
} from './query-string'
import { switchLanguagePath } from './i18n'

const emoji = '😀'.repeat(50_000)
const zwjFamilies = '👨‍👩‍👧‍👦'.repeat(10_000)
const marks = 'a' + '\u0301'.repeat(100_000)

describe('readSearchText', () => {
  it('keeps a normal search as typed (NFC, ends trimmed)', () => {
    expect(readSearchText('  برلمان  ')).toEqual({ text: 'برلمان', shortened: false })
    expect(readSearchText('cafe\u0301')).toEqual({ text: 'café', shortened: false })
    expect(readSearchText('x'.repeat(MAX_SEARCH_LENGTH))).toEqual({
      text: 'x'.repeat(MAX_SEARCH_LENGTH),
      shortened: false,
    })
  })
  it('reads controls (NUL included) as spaces', () => {
    expect(readSearchText('a\u0000b\u001Fc')).toEqual({ text: 'a b c', shortened: false })
  })
  it('bounds the hostile ones to their first characters and says so', () => {
    for (const raw of [emoji, zwjFamilies, marks, 'x'.repeat(MAX_SEARCH_LENGTH + 1)]) {
      const { text, shortened } = readSearchText(raw)
      expect(shortened).toBe(true)
      expect([...text].length).toBeLessThanOrEqual(MAX_SEARCH_LENGTH)
      expect(text.length).toBeGreaterThan(0)
    }
  })
  it('never cuts a surrogate pair in two', () => {
    const { text } = readSearchText(emoji)
    expect(text).toBe('😀'.repeat(MAX_SEARCH_LENGTH))
    expect(/[\uD800-\uDFFF]/.test(text.replace(/😀/g, ''))).toBe(false)
  })
  it('takes only strings', () => {
    expect(readSearchText(undefined)).toEqual({ text: '', shortened: false })
    expect(readSearchText(['a'])).toEqual({ text: '', shortened: false })
  })
})

describe('boundedSearch', () => {
  it('leaves an ordinary query string alone', () => {
    expect(boundedSearch('?q=%D8%A8&page=2')).toBe('?q=%D8%A8&page=2')
    expect(boundedSearch('')).toBe('')
    expect(boundedSearch('?')).toBe('')
  })
  it('bounds every value and the number of entries', () => {
    const long = boundedSearch(`?q=${encodeURIComponent(emoji)}&page=2`)
    const params = new URLSearchParams(long)
    expect([...params.get('q')!].length).toBe(MAX_PARAM_LENGTH)
    expect(params.get('page')).toBe('2')
    const many = boundedSearch('?' + Array.from({ length: 500 }, (_, i) => `k${i}=v`).join('&'))
    expect([...new URLSearchParams(many)].length).toBe(MAX_PARAMS)
  })
  it('is what the language switch carries', () => {
    const href = switchLanguagePath('/en/members', `?q=${encodeURIComponent(marks)}`, 'ar')
    expect(href.length).toBeLessThan(2_000)
    expect(href.startsWith('/ar/members?q=')).toBe(true)
  })
})

describe('firstValues', () => {
  it('keeps the first value of a repeated key, as URLSearchParams.get does', () => {
    const params = new URLSearchParams('q=first&kind=law&q=second&page=2&page=3')
    expect(firstValues(params)).toEqual({ q: 'first', kind: 'law', page: '2' })
    expect(firstValues(params).q).toBe(params.get('q'))
  })
  it('keeps empty values and odd keys as own properties', () => {
    const values = firstValues(new URLSearchParams('q=&constructor=x&__proto__=y'))
    expect(values.q).toBe('')
    expect(Object.keys(values)).toEqual(['q', 'constructor', '__proto__'])
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype)
  })
  it('is empty for an empty query string', () => {
    expect(firstValues(new URLSearchParams(''))).toEqual({})
  })
})

describe('readListQuery', () => {
  const schema = { parse: (input: unknown) => ({ ...(input as Record<string, string>) }) }
  it("parses each key's first value and says whether the search was shortened", () => {
    const long = 'x'.repeat(MAX_SEARCH_LENGTH + 1)
    expect(readListQuery(new URLSearchParams(`q=short&q=${long}&kind=law`), schema)).toEqual({
      query: { q: 'short', kind: 'law' },
      shortened: false,
    })
    expect(readListQuery(new URLSearchParams(`q=${long}&q=short`), schema).shortened).toBe(true)
    expect(readListQuery(new URLSearchParams(''), schema)).toEqual({ query: {}, shortened: false })
  })
})
