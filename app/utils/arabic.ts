// Folding text for search, so that people find names however they spell them.
//
// Arabic: tashkeel (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel are dropped;
// أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي. Latin: lower case, accents dropped (Assemblée → assemblee).
// The same function runs when a record is stored and when a query is typed.

const TASHKEEL_AND_TATWEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g
const LATIN_MARKS = /[\u0300-\u036f]/g
const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
}
const FOLD_RE = /[أإآٱىةؤئ]/g

/**
 * Every step of normalizeForSearch but the last: letters folded, marks dropped, lower case; punctuation and
 * spaces still there. For code that splits the words itself (the library's indexing, app/features/search/text.ts).
 */
export function foldLetters(text: string) {
  return text
    .normalize('NFKC') // presentation forms (ﻻ, ﺍ…) become ordinary letters
    .replace(TASHKEEL_AND_TATWEEL, '')
    .replace(FOLD_RE, (c) => FOLD[c]!)
    .normalize('NFD')
    .replace(LATIN_MARKS, '')
    .toLowerCase()
}

export function normalizeForSearch(text: string) {
  return foldLetters(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The words of a query, folded, without duplicates; at most `max` of them. */
export function searchTerms(query: string, max = 8) {
  return [...new Set(normalizeForSearch(query).split(' ').filter(Boolean))].slice(0, max)
}
