// The library's query language, parsed by us and never handed to SQLite as typed: words (all must match),
// "quoted phrases", word* for word beginnings, OR between two items, -word or NOT word to exclude. Everything
// else — stray quotes, NEAR(, a lone -, punctuation, emoji — is just text, folded and stemmed like the index
// (app/features/search/text.ts). The MATCH expression is built only from quoted terms.
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from './search-params'
import { foldedWords, MAX_WORD_LENGTH, STOPWORDS, stemWord } from './text'

/** A word beginning shorter than this would expand to too much of the vocabulary: searched as a whole word. */
export const MIN_PREFIX_LENGTH = 3

export type QueryTerm =
  /** A word, matched by its stem. */
  | { kind: 'word'; stem: string }
  /** Words in this order (stopwords aside), matched by their stems. */
  | { kind: 'phrase'; stems: string[] }
  /** A word beginning, matched against the words as written (folded). */
  | { kind: 'prefix'; prefix: string }

/** One item of the query: a term, or terms joined by OR; all positive items must match, no negated one may. */
export type QueryItem = { negated: boolean; anyOf: QueryTerm[] }

export type ParsedQuery = {
  items: QueryItem[]
  /** Why nothing can be searched, when nothing can. */
  problem: 'empty' | 'noWords' | 'onlyCommonWords' | 'onlyExclusions' | null
  /** The query was longer than MAX_QUERY_LENGTH or had more than MAX_QUERY_TERMS words: the rest was left out. */
  capped: boolean
  /** Whether a prefix term is present (searched in the word-beginnings index). */
  hasPrefix: boolean
  /** What to highlight in the text shown: stems, and word beginnings. */
  highlight: { stems: string[]; prefixes: string[] }
}

// Straight and typographic quotes, and the guillemets Arabic text uses.
const QUOTES = '"“”„«»'
const TOKEN = new RegExp(`[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|[^\\s${QUOTES}]+`, 'gu')

type RawToken = { text: string; quoted: boolean }

function rawTokens(query: string): RawToken[] {
  const tokens: RawToken[] = []
  for (const m of query.matchAll(TOKEN)) {
    tokens.push(m[1] !== undefined ? { text: m[1], quoted: true } : { text: m[0], quoted: false })
  }
  return tokens
}

/** Folded words of a piece of a query, overlong ones dropped (stopwords kept: the caller decides). */
function queryWords(text: string) {
  return foldedWords(text).filter((w) => w.length <= MAX_WORD_LENGTH)
}

function termKey(t: QueryTerm) {
  return t.kind === 'word' ? `w:${t.stem}` : t.kind === 'prefix' ? `p:${t.prefix}` : `s:${t.stems.join(' ')}`
}

