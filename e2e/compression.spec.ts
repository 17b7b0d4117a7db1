import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { demo, expect, openTestDb, test, waitForHydration } from './fixtures'

// What goes out compressed (issue 14): pages, data and feeds on the fly, the browser's files from copies made at
// build time, the visitor page cache's pages compressed once; files from the library and ranges as they are stored.

const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }
const compressed = /^(?:br|gzip)$/

/** A raw GET (node:http decodes nothing): the bytes as they went on the wire. */
function rawGet(baseURL: string, url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(new URL(url, baseURL), { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

const nonceOf = (headers: http.IncomingHttpHeaders) =>
  /'nonce-([^']+)'/.exec(String(headers['content-security-policy']))![1]!

/** A published public resource around a file written straight into the store; returns the file's address. */
function seedFile(bytes: Buffer, mediaType: string, originalName: string) {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
  const dir = path.join(process.env.E2E_DATA_DIR!, 'uploads', sha256.slice(0, 2))
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, sha256), bytes)
  const db = openTestDb()
  try {
    const author = db.prepare('select id from user where email = ?').get(demo.member.email) as { id: number }
    const r = db
      .prepare(
        "insert into resource (type, title_en, state, visibility, author_id, published_at) values ('report', ?, 'published', 'public', ?, ?) returning id",
      )
      .get(`Compression ${Date.now()}`, author.id, Math.floor(Date.now() / 1000)) as { id: number }
    const f = db
      .prepare(
        "insert into resource_file (resource_id, sha256, size, media_type, original_name, role) values (?, ?, ?, ?, ?, 'document') returning id",
      )
      .get(r.id, sha256, bytes.length, mediaType, originalName) as { id: number }
    return `/files/${f.id}/${encodeURIComponent(originalName)}`
  } finally {
    db.close()
  }
}

