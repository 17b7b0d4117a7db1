// How the library's search sees text, the same at indexing and at query time: folded by normalizeForSearch
// (app/utils/arabic.ts), cut into words, the commonest function words dropped, then stemmed — Arabic with the
// light10 stemmer (app/features/search/arabic-stem.ts), English with Porter's (the `stemmer` package, the algorithm of
// SQLite's own `porter` tokenizer). Pure, so the browser could use it too.
import { stemmer as porter } from 'stemmer'
import { foldLetters } from '~/utils/arabic'
import { isArabicWord, stemArabic, stripArabicPrefixes } from './arabic-stem'

/** Longer "words" are noise (hashes, run-together PDF text): neither indexed nor searched. */
export const MAX_WORD_LENGTH = 40

/**
 * Function words that appear in nearly every text, folded. Dropped on both sides, so a phrase keeps matching
 * ("rule of law" is indexed and searched as "rule law") and a query never walks a list of every document.
 * On purpose absent: على (also the name Ali), and anything a person might search on its own.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'from',
  'has',
  'have',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'were',
  'which',
  'will',
  'with',
  // Arabic (folded: الى for إلى, هذه, التي…)
  'في',
  'من',
  'الي',
  'عن',
  'مع',
  'ان',
  'او',
  'ثم',
  'كما',
  'هذا',
  'هذه',
  'ذلك',
  'تلك',
  'التي',
  'الذي',
  'الذين',
  'هو',
  'هي',
  'هم',
  'قد',
  'لا',
  'ما',
  'بين',
  'عند',
  'حتي',
  'لم',
  'لن',
  'و',
  'ف',
  'ب',
  'ل',
  'كان',
  'كانت',
  'به',
  'بها',
  'فيها',
  'فيه',
  'منها',
  'منه',
  'عليها',
  'عليه',
  'وفي',
  'ومن',
  'وان',
  'الا',
])

const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g
const ASCII_WORD = /^[a-z]+$/

/** Arabic-Indic digits as ASCII ones (٢٠٢٤ and 2024 are the same year). */
function asciiDigits(text: string) {
  return text.replace(ARABIC_INDIC_DIGIT, (d) => String((d.charCodeAt(0) - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10))
}

// Which UTF-16 code units are letters or digits (\p{L} or \p{N}), as a table: splitting words with it is three
// times quicker than normalizeForSearch's final regular expression, and indexing splits millions of words.
let wordUnits: Uint8Array | undefined
function wordUnitTable() {
  if (!wordUnits) {
    wordUnits = new Uint8Array(0x10000)
    const letterOrDigit = /[\p{L}\p{N}]/u
    for (let c = 0; c < 0x10000; c++) {
      if ((c < 0xd800 || c > 0xdfff) && letterOrDigit.test(String.fromCharCode(c))) wordUnits[c] = 1
    }
  }
  return wordUnits
}
const ASTRAL_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u

/**
 * The words of a text as normalizeForSearch folds them (the same words, split here without a regular
 * expression), with Arabic-Indic digits as ASCII ones.
 */
export function foldedWords(text: string): string[] {
  if (!text) return []
  const s = foldedText(text)
  const table = wordUnitTable()
  const words: string[] = []
  let start = -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    let isWord: boolean
    let pair = false
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      pair = d >= 0xdc00 && d <= 0xdfff
      isWord = pair && ASTRAL_LETTER_OR_DIGIT.test(s.slice(i, i + 2))
    } else {
      isWord = table[c] === 1
    }
    if (isWord) {
      if (start < 0) start = i
    } else if (start >= 0) {
      words.push(s.slice(start, i))
      start = -1
    }
    if (pair) i++
  }
  if (start >= 0) words.push(s.slice(start))
  return words
}

/**
 * A text folded as foldedWords folds it, before it is cut into words: a run of letters and digits (a query's stem,
 * say) occurs in it exactly when it occurs in foldForSearch's text, for neither can run across a space.
 */
export function foldedText(text: string) {
  return foldLetters(asciiDigits(text))
}

/** normalizeForSearch, with Arabic-Indic digits as ASCII ones. */
export function foldForSearch(text: string) {
  return foldedWords(text).join(' ')
}

// Stemming is the hot loop of indexing; words repeat, so each word's stem and article-less form are remembered
// (a bounded map).
const wordCache = new Map<string, [stem: string, bare: string]>()
const WORD_CACHE_SIZE = 200_000

function wordInfo(word: string) {
  let info = wordCache.get(word)
  if (!info) {
    const arabic = isArabicWord(word)
    info = [
      arabic ? stemArabic(word) : ASCII_WORD.test(word) ? porter(word) : word,
      arabic ? stripArabicPrefixes(word) : word,
    ]
    if (wordCache.size >= WORD_CACHE_SIZE) wordCache.clear()
    wordCache.set(word, info)
  }
  return info
}

/** The stem of one folded word (Arabic light10, Porter for a–z, anything else as it is). */
export function stemWord(word: string): string {
  return wordInfo(word)[0]
}

/** A folded word without its Arabic و and article (البرلمانات → برلمانات); any other word as it is. */
export function bareWord(word: string): string {
  return wordInfo(word)[1]
}

/** The folded words of a text worth searching: stopwords and overlong words dropped. */
export function searchWords(text: string): string[] {
  return foldedWords(text).filter((w) => w.length <= MAX_WORD_LENGTH && !STOPWORDS.has(w))
}

/** A text as the stems column holds it: its words' stems, in order, space separated. */
export function stemText(text: string) {
  return searchWords(text).map(stemWord).join(' ')
}

/**
 * What the word-beginnings index holds for these words: each distinct word as written (folded) and without its
 * Arabic article (البرلمانات → برلمانات), so برلم*, البرل* and parliam* all find it. With `stems`, their stems too.
 */
export function wordForms(words: Iterable<string>, { stems = false } = {}, into = new Set<string>()) {
  for (const w of words) {
    const [stem, bare] = wordInfo(w)
    into.add(w)
    into.add(bare)
    if (stems) into.add(stem)
  }
  return into
}

/**
 * One pass over a field's words for indexing: returns their stems (space separated, in order) and adds each
 * word and its article-less form to `forms` (and its stem too, with `withStems`).
 */
export function indexWords(words: string[], forms: Set<string>, withStems = false) {
  const stems = new Array<string>(words.length)
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const [stem, bare] = wordInfo(w)
    stems[i] = stem
    forms.add(w)
    if (bare !== w) forms.add(bare)
    if (withStems) forms.add(stem)
  }
  return stems.join(' ')
}