/** Parses what a person typed. Never throws; see `problem` when nothing can be searched. */
export function parseSearchQuery(input: string): ParsedQuery {
  let capped = false
  let text = input
  if ([...text].length > MAX_QUERY_LENGTH) {
    text = [...text].slice(0, MAX_QUERY_LENGTH).join('')
    capped = true
  }
  const items: QueryItem[] = []
  let sawWords = false
  let sawStopwordsOnly = false
  let pendingOr = false
  let pendingNot = false
  let termBudget = MAX_QUERY_TERMS

  for (const raw of rawTokens(text)) {
    // Operators, only in capitals (as in most search engines), so "or" and "and" stay words (and stopwords).
    if (!raw.quoted && raw.text === 'OR') {
      pendingOr = items.length > 0
      continue
    }
    if (!raw.quoted && raw.text === 'AND') continue
    if (!raw.quoted && raw.text === 'NOT') {
      pendingNot = true
      continue
    }
    let body = raw.text
    let negated = pendingNot
    pendingNot = false
    let prefix = false
    if (!raw.quoted) {
      if (body.startsWith('-') && body.length > 1) {
        negated = true
        body = body.slice(1)
      }
      if (body.endsWith('*')) {
        prefix = true
        body = body.replace(/\*+$/, '')
      }
    }
    const words = queryWords(body)
    if (!words.length) continue
    sawWords = true
    const meaningful = words.filter((w) => !STOPWORDS.has(w))
    if (!meaningful.length) {
      sawStopwordsOnly = true
      continue
    }
    if (termBudget === 0) {
      capped = true
      break
    }
    let term: QueryTerm
    if (prefix && words.length === 1 && meaningful[0]!.length >= MIN_PREFIX_LENGTH) {
      term = { kind: 'prefix', prefix: meaningful[0]! }
    } else if (meaningful.length === 1) {
      term = { kind: 'word', stem: stemWord(meaningful[0]!) }
    } else {
      let stems = meaningful.map(stemWord)
      if (stems.length > termBudget) {
        capped = true
        stems = stems.slice(0, termBudget)
      }
      term = stems.length === 1 ? { kind: 'word', stem: stems[0]! } : { kind: 'phrase', stems }
    }
    termBudget -= term.kind === 'phrase' ? term.stems.length : 1

    const previous = items.at(-1)
    if (pendingOr && previous && previous.negated === negated) {
      if (!previous.anyOf.some((t) => termKey(t) === termKey(term))) previous.anyOf.push(term)
    } else if (
      !items.some((i) => i.negated === negated && i.anyOf.length === 1 && termKey(i.anyOf[0]!) === termKey(term))
    ) {
      items.push({ negated, anyOf: [term] })
    }
    pendingOr = false
  }

  const positive = items.filter((i) => !i.negated)
  const problem: ParsedQuery['problem'] = positive.length
    ? null
    : items.length
      ? 'onlyExclusions'
      : sawStopwordsOnly
        ? 'onlyCommonWords'
        : sawWords || text.trim()
          ? 'noWords'
          : 'empty'
  const terms = positive.flatMap((i) => i.anyOf)
  return {
    items: problem ? [] : items,
    problem,
    capped,
    hasPrefix: !problem && items.some((i) => i.anyOf.some((t) => t.kind === 'prefix')),
    highlight: {
      stems: [...new Set(terms.flatMap((t) => (t.kind === 'word' ? [t.stem] : t.kind === 'phrase' ? t.stems : [])))],
      prefixes: [...new Set(terms.flatMap((t) => (t.kind === 'prefix' ? [t.prefix] : [])))],
    },
  }
}

/** An FTS5 string literal: double quotes, inner ones doubled. */
function quote(term: string) {
  return `"${term.replaceAll('"', '""')}"`
}

/**
 * The FTS5 MATCH expression of a parsed query, for one of two kinds of index: 'stems' (resource_fts: phrases
 * kept; no word beginnings there) or 'words' (resource_title_fts: stems and word beginnings, but no positions,
 * so a phrase becomes its words). Every term is a quoted string: nothing typed reaches FTS5's syntax.
 */
export function buildMatchExpression(query: ParsedQuery, index: 'stems' | 'words') {
  const termExpr = (t: QueryTerm) => {
    if (t.kind === 'word') return quote(t.stem)
    if (t.kind === 'prefix') {
      if (index === 'stems') throw new Error('word beginnings are searched in a words index')
      return `${quote(t.prefix)} *`
    }
    if (index === 'stems') return quote(t.stems.join(' '))
    return `(${t.stems.map(quote).join(' AND ')})`
  }
  const itemExpr = (i: QueryItem) =>
    i.anyOf.length === 1 ? termExpr(i.anyOf[0]!) : `(${i.anyOf.map(termExpr).join(' OR ')})`
  const positive = query.items.filter((i) => !i.negated).map(itemExpr)
  if (!positive.length) return null
  const negative = query.items.filter((i) => i.negated).map(itemExpr)
  const base = positive.join(' AND ')
  if (!negative.length) return base
  const kept = positive.length === 1 ? base : `(${base})`
  return `${kept} NOT ${negative.length === 1 ? negative[0] : `(${negative.join(' OR ')})`}`
}

/** A query of one term (to look one term up on its own). */
export function single(term: QueryTerm): ParsedQuery {
  return {
    items: [{ negated: false, anyOf: [term] }],
    problem: null,
    capped: false,
    hasPrefix: term.kind === 'prefix',
    highlight: { stems: [], prefixes: [] },
  }
}
