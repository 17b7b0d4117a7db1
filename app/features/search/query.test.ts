import { describe, expect, it } from 'vitest'
import { buildMatchExpression, parseSearchQuery } from './query'
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './search-params'
import { searchWords, stemText, stemWord, wordForms } from './text'
import { createHighlighter } from './snippet'

describe('parseSearchQuery', () => {
  it('folds, drops stopwords and stems each word, Arabic and English', () => {
    const q = parseSearchQuery('The PARLIAMENTS of البَرْلَمانات')
    expect(q.problem).toBeNull()
    expect(q.items).toEqual([
      { negated: false, anyOf: [{ kind: 'word', stem: 'parliament' }] },
      { negated: false, anyOf: [{ kind: 'word', stem: 'برلم' }] },
    ])
    expect(buildMatchExpression(q, 'stems')).toBe('"parliament" AND "برلم"')
  })

  it('keeps quoted phrases (straight, typographic or guillemets), without their stopwords', () => {
    const q = parseSearchQuery('"rule of law" «المقاتلين الإرهابيين» “foreign fighters”')
    expect(q.items.map((i) => i.anyOf[0])).toEqual([
      { kind: 'phrase', stems: ['rule', 'law'] },
      { kind: 'phrase', stems: ['مقاتل', 'ارهاب'] },
      { kind: 'phrase', stems: ['foreign', 'fighter'] },
    ])
    expect(buildMatchExpression(q, 'stems')).toBe('"rule law" AND "مقاتل ارهاب" AND "foreign fighter"')
    // The words index keeps no positions: a phrase becomes its words there.
    expect(buildMatchExpression(q, 'words')).toBe(
      '("rule" AND "law") AND ("مقاتل" AND "ارهاب") AND ("foreign" AND "fighter")',
    )
  })

  it('turns a trailing * into a word beginning, searched in a words index', () => {
    const q = parseSearchQuery('parliam* برلم* terrorism')
    expect(q.hasPrefix).toBe(true)
    expect(buildMatchExpression(q, 'words')).toBe('"parliam" * AND "برلم" * AND "terror"')
    expect(() => buildMatchExpression(q, 'stems')).toThrow()
    expect(q.highlight).toEqual({ stems: ['terror'], prefixes: ['parliam', 'برلم'] })
  })

  it('searches a too-short beginning as a whole word', () => {
    const q = parseSearchQuery('un*')
    expect(q.hasPrefix).toBe(false)
    expect(q.items[0]!.anyOf[0]).toEqual({ kind: 'word', stem: 'un' })
  })

  it('understands OR between items, and -word or NOT word as exclusions', () => {
    const q = parseSearchQuery('youth OR women -online NOT prisons')
    expect(buildMatchExpression(q, 'stems')).toBe('("youth" OR "women") NOT ("onlin" OR "prison")')
    // Lower-case "or" and "and" are words (stopwords), not operators.
    expect(parseSearchQuery('youth or women').items).toHaveLength(2)
  })

  it('joins words that punctuation splits into a phrase: counter-terrorism', () => {
    const q = parseSearchQuery('counter-terrorism')
    expect(q.items[0]!.anyOf[0]).toEqual({ kind: 'phrase', stems: ['counter', 'terror'] })
  })

  it('treats Arabic-Indic digits as digits', () => {
    expect(parseSearchQuery('٢١٧٨').items[0]!.anyOf[0]).toEqual({ kind: 'word', stem: '2178' })
  })

  it('drops repeated items', () => {
    expect(parseSearchQuery('terrorism terrorist terrorism').items).toHaveLength(2)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['"', 'noWords'],
    ['*', 'noWords'],
    ['-', 'noWords'],
    ['?!،؛…', 'noWords'],
    ['🙂🙂', 'noWords'],
    ['NEAR(', null],
    ['AND OR NOT', 'noWords'],
    ['the of and', 'onlyCommonWords'],
    ['في من', 'onlyCommonWords'],
    ['-terrorism', 'onlyExclusions'],
  ])('answers %j with problem %j and never throws', (input, problem) => {
    const q = parseSearchQuery(input)
    expect(q.problem).toBe(problem)
    if (problem) expect(q.items).toEqual([])
    else expect(buildMatchExpression(q, 'stems')).toBe('"near"')
  })

  it('never lets FTS5 syntax through: every term is quoted', () => {
    for (const input of [
      'NEAR(a b, 2)',
      'title:secret',
      '{title}: x',
      'a"b',
      '^start',
      'x + y',
      '(a OR b',
      'a AND',
      "o'brien",
    ]) {
      const q = parseSearchQuery(input)
      const expr = q.problem ? null : buildMatchExpression(q, q.hasPrefix ? 'words' : 'stems')
      if (expr) {
        // Outside quoted strings only our own operators, parentheses, braces and stars remain.
        const outside = expr.replace(/"(?:[^"]|"")*"/g, '')
        expect(outside, input).toMatch(/^[\s()*:{}A-Za-z]*$/)
        expect(outside.replace(/\b(AND|OR|NOT)\b/g, '').replace(/[\s()*]/g, ''), input).toBe('')
      }
    }
  })

  it('caps long queries and says so', () => {
    const long = parseSearchQuery('x'.repeat(5000))
    expect(long.capped).toBe(true)
    expect(long.items).toEqual([])
    expect(long.problem).toBe('noWords') // one word longer than any indexed word
    const many = parseSearchQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '))
    expect(many.capped).toBe(true)
    expect(many.items).toHaveLength(MAX_QUERY_TERMS)
    const phrase = parseSearchQuery(`"${Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')}"`)
    expect(phrase.capped).toBe(true)
    expect(phrase.items[0]!.anyOf[0]).toMatchObject({ kind: 'phrase', stems: expect.any(Array) })
    expect((phrase.items[0]!.anyOf[0] as { stems: string[] }).stems).toHaveLength(MAX_QUERY_TERMS)
    expect([...'ب'.repeat(MAX_QUERY_LENGTH + 10)].length).toBeGreaterThan(MAX_QUERY_LENGTH)
    expect(parseSearchQuery('مجلس '.repeat(200)).capped).toBe(true)
    expect(parseSearchQuery('مجلس الشورى').capped).toBe(false)
  })
})

describe('search text', () => {
  it('indexes stems in order and word beginnings as forms', () => {
    expect(stemText('The Parliaments of the World: البرلمانات العربية')).toBe('parliament world برلم عرب')
    const words = searchWords('البرلمانات parliaments')
    expect([...wordForms(words)]).toEqual(['البرلمانات', 'برلمانات', 'parliaments'])
    expect([...wordForms(words, { stems: true })]).toEqual([
      'البرلمانات',
      'برلمانات',
      'برلم',
      'parliaments',
      'parliament',
    ])
  })

  it('stems English with Porter and leaves numbers alone', () => {
    expect(stemWord('financing')).toBe('financ')
    expect(stemWord('2462')).toBe('2462')
  })

  it('highlights words by stem and by beginning, whatever their diacritics', () => {
    const { isMatch } = createHighlighter(parseSearchQuery('البرلمانات parliam*').highlight)
    expect(isMatch('برلمان')).toBe(true)
    expect(isMatch('البرلمانيه')).toBe(true)
    expect(isMatch('parliamentary')).toBe(true)
    expect(isMatch('parliament')).toBe(true)
    expect(isMatch('مجلس')).toBe(false)
  })
})
