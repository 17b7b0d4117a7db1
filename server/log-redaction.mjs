// What a log line may say about a request's address: no query string (it may carry search terms) and no secret
// from the path (one-time invitation and reset links, the personal calendar feeds). Redaction goes by route on the
// path as the router will see it (decoded, slashes merged, dot segments resolved, any case), so that an address of
// unusual shape (`//en//reset-password//…`, `%2F`, `/EN/…`, a broken escape) cannot carry a token into the log.

const REDACTED = '[redacted]'

/** Decodes what can be decoded: a broken escape (`%E0%A4%A`) leaves the non-ASCII escapes as they are. */
function decodeLeniently(text) {
  try {
    return decodeURIComponent(text)
  } catch {
    return text.replace(/%([0-7][0-9a-f])/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
  }
}

/** The segments the router matches: decoded (twice-encoded too), `\` as `/`, no empty or dot segments. */
function segmentsOf(path) {
  let decoded = path
  for (let round = 0; round < 3; round++) {
    const next = decodeLeniently(decoded)
    if (next === decoded) break
    decoded = next
  }
  const segments = []
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  return segments
}

/** Index of the first segment that is a secret, or -1: the token after invitations/, reset-password/, meetings/feed/. */
function secretIndex(segments) {
  const lower = segments.map((segment) => segment.toLowerCase())
  for (let i = 0; i < lower.length; i++) {
    const next = lower[i + 1]
    if (next === undefined) break
    if (lower[i] === 'reset-password') return i + 1
    if (lower[i] === 'invitations' && next !== 'new' && next !== 'new.data') return i + 1
    if (lower[i] === 'meetings' && next === 'feed' && i + 2 < lower.length) return i + 2
  }
  return -1
}

// Control characters (a decoded %0A could forge a log line) and spaces are written as escapes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafe = /[\u0000-\u0020\u007f-\u009f]/g
const escape = (text) => text.replace(unsafe, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)

/**
 * The path of a URL (or of a request's `originalUrl`) fit for a log line: normalised, without its query, and with
 * everything from a secret segment on replaced by `[redacted]`.
 */
export function redactPath(url) {
  const path =
    String(url)
      .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')
      .split(/[?#]/)[0] ?? ''
  const segments = segmentsOf(path)
  const secret = secretIndex(segments)
  const kept = secret === -1 ? segments : [...segments.slice(0, secret), REDACTED]
  return escape(`/${kept.join('/')}`)
}

/** Whether a path holds a secret (after the same normalisation as redactPath). */
export function hasSecret(url) {
  return redactPath(url).endsWith(REDACTED)
}

// A path, with the scheme and host before it when it is a whole URL (kept as they are).
const urlInText = /([a-z][a-z0-9+.-]*:\/\/[^/\s"'`<>()]*)?(\/[^\s"'`<>()]*)/gi

/**
 * Any text bound for the log (an error's message and stack, Remix's "No route matches URL …") with every path in
 * it that holds a secret redacted; the rest of the text is left as it is.
 */
export function redactText(text) {
  return String(text).replace(urlInText, (url, origin = '', path) =>
    hasSecret(path) ? origin + redactPath(path) : url,
  )
}
