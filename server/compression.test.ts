import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import remixExpress from '@remix-run/express/dist/server.js'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compressResponses, precompressedStatic, readyToCompress } from './compression.mjs'

// The middleware as server.mjs stacks it, on a real socket: raw bytes and headers, nothing decoded for us.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-compress-'))
const script = `export const greeting = ${JSON.stringify('مرحبا '.repeat(2000))}\n`
const html = `<!DOCTYPE html><html><body>${'<p>البرلمان العربي</p>'.repeat(500)}</body></html>`
let server: http.Server
let base = ''

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'assets'))
  fs.writeFileSync(path.join(dir, 'assets', 'entry-abc.js'), script)
  fs.writeFileSync(path.join(dir, 'assets', 'entry-abc.js.br'), zlib.brotliCompressSync(script))
  fs.writeFileSync(path.join(dir, 'assets', 'entry-abc.js.gz'), zlib.gzipSync(script))
  fs.writeFileSync(path.join(dir, 'favicon.ico'), Buffer.alloc(3000, 1))

  const app = express()
  app.use(compressResponses())
  app.use('/assets', precompressedStatic(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }))
  app.use(precompressedStatic(dir, { maxAge: '1h' }))
  app.get('/page', (_req, res) => res.type('html').send(html))
  app.get('/tiny', (_req, res) => res.type('html').send('<p>hi</p>'))
  app.get('/feed.xml', (_req, res) => res.type('application/atom+xml').send(`<feed>${'<entry/>'.repeat(400)}</feed>`))
  app.get('/report.pdf', (_req, res) => res.type('application/pdf').send(Buffer.from('%PDF-1.7 '.repeat(400))))
  // A text file as fileResponse serves it: by bytes, whole or a range.
  app.get('/notes.txt', (req, res) => {
    const text = 'line of notes\n'.repeat(400)
    res.set('Accept-Ranges', 'bytes').type('text/plain')
    if (req.headers.range)
      return res.status(206).set('Content-Range', `bytes 0-99/${text.length}`).send(text.slice(0, 100))
    res.send(text)
  })
  app.get('/events', (_req, res) => res.type('text/event-stream').send(`data: ${'x'.repeat(3000)}\n\n`))
  app.get('/no-transform', (_req, res) => res.set('Cache-Control', 'no-transform').type('html').send(html))
  // As server.mjs sends a Remix answer: a document streamed in React's 2 KB pieces.
  app.get('/remix', async (_req, res) => {
    const bytes = Buffer.from(html)
    const pieces = Array.from({ length: Math.ceil(bytes.length / 2048) }, (_, i) =>
      bytes.subarray(i * 2048, (i + 1) * 2048),
    )
    const body = new ReadableStream({ pull: (c) => void (pieces.length ? c.enqueue(pieces.shift()) : c.close()) })
    const response = new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Kept': 'yes' } })
    await remixExpress.sendRemixResponse(res, await readyToCompress(res, response))
  })
  app.get('/cached', (_req, res) => {
    res.locals.fromPageCache = true
    res.type('html').send(html)
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  fs.rmSync(dir, { recursive: true, force: true })
})

function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }

describe('compression on the fly', () => {
  it('sends pages and feeds as brotli to a browser that takes it, gzip to one that takes only gzip', async () => {
    const br = await get('/page', browser)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html)
    const gzip = await get('/page', { 'Accept-Encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(html)
    const feed = await get('/feed.xml', browser)
    expect(feed.headers['content-encoding']).toBe('br')
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/)
  })

  it('sends raw bytes to a client that asks for none, and answers under 1 KB', async () => {
    const raw = await get('/page')
    expect(raw.headers['content-encoding']).toBeUndefined()
    expect(raw.body.toString()).toBe(html)
    const identity = await get('/page', { 'Accept-Encoding': 'identity' })
    expect(identity.headers['content-encoding']).toBeUndefined()
    expect((await get('/tiny', browser)).headers['content-encoding']).toBeUndefined()
  })

  it('leaves alone what is compressed already, served by bytes, streamed as events or cached compressed', async () => {
    for (const url of ['/report.pdf', '/notes.txt', '/events', '/no-transform', '/cached']) {
      const response = await get(url, browser)
      expect(response.headers['content-encoding'], url).toBeUndefined()
    }
    const range = await get('/notes.txt', { ...browser, Range: 'bytes=0-99' })
    expect(range.status).toBe(206)
    expect(range.headers['content-encoding']).toBeUndefined()
    expect(range.body.length).toBe(100)
  })
})