test.describe('compression', () => {
  test('a page, its scripts and a feed go out compressed, with Vary: Accept-Encoding', async ({ request }) => {
    const page = await request.get('/en', { headers: browser })
    expect(page.status()).toBe(200)
    expect(page.headers()['content-encoding']).toMatch(compressed)
    expect(page.headers()['vary']).toContain('Accept-Encoding')
    expect(page.headers()['content-type']).toBe('text/html; charset=utf-8')
    const html = await page.text()
    expect(html).toContain('<html lang="en"')

    // What the page loads: its preloaded modules and what its inline module script imports.
    const loaded = /<link rel="modulepreload"[^>]* href="(\/assets\/[^"]+\.js)"|import[^";]*"(\/assets\/[^"]+\.js)"/g
    const scripts = [...new Set([...html.matchAll(loaded)].map((m) => (m[1] ?? m[2])!))]
    expect(scripts.length).toBeGreaterThan(3)
    let large = 0
    for (const script of scripts) {
      const asset = await request.get(script, { headers: browser })
      expect(asset.status(), script).toBe(200)
      expect(asset.headers()['content-type'], script).toMatch(/^(?:text|application)\/javascript\b/)
      expect(asset.headers()['cache-control'], script).toBe('public, max-age=31536000, immutable')
      // Files under 1 KB have no compressed copy (it would save a few bytes): they go out as they are.
      if ((await asset.body()).length < 1024) continue
      large++
      expect(asset.headers()['content-encoding'], script).toMatch(compressed)
      expect(asset.headers()['vary'], script).toContain('Accept-Encoding')
      // Without Accept-Encoding, the same file raw.
      const raw = await rawGet(page.url(), script, {})
      expect(raw.headers['content-encoding'], script).toBeUndefined()
      expect(raw.headers['vary'], script).toContain('Accept-Encoding')
      expect(raw.body.equals(await asset.body()), script).toBe(true)
    }
    expect(large).toBeGreaterThan(3)

    const feed = await request.get('/en/resources/feed.xml', { headers: browser })
    expect(feed.status()).toBe(200)
    expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/)
    expect(feed.headers()['content-encoding']).toMatch(compressed)
    expect(await feed.text()).toContain('<feed')
  })

  test('a file download goes out as stored: whole or a range, a PDF or text, never compressed', async ({ request }) => {
    const pdf = fs.readFileSync(path.join('e2e', 'fixtures', 'arabic.pdf'))
    const text = Buffer.from('رقم,البرلمان,الدولة\n'.repeat(400))
    for (const [bytes, type, name] of [
      [pdf, 'application/pdf', 'report.pdf'],
      [text, 'text/csv', 'parliaments.csv'],
    ] as const) {
      const href = seedFile(bytes, type, name)
      const whole = await request.get(href, { headers: browser })
      expect(whole.status(), name).toBe(200)
      expect(whole.headers()['content-encoding'], name).toBeUndefined()
      expect((await whole.body()).equals(bytes), name).toBe(true)

      const range = await request.get(href, { headers: { ...browser, Range: 'bytes=0-99' } })
      expect(range.status(), name).toBe(206)
      expect(range.headers()['content-encoding'], name).toBeUndefined()
      expect(range.headers()['content-range'], name).toBe(`bytes 0-99/${bytes.length}`)
      expect((await range.body()).equals(bytes.subarray(0, 100)), name).toBe(true)
    }
  })

  test('the cached visitor page is compressed once: two visitors get the same bytes but for their nonces', async ({
    baseURL,
  }) => {
    // A visitor who has the language cookie gets the cached page (the first visit sets the cookie, so is not kept).
    const headers = { ...browser, Cookie: 'lang=ar' }
    const first = await rawGet(baseURL!, '/ar/about', headers)
    const second = await rawGet(baseURL!, '/ar/about', headers)
    for (const response of [first, second]) {
      expect(response.status).toBe(200)
      expect(response.headers['content-encoding']).toBe('gzip')
      expect(response.headers['vary']).toContain('Accept-Encoding')
    }
    const [one, two] = [nonceOf(first.headers), nonceOf(second.headers)]
    expect(one).not.toBe(two)
    // Stored blocks carry the nonce as it is: put the first nonce back, and only the checksum at the end differs.
    expect(second.body.length).toBe(first.body.length)
    const swapped = Buffer.from(second.body.toString('latin1').replaceAll(two, one), 'latin1')
    expect(swapped.subarray(0, -8).equals(first.body.subarray(0, -8))).toBe(true)
    const [html1, html2] = [zlib.gunzipSync(first.body).toString(), zlib.gunzipSync(second.body).toString()]
    expect(html1).toContain(`nonce="${one}"`)
    expect(html2).toContain(`nonce="${two}"`)
    expect(html2.replaceAll(two, one)).toBe(html1)
    expect(html1).toContain('<html lang="ar" dir="rtl"')
  })

  test('the browser reads the cached compressed page and hydrates under its nonce', async ({
    page,
    context,
    baseURL,
  }) => {
    await context.addCookies([{ name: 'lang', value: 'ar', url: baseURL! }])
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
    })
    for (let visit = 0; visit < 2; visit++) {
      const response = await page.goto('/ar/about')
      // gzip: from the page cache (a page rendered for this request would go out as brotli to Chromium).
      expect(response!.headers()['content-encoding']).toBe('gzip')
      await waitForHydration(page)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    }
    expect(violations).toEqual([])
  })

  test('a HEAD answer is not cached for the visitors after it', async ({ baseURL }) => {
    const headers = { ...browser, Cookie: 'lang=en' }
    const url = `/en/network?head=${Date.now()}`
    const head = await new Promise<number>((resolve, reject) => {
      http
        .request(new URL(url, baseURL), { method: 'HEAD', headers }, (res) => resolve(res.statusCode!))
        .on('error', reject)
        .end()
    })
    expect(head).toBe(200)
    const page = await rawGet(baseURL!, url, headers)
    expect(page.status).toBe(200)
    const html = zlib.gunzipSync(page.body).toString()
    expect(html).toContain('</html>')
  })
})
