import { describe, expect, it } from 'vitest'
import { parseSearchQuery } from './query'
import { createHighlighter, markWords, mayMatch, openingSegments, snippetSegments, textLanguage } from './snippet'

const highlighter = createHighlighter(parseSearchQuery('parliament').highlight)
const text = (segments: { text: string }[] | null) => segments?.map((s) => s.text).join('') ?? null

describe('markWords', () => {
  it('marks every matching word of a title and keeps the rest as it is', () => {
    expect(markWords('Parliaments, parliament and assemblies', highlighter)).toEqual([
      { text: 'Parliaments', mark: true },
      { text: ', ', mark: false },
      { text: 'parliament', mark: true },
      { text: ' and assemblies', mark: false },
    ])
    expect(markWords('Nothing to see', highlighter)).toEqual([{ text: 'Nothing to see', mark: false }])
    expect(markWords('Title', null)).toEqual([{ text: 'Title', mark: false }])
  })

  it('marks Arabic words written with diacritics, by stem and by beginning', () => {
    const arabic = createHighlighter(parseSearchQuery('البرلمانات حقو*').highlight)
    expect(
      markWords('دور البَرْلَمَانِ في حماية الحقوق', arabic)
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['البَرْلَمَانِ', 'الحقوق'])
  })
})

describe('snippetSegments', () => {
  it('keeps about 30 words around the first match, with … where the text goes on, white space tidied', () => {
    const long = `${'one two three four five six seven eight nine ten '.repeat(5)}the\nparliament\n\nvoted.${' eleven twelve'.repeat(30)}`
    const joined = text(snippetSegments(long, highlighter))!
    expect(joined.startsWith('… ')).toBe(true)
    expect(joined.endsWith(' …')).toBe(true)
    expect(joined).toContain('the parliament voted.')
    expect(joined.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length).toBeLessThanOrEqual(30)
  })

  it('starts at the beginning of a short text and keeps its last punctuation', () => {
    expect(text(snippetSegments('The parliament voted.', highlighter))).toBe('The parliament voted.')
  })

  it('answers null when nothing matches, and skips such texts cheaply', () => {
    expect(snippetSegments('nothing here', highlighter)).toBeNull()
    expect(mayMatch('nothing here', highlighter)).toBe(false)
    expect(mayMatch('PARLIAMENTARY work', highlighter)).toBe(true)
  })

  it('never returns markup: text stays text', () => {
    const segments = snippetSegments('<b>parliament</b> & <script>x</script>', highlighter)!
    expect(segments.find((s) => s.mark)?.text).toBe('parliament')
    expect(text(segments)).toContain('<script>')
  })
})

describe('openingSegments and textLanguage', () => {
  it('gives the first 30 words', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')
    const joined = text(openingSegments(words))!
    expect(joined.startsWith('w0 w1')).toBe(true)
    expect(joined.endsWith('w29 …')).toBe(true)
    expect(openingSegments('  ')).toBeNull()
  })

  it('tells Arabic text from English', () => {
    expect(textLanguage('تقرير عن الرقابة البرلمانية (2021)')).toBe('ar')
    expect(textLanguage('A report on oversight, 2021')).toBe('en')
  })
})
