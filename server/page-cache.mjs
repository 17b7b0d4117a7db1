// A micro-cache of the HTML pages anonymous visitors see: the same bytes for everyone for a second or two,
// so a burst of visitors costs one render. Anything personal is never cached: requests with a session or a
// flash cookie bypass it, only documents under /en or /ar with status 200 are stored (by a GET; a HEAD reads
// them), and every state change (any non-GET request) empties it. The CSP nonce is swapped for the new
// request's own, also in the gzip bytes, which are made once when the page is stored.
import zlib from 'node:zlib'

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

/**
 * A page compressed once, kept as gzip pieces around its nonces, so that each visitor gets it with a nonce of
 * their own without compressing it again. Each piece is raw deflate ending on a full flush (byte-aligned, no
 * reference back past its start); a nonce goes between them as a stored (uncompressed) block. Per request only
 * the CRC-32 of the page is computed, far cheaper than deflating it.
 * @param {string} body
 * @param {string} nonce
 */
export function splitGzip(body, nonce) {
  const pieces = (nonce ? body.split(nonce) : [body]).map((text) => Buffer.from(text))
  const deflated = pieces.map((piece) =>
    zlib.deflateRawSync(piece, { level: zlib.constants.Z_BEST_COMPRESSION, finishFlush: zlib.constants.Z_FULL_FLUSH }),
  )
  return { pieces, deflated }
}

const gzipHeader = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]) // deflate, no name, no time, OS unknown
const lastBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]) // an empty final stored block

/**
 * The gzip bytes of the page with `nonce` in the places of the stored one.
 * @param {{ pieces: Buffer[], deflated: Buffer[] }} split
 * @param {string} nonce
 */
export function joinGzip({ pieces, deflated }, nonce) {
  const value = Buffer.from(nonce)
  if (value.length > 0xffff) throw new Error('a nonce longer than a stored block')
  const stored = Buffer.concat([
    Buffer.from([0x00, value.length & 0xff, value.length >> 8, ~value.length & 0xff, (~value.length >> 8) & 0xff]),
    value,
  ])
  const parts = [gzipHeader]
  let crc = 0
  let size = 0
  pieces.forEach((piece, i) => {
    if (i > 0) {
      parts.push(stored)
      crc = zlib.crc32(value, crc)
      size += value.length
    }
    parts.push(deflated[i])
    // An empty piece leaves the CRC as it is (zlib.crc32 answers 0 for an empty buffer zlib has deflated).
    if (piece.length > 0) crc = zlib.crc32(piece, crc)
    size += piece.length
  })
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  parts.push(lastBlock, trailer)
  return Buffer.concat(parts)
}

export function createPageCache({ ttlMs = 2000, maxEntries = 500 } = {}) {
  /** @type {Map<string, { expires: number, status: number, headers: [string, string][], body: string, nonce: string, gzip: ReturnType<typeof splitGzip> }>} */
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
    /**
     * The page for a request with this nonce: its text, or its gzip bytes (`{ gzip: true }`, compressed when
     * stored, never again).
     */
    get(key, nonce, { gzip = false } = {}) {
      const hit = entries.get(key)
      if (!hit) return null
      if (hit.expires < Date.now()) {
        entries.delete(key)
        return null
      }
      const page = { status: hit.status, headers: hit.headers }
      if (gzip) return { ...page, body: joinGzip(hit.gzip, nonce), encoding: 'gzip' }
      return { ...page, body: hit.body.replaceAll(hit.nonce, nonce), encoding: null }
    },
    set(key, entry) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value)
      entries.set(key, { ...entry, gzip: splitGzip(entry.body, entry.nonce), expires: Date.now() + ttlMs })
    },
    clear() {
      entries.clear()
    },
  }
}