describe('a Remix answer made ready to compress', () => {
  const streamOf = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk))
        c.close()
      },
    })
  const fakeRes = () => {
    const flush = () => {}
    return { flush, res: { flush } as unknown as express.Response & { flush: () => void } }
  }

  it('gives a document or single-fetch data whole, in one piece, with its status and headers', async () => {
    for (const type of ['text/html; charset=utf-8', 'text/x-script; charset=utf-8']) {
      const { res, flush } = fakeRes()
      const headers = new Headers({ 'Content-Type': type })
      headers.append('Set-Cookie', 'a=1; Path=/')
      headers.append('Set-Cookie', 'b=2; Path=/')
      const ready = await readyToCompress(res, new Response(streamOf('<p>', 'one', '</p>'), { status: 404, headers }))
      expect(ready.status).toBe(404)
      expect(ready.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
      const reader = ready.body!.getReader()
      expect(new TextDecoder().decode((await reader.read()).value)).toBe('<p>one</p>')
      expect((await reader.read()).done).toBe(true)
      expect(res.flush).not.toBe(flush)
    }
  })

  it('leaves a file streaming, an empty answer as it is, and an event stream its flushes', async () => {
    const file = new Response(streamOf('%PDF', '-1.7'), { headers: { 'Content-Type': 'application/pdf' } })
    expect(await readyToCompress(fakeRes().res, file)).toBe(file)
    const notModified = new Response(null, { status: 304, headers: { 'Content-Type': 'text/html' } })
    expect(await readyToCompress(fakeRes().res, notModified)).toBe(notModified)
    const { res, flush } = fakeRes()
    const events = new Response(streamOf('data: 1\n\n'), { headers: { 'Content-Type': 'text/event-stream' } })
    expect(await readyToCompress(res, events)).toBe(events)
    expect(res.flush).toBe(flush)
  })

  it('goes out compressed as one brotli stream, its headers kept', async () => {
    const response = await get('/remix', browser)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['x-kept']).toBe('yes')
    expect(zlib.brotliDecompressSync(response.body).toString()).toBe(html)
    // No flush per piece: the same size as the document compressed in one go.
    const once = zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
    expect(response.body.length).toBeLessThanOrEqual(once.length + 16)
  })
})

describe('precompressed static files', () => {
  it('sends the .br copy, else the .gz, else the file, with its type, Vary and the immutable caching', async () => {
    const br = await get('/assets/entry-abc.js', browser)
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/^(?:text|application)\/javascript/)
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script)

    const gzip = await get('/assets/entry-abc.js', { 'Accept-Encoding': 'gzip, deflate' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script)

    const raw = await get('/assets/entry-abc.js')
    expect(raw.headers['content-encoding']).toBeUndefined()
    expect(raw.headers.vary).toBe('Accept-Encoding')
    expect(raw.body.toString()).toBe(script)
    // Each copy has its own validator, so that a cache never answers 304 for the wrong one.
    expect(new Set([br.headers.etag, gzip.headers.etag, raw.headers.etag]).size).toBe(3)
  })

  it('answers a range from the original bytes, and sends a file that has no copy as it is', async () => {
    const range = await get('/assets/entry-abc.js', { ...browser, Range: 'bytes=0-9' })
    expect(range.status).toBe(206)
    expect(range.headers['content-encoding']).toBeUndefined()
    expect(range.body.toString()).toBe(script.slice(0, 10))
    const icon = await get('/favicon.ico', browser)
    expect(icon.status).toBe(200)
    expect(icon.headers['content-encoding']).toBeUndefined()
    expect(icon.headers['cache-control']).toBe('public, max-age=3600')
    expect((await get('/assets/missing.js', browser)).status).toBe(404)
  })
})
