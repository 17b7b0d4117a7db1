import { describe, expect, it } from 'vitest'
import { createPageCache, isStorable } from './page-cache.mjs'

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
})
