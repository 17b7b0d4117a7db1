// A light Arabic stemmer: Larkey, Ballesteros and Connell's "light10" (Light Stemming for Arabic Information
// Retrieval, 2007), which strips a few frequent prefixes and suffixes and leaves broken plurals alone. Pure and
// small, so the browser can use it too.
//
// It takes a word already folded by `normalizeForSearch` (app/utils/arabic.ts): no tashkeel or tatweel,
// أ إ آ → ا, ى → ي, ة → ه. The suffix list is therefore written in folded form: ية is يه and ة is ه.
//
// One deliberate change from light10: the suffixes are stripped until none applies, not in one pass. In one
// pass البرلمانات loses ات and stops at برلمان while برلمان itself loses ان (→ برلم), so the plural would
// not find the singular; repeating makes both برلم (and برلماني, برلمانيين, البرلمانية too).

/** و ("and") is removed only when at least this many letters stay: many words begin with و. */
const MIN_AFTER_WAW = 3
/** Any other affix is removed only when at least this many letters stay. */
const MIN_STEM = 2

/** The definite article with its proclitics, longest first so وال wins over ال. */
const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'ال', 'لل'] as const

/** light10's suffixes in its order, folded (ية → يه, ة → ه, so each appears once). */
export const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'] as const

const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/

/** Whether a folded word is written in Arabic script (and so is for this stemmer). */
export function isArabicWord(word: string) {
  return ARABIC_LETTER.test(word)
}

/**
 * The word without its leading و and definite article (the "light" prefixes), the form a prefix search on
 * word beginnings needs: البرلمانات → برلمانات, so برلم* finds it.
 */
export function stripArabicPrefixes(word: string) {
  let w = word
  if (w.startsWith('و') && w.length - 1 >= MIN_AFTER_WAW) w = w.slice(1)
  for (const article of ARTICLES) {
    if (w.startsWith(article) && w.length - article.length >= MIN_STEM) {
      w = w.slice(article.length)
      break
    }
  }
  return w
}

/** The light10 stem of one folded Arabic word: البرلمانات → برلم, والبرلمان → برلم, الدولية → دول. */
export function stemArabic(word: string) {
  let w = stripArabicPrefixes(word)
  for (let changed = true; changed;) {
    changed = false
    for (const suffix of ARABIC_SUFFIXES) {
      if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) {
        w = w.slice(0, -suffix.length)
        changed = true
        break
      }
    }
  }
  return w
}
