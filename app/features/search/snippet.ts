// Highlighting and snippets of the library's results, built from the original text (the index holds only
// folded stems): the words whose folded stem is a query stem, or whose folded form begins with a query's
// word beginning, are marked. Pure: segments are rendered with <mark> by React, never as HTML.
import { isArabicWord } from './arabic-stem'
import type { Language } from '~/utils/i18n'
import type { ParsedQuery } from './query'
import { bareWord, foldedText, foldedWords, MAX_WORD_LENGTH, STOPWORDS, stemWord } from './text'

/** Text with the words that match the query marked. */
export type Segment = { text: string; mark: boolean }

/** What a query highlights: a test for one folded word, and substrings a matching text must contain. */
export type Highlighter = { isMatch: (folded: string) => boolean; needles: string[] }

export function createHighlighter(query: ParsedQuery['highlight']): Highlighter {
  const stems = new Set(query.stems)
  const prefixes = query.prefixes
  const isMatch = (folded: string) => {
    if (!folded || folded.length > MAX_WORD_LENGTH) return false
    if (stems.size && !STOPWORDS.has(folded) && stems.has(stemWord(folded))) return true
    if (prefixes.length) {
      const bare = bareWord(folded)
      return prefixes.some((p) => folded.startsWith(p) || bare.startsWith(p))
    }
    return false
  }
  // A stem is part of the folded word it comes from, but for Porter's last letter (happy → happi): the
  // stem without its last letter is, and so is a word beginning. A text without any of them cannot match.
  const needles = [...query.stems.map((s) => (s.length > 3 ? s.slice(0, -1) : s)), ...prefixes]
  return { isMatch, needles }
}

/** A cheap test that skips most texts without a match (one fold of the whole text, then substring searches). */
export function mayMatch(text: string, highlighter: Highlighter) {
  if (!text) return false
  // The needles are letters and digits: folding the text is enough, its words need not be cut out (foldedText).
  const folded = foldedText(text)
  return highlighter.needles.some((n) => folded.includes(n))
}

/** A word as displayed text has it: letters, digits, their marks (tashkeel) and tatweel. */
const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu
export const SNIPPET_WORDS = 30
const WORDS_BEFORE_MATCH = 8
/** A long text (a PDF's) is read this far for a snippet. */
export const SNIPPET_SCAN_CHARS = 20_000

const foldCache = new Map<string, string[]>()
function foldedPieces(word: string) {
  let pieces = foldCache.get(word)
  if (!pieces) {
    pieces = foldedWords(word)
    if (foldCache.size > 100_000) foldCache.clear()
    foldCache.set(word, pieces)
  }
  return pieces
}

function wordMatches(word: string, isMatch: Highlighter['isMatch']) {
  return foldedPieces(word).some(isMatch)
}

/** Every matching word of a short text marked (a title). */
export function markWords(text: string, highlighter: Highlighter | null): Segment[] {
  if (!highlighter || !mayMatch(text, highlighter)) return text ? [{ text, mark: false }] : []
  const segments: Segment[] = []
  let last = 0
  for (const m of text.matchAll(WORD)) {
    if (!wordMatches(m[0], highlighter.isMatch)) continue
    if (m.index > last) segments.push({ text: text.slice(last, m.index), mark: false })
    segments.push({ text: m[0], mark: true })
    last = m.index + m[0].length
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false })
  return segments
}

type Span = { start: number; end: number; mark: boolean }

/**
 * About 30 words of `text` around its first matching word, matching words marked, with "…" where the text
 * goes on; null when no word matches. Only the first SNIPPET_SCAN_CHARS characters are read.
 */
export function snippetSegments(text: string, highlighter: Highlighter): Segment[] | null {
  const source = text.length > SNIPPET_SCAN_CHARS ? text.slice(0, SNIPPET_SCAN_CHARS) : text
  if (!mayMatch(source, highlighter)) return null
  let spans: Span[] = []
  let dropped = 0
  let first = -1
  for (const m of source.matchAll(WORD)) {
    const mark = wordMatches(m[0], highlighter.isMatch)
    spans.push({ start: m.index, end: m.index + m[0].length, mark })
    if (mark && first < 0) first = spans.length - 1
    if (first >= 0 && spans.length >= first + SNIPPET_WORDS) break
    // Before the first match only the last few words are kept.
    if (first < 0 && spans.length > WORDS_BEFORE_MATCH * 8) {
      dropped += spans.length - WORDS_BEFORE_MATCH
      spans = spans.slice(-WORDS_BEFORE_MATCH)
    }
  }
  if (first < 0) return null
  const from = Math.max(0, first - WORDS_BEFORE_MATCH)
  const window = spans.slice(from, from + SNIPPET_WORDS)
  const end = window.at(-1)!.end
  const more = end < text.length && /[\p{L}\p{N}]/u.test(text.slice(end, end + 200))
  return segmentsOf(source, window, dropped + from > 0, more)
}

/** The opening words of a text, unmarked (for a resource whose match is in its title or keywords). */
export function openingSegments(text: string): Segment[] | null {
  const spans: Span[] = []
  for (const m of text.matchAll(WORD)) {
    spans.push({ start: m.index, end: m.index + m[0].length, mark: false })
    if (spans.length > SNIPPET_WORDS) break
  }
  if (!spans.length) return null
  return segmentsOf(text, spans.slice(0, SNIPPET_WORDS), false, spans.length > SNIPPET_WORDS)
}

/** Collapses runs of white space (PDF text is full of line breaks) for display. */
function tidy(text: string) {
  return text.replace(/\s+/g, ' ')
}

function segmentsOf(source: string, window: Span[], before: boolean, after: boolean): Segment[] {
  const segments: Segment[] = []
  const push = (text: string, mark: boolean) => {
    if (!text) return
    const previous = segments.at(-1)
    if (previous && !previous.mark && !mark) previous.text += text
    else segments.push({ text, mark })
  }
  if (before) push('… ', false)
  window.forEach((span, i) => {
    if (i > 0) push(tidy(source.slice(window[i - 1]!.end, span.start)), false)
    push(source.slice(span.start, span.end), span.mark)
  })
  // The punctuation right after the last word (a full stop, a closing bracket) stays.
  push(/^[^\s\p{L}\p{N}]{1,3}/u.exec(source.slice(window.at(-1)!.end))?.[0] ?? '', false)
  if (after) push(' …', false)
  return segments
}

/** Arabic or English, by the letters of the text's beginning (for files whose language nobody gave). */
export function textLanguage(text: string): Language {
  let arabic = 0
  let latin = 0
  for (const ch of text.slice(0, 400)) {
    if (isArabicWord(ch)) arabic++
    else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) latin++
  }
  return arabic > latin ? 'ar' : 'en'
}
