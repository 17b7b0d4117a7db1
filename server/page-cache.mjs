// A micro-cache of the HTML pages anonymous visitors see: the same bytes for everyone for a second or two,
// so a burst of visitors costs one render. Anything personal is never cached: requests with a session or a
// flash cookie bypass it, only GET/HEAD documents under /en or /ar with status 200 are stored, and every
// state change (any non-GET request) empties it. The CSP nonce is swapped for the new request's own.

const pagePath = /^\/(en|ar)(\/|$)/

/**
 * Whether a response may be kept for the next visitors: a 200 HTML page that sets no cookie (a session, a flash,
 * a language) and whose Cache-Control does not make it private.
 * @param {number} status
 * @param {Headers} headers
 */
export function isStorable(status, headers) {
  if (status !== 200 || !headers.get('content-type')?.startsWith('text/html')) return false
  if (headers.has('set-cookie')) return false
  return !/\b(?:private|no-store|no-cache)\b/i.test(headers.get('cache-control') ?? '')
}

export function createPageCache({ ttlMs = 2000, maxEntries = 500 } = {}) {
  /** @type {Map<string, { expires: number, status: number, headers: [string, string][], body: string, nonce: string }>} */
  const entries = new Map()

  function keyFor(req) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null
    if (!pagePath.test(req.path) || req.path.endsWith('.data')) return null
    const cookies = req.headers.cookie ?? ''
    if (/(?:^|;\s*)(session|flash)=/.test(cookies)) return null
    // The remembered-language cookie changes whether the response sets it, so it is part of the key.
    const lang = /(?:^|;\s*)lang=(en|ar)\b/.exec(cookies)?.[1] ?? '-'
    return `${lang} ${req.originalUrl}`
  }

  return {
    keyFor,
    get(key, nonce) {
      const hit = entries.get(key)
      if (!hit) return null
      if (hit.expires < Date.now()) {
        entries.delete(key)
        return null
      }
      return { status: hit.status, headers: hit.headers, body: hit.body.replaceAll(hit.nonce, nonce) }
    },
    set(key, entry) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value)
      entries.set(key, { ...entry, expires: Date.now() + ttlMs })
    },
    clear() {
      entries.clear()
    },
  }
}
