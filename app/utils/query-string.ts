// What a page reads from, and writes back into, its address's query string: every value bounded, so that a hand-made
// address of 50,000 emoji or 100,000 combining marks is read as its first few hundred characters and no link on the
// page (the language switch, pagination, sorting, "sign in and come back") repeats the whole of it.
// Requests longer than the server's header limit never reach here: server.mjs answers them with a 431 page.

/** At most this many characters (code points, after NFC) of a search box's text are read. */
export const MAX_SEARCH_LENGTH = 200
/** At most this many characters of any query-string value are kept in a link a page builds. */
export const MAX_PARAM_LENGTH = 300
/** At most this many query-string entries are kept in a link a page builds. */
export const MAX_PARAMS = 40

// C0/C1 controls (NUL included) read as spaces; they can never be part of what someone searched for.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/**
 * A search box's text as the page reads it: NFC, controls out, spaces at the ends out, at most `max` code points
 * (never cutting a pair in two). `shortened` says the address held more, for the page to tell.
 */
export function readSearchText(raw: unknown, max = MAX_SEARCH_LENGTH): { text: string; shortened: boolean } {
  if (typeof raw !== 'string') return { text: '', shortened: false }
  // Bound the work first: `max` characters never need more than 8 UTF-16 units each, combining marks included.
  const head = raw.length > max * 8 ? raw.slice(0, max * 8) : raw
  const points = [...head.normalize('NFC').replace(CONTROLS, ' ').trim()]
  const shortened = points.length > max || head.length < raw.length
  return { text: shortened ? points.slice(0, max).join('').trimEnd() : points.join(''), shortened }
}

/** The text only (for schemas). */
export function boundedSearchText(raw: unknown, max = MAX_SEARCH_LENGTH) {
  return readSearchText(raw, max).text
}

/** Whether a search box's value, as found in the address, was longer than a page reads. */
export function searchWasShortened(raw: unknown, max = MAX_SEARCH_LENGTH) {
  return readSearchText(raw, max).shortened
}

/**
 * A query string (with or without its "?") with every value bounded to MAX_PARAM_LENGTH and at most MAX_PARAMS
 * entries: what links built from the current address carry. Returns "" or "?…".
 */
export function boundedSearch(search: string) {
  const kept = new URLSearchParams()
  let count = 0
  for (const piece of (search.startsWith('?') ? search.slice(1) : search).split('&')) {
    if (!piece) continue
    if (count++ >= MAX_PARAMS) break
    // An encoded code point takes at most 12 characters (%F0%9F%98%80): bound the text before decoding it.
    for (const [key, value] of new URLSearchParams(piece.slice(0, MAX_PARAM_LENGTH * 12 + 100))) {
      kept.append(boundedSearchText(key, 40), readSearchText(value, MAX_PARAM_LENGTH).text)
    }
  }
  const text = kept.toString()
  return text ? `?${text}` : ''
}

/**
 * Each key's first value, as `URLSearchParams.get` reads it (`Object.fromEntries` would keep the last): what a
 * page's query schema parses, so that `?q=a&q=b` searches for "a" on every page, the library's included.
 */
export function firstValues(params: URLSearchParams): Record<string, string> {
  const first = new Map<string, string>()
  for (const [key, value] of params) if (!first.has(key)) first.set(key, value)
  return Object.fromEntries(first)
}

/**
 * A list page's query: each key's first value (firstValues) parsed by the page's schema, and whether the search
 * box's text (`q`) was longer than a page reads, for the page to tell.
 */
export function readListQuery<T>(params: URLSearchParams, schema: { parse(input: unknown): T }) {
  const raw = firstValues(params)
  return { query: schema.parse(raw), shortened: searchWasShortened(raw.q) }
}
