import { afterEach, describe, expect, it, vi } from 'vitest'

const savedEnv = process.env.NODE_ENV

/** flash.server with a fresh configuration (getConfig caches the environment it first saw). */
async function flashIn(nodeEnv: 'production' | 'development') {
  vi.resetModules()
  process.env.NODE_ENV = nodeEnv
  return import('./flash.server')
}

afterEach(() => {
  process.env.NODE_ENV = savedEnv
  vi.resetModules()
})

const withFlash = new Request('http://localhost/en', { headers: { Cookie: 'flash=signedIn' } })

describe('flash cookie', () => {
  it('is Secure, HttpOnly and SameSite=Lax in production, when set and when cleared', async () => {
    const { redirectWithFlash, readFlash } = await flashIn('production')
    const set = redirectWithFlash('/en/account', 'signedIn').headers.get('Set-Cookie')!
    expect(set).toMatch(/^flash=signedIn;/)
    for (const attribute of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/'])
      expect(set.split('; ')).toContain(attribute)
    const { flash, clear } = readFlash(withFlash)
    expect(flash).toBe('signedIn')
    expect(clear!.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'Max-Age=0']))
  })

  it('is not Secure in development (http://localhost keeps working)', async () => {
    const { redirectWithFlash, readFlash } = await flashIn('development')
    expect(redirectWithFlash('/en', 'signedOut').headers.get('Set-Cookie')).not.toContain('Secure')
    expect(readFlash(withFlash).clear).not.toContain('Secure')
  })

  it('keeps the headers it is given (a session cookie beside the flash)', async () => {
    const { redirectWithFlash } = await flashIn('production')
    const response = redirectWithFlash('/en/account', 'signedIn', { headers: { 'Set-Cookie': 'session=abc; Path=/' } })
    expect(response.status).toBe(303)
    expect(response.headers.getSetCookie()).toHaveLength(2)
  })
})
