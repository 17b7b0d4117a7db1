import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createPageCache, isStorable, joinGzip, splitGzip } from './page-cache.mjs'

const req = (path: string, { method = 'GET', cookie = '' } = {}) => ({
  method,
  path: path.split('?')[0]!,
  originalUrl: path,
  headers: { cookie },
})

describe('page cache', () => {
  it('caches only anonymous GET/HEAD pages under a language', () => {
    const cache = createPageCache()
    expect(cache.keyFor(req('/en'))).toBe('- /en')
    expect(cache.keyFor(req('/ar/about?x=1', { cookie: 'lang=ar' }))).toBe('ar /ar/about?x=1')
    expect(cache.keyFor(req('/en', { method: 'POST' }))).toBeNull()
    expect(cache.keyFor(req('/en', { cookie: 'lang=en; session=abc' }))).toBeNull()
    expect(cache.keyFor(req('/en', { cookie: 'flash=signedIn' }))).toBeNull()
    expect(cache.keyFor(req('/healthz'))).toBeNull()
    expect(cache.keyFor(req('/fr/about'))).toBeNull()
    expect(cache.keyFor(req('/en.data'))).toBeNull()
  })

  it('swaps the stored nonce for the new one, expires, and empties on clear', async () => {
    const cache = createPageCache({ ttlMs: 50 })
    cache.set('k', {
      status: 200,
      headers: [['content-type', 'text/html']],
      body: '<script nonce="OLD"></script><script nonce="OLD">',
      nonce: 'OLD',
    })
    expect(cache.get('k', 'NEW')?.body).toBe('<script nonce="NEW"></script><script nonce="NEW">')
    cache.clear()
    expect(cache.get('k', 'NEW')).toBeNull()
    cache.set('k', { status: 200, headers: [], body: 'x', nonce: 'n' })
    await new Promise((r) => setTimeout(r, 80))
    expect(cache.get('k', 'n')).toBeNull()
  })

  it('keeps at most maxEntries pages', () => {
    const cache = createPageCache({ maxEntries: 2 })
    for (const k of ['a', 'b', 'c']) cache.set(k, { status: 200, headers: [], body: k, nonce: 'n' })
    expect(cache.get('a', 'n')).toBeNull()
    expect(cache.get('c', 'n')?.body).toBe('c')
  })

  it('stores only anonymous 200 pages: never one that sets a cookie or is private', () => {
    const html = (extra: Record<string, string> = {}) =>
      new Headers({ 'content-type': 'text/html; charset=utf-8', ...extra })
    expect(isStorable(200, html())).toBe(true)
    expect(isStorable(404, html())).toBe(false)
    expect(isStorable(200, new Headers({ 'content-type': 'text/x-script' }))).toBe(false)
    expect(isStorable(200, html({ 'set-cookie': 'session=abc; Path=/; HttpOnly' }))).toBe(false)
    expect(isStorable(200, html({ 'cache-control': 'private, no-store' }))).toBe(false)
  })

  describe('compressed pages', () => {
    const nonce = 'aByTw1W0gFlPwhl3YTXjvA=='
    const other = 'ZZZZw1W0gFlPwhl3YTXj+/=='
    // A page of the portal's shape: the nonce in several scripts, Arabic text, and much repeated markup.
    const page = (n: string) =>
      `<!DOCTYPE html><html lang="ar" dir="rtl"><head><script nonce="${n}">window.a=1</script></head><body>` +
      '<li class="card">البرلمان العربي — مجلس النواب</li>'.repeat(300) +
      `<script nonce="${n}">window.__remixContext={}</script><script nonce="${n}" type="module">import "/x.js"</script></body></html>`

    it('gives the stored page, with the new nonce, as gzip any decoder reads, compressed once when stored', () => {
      const cache = createPageCache()
      const deflate = zlib.deflateRawSync
      let deflated = 0
      const spy = (...args: Parameters<typeof deflate>) => (deflated++, deflate(...args))
      Object.assign(zlib, { deflateRawSync: spy })
      try {
        cache.set('k', { status: 200, headers: [['content-type', 'text/html']], body: page(nonce), nonce })
        const stored = deflated
        expect(stored).toBe(4) // the four pieces around three nonces
        const hit = cache.get('k', other, { gzip: true })!
        cache.get('k', 'third', { gzip: true })
        expect(deflated).toBe(stored)
        expect(hit.encoding).toBe('gzip')
        expect(zlib.gunzipSync(hit.body as Buffer).toString()).toBe(page(other))
        expect((hit.body as Buffer).length).toBeLessThan(Buffer.byteLength(page(other)) / 10)
      } finally {
        Object.assign(zlib, { deflateRawSync: deflate })
      }
      const raw = cache.get('k', other)!
      expect(raw).toMatchObject({ encoding: null, body: page(other) })
    })

    it('differs between two visitors only where their nonces stand, and in the checksum', () => {
      const split = splitGzip(page(nonce), nonce)
      const first = joinGzip(split, nonce)
      const second = joinGzip(split, other)
      expect(second.length).toBe(first.length)
      const swapped = Buffer.from(second.toString('latin1').replaceAll(other, nonce), 'latin1')
      expect(swapped.subarray(0, -8).equals(first.subarray(0, -8))).toBe(true)
      expect(zlib.gunzipSync(first).toString()).toBe(page(nonce))
    })

    it('handles a page with no nonce, an empty page, a nonce at either end, and a page over 64 KB', () => {
      const cases: [string, string][] = [
        ['<p>no nonce here</p>', 'n0nce'],
        ['', 'n0nce'],
        ['n0nce<p>middle</p>n0nce', 'n0nce'],
        [`<p>${'x'.repeat(200_000)}</p>n0nce${'y'.repeat(70_000)}`, 'n0nce'],
        ['<p>no nonce at all</p>', ''],
      ]
      for (const [body, n] of cases) {
        const gz = joinGzip(splitGzip(body, n), 'fresh-nonce')
        expect(zlib.gunzipSync(gz).toString()).toBe(n ? body.replaceAll(n, 'fresh-nonce') : body)
      }
    })
  })
})
