import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import contentDisposition from 'content-disposition'
import type { APIRequestContext } from '@playwright/test'
import { demo, expect, openTestDb, query, test } from './fixtures'

// The library's files end to end: POST /uploads (as FileUploadField sends it), then downloads from /files/<id>/<name>
// of resources written straight to the database around the uploaded bytes (the resource pages come separately).

const fixture = (name: string) => fs.readFileSync(path.join('e2e', 'fixtures', name))
const tempDir = () => path.join(process.env.E2E_DATA_DIR!, 'uploads', 'tmp')
const tempFiles = () => (fs.existsSync(tempDir()) ? fs.readdirSync(tempDir()) : [])

type Uploaded = { id: string; name: string; size: number; mediaType: string }

/** As the browser component does it: the name as a field, the file under a name the part header can carry. */
function upload(
  request: APIRequestContext,
  baseURL: string,
  name: string,
  buffer: Buffer,
  { lang = 'en', referer = '' } = {},
) {
  return request.post(`/uploads?lang=${lang}`, {
    headers: { Origin: new URL(baseURL).origin, ...(referer ? { Referer: new URL(referer, baseURL).href } : {}) },
    multipart: { lang, name, file: { name: 'upload.bin', mimeType: 'application/octet-stream', buffer } },
  })
}

/** A resource around an uploaded file, straight into the database; returns the file's id. */
function insertResource(sha256: string, size: number, originalName: string, visibility: 'public' | 'members') {
  const db = openTestDb()
  try {
    const author = db.prepare('select id from user where email = ?').get(demo.member.email) as { id: number }
    const now = Math.floor(Date.now() / 1000)
    const r = db
      .prepare(
        "insert into resource (type, title_ar, state, visibility, author_id, published_at) values ('report', ?, 'published', ?, ?, ?) returning id",
      )
      .get(`تقرير ${visibility} ${Date.now()}`, visibility, author.id, now) as { id: number }
    const f = db
      .prepare(
        "insert into resource_file (resource_id, sha256, size, media_type, original_name, role) values (?, ?, ?, 'application/pdf', ?, 'document') returning id",
      )
      .get(r.id, sha256, size, originalName) as { id: number }
    return f.id
  } finally {
    db.close()
  }
}

test.describe('library files', () => {
  test('a member uploads a PDF and a video; the PDF’s Arabic text is kept for search', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn('member')
    const pdf = fixture('arabic.pdf')
    const response = await upload(page.request, baseURL!, 'تقرير المساءلة البرلمانية.pdf', pdf)
    expect(response.status()).toBe(200)
    const body = (await response.json()) as Uploaded
    expect(body).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{32}$/),
      name: 'تقرير المساءلة البرلمانية.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
    })
    const row = query<{ extracted_text: string; sha256: string }>(
      'select extracted_text, sha256 from pending_upload where id = ?',
      body.id,
    )[0]!
    expect(row.extracted_text.split('\n')[0]).toBe('تعزز المساءلة البرلمانية الرقابة على تدابير مكافحة الإرهاب.')
    expect(row.extracted_text).toContain('الاستشرافية')
    expect(
      fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, 'uploads', row.sha256.slice(0, 2), row.sha256)).equals(pdf),
    ).toBe(true)

    const video = await upload(page.request, baseURL!, 'clip.mp4', fixture('clip.mp4'))
    expect(((await video.json()) as Uploaded).mediaType).toBe('video/mp4')
  })

  test('HTML and executables named .pdf are refused with a message in the page’s language', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn('member')
    const before = query<{ n: number }>('select count(*) as n from pending_upload')[0]!.n
    const html = await upload(
      page.request,
      baseURL!,
      'report.pdf',
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      { lang: 'ar' },
    )
    expect(html.status()).toBe(415)
    expect(await html.json()).toEqual({
      code: 'typeNotAllowed',
      error: expect.stringContaining('نوع هذا الملف غير مقبول'),
    })
    const elf = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(2000)])
    const exe = await upload(page.request, baseURL!, 'report.pdf', elf, { referer: '/en/resources/new' })
    expect(exe.status()).toBe(415)
    expect(((await exe.json()) as { error: string }).error).toContain('This type of file is not accepted')
    expect(query<{ n: number }>('select count(*) as n from pending_upload')[0]!.n).toBe(before)
    expect(tempFiles()).toEqual([])
  })

  test('visitors cannot upload', async ({ request, baseURL }) => {
    const response = await upload(request, baseURL!, 'a.pdf', fixture('arabic.pdf'), { lang: 'ar' })
    expect(response.status()).toBe(401)
    expect(((await response.json()) as { code: string }).code).toBe('signedOut')
  })

  test('a body declared larger than the limit is refused with 413 before it is read', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn('member')
    const cookies = await page.context().cookies()
    const session = cookies.find((c) => c.name === 'session')!
    const url = new URL('/uploads', baseURL)
    const started = Date.now()
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        headers: {
          Origin: url.origin,
          Cookie: `session=${session.value}`,
          'Content-Type': 'multipart/form-data; boundary=----x',
          'Content-Length': String(300 * 1_000_000),
        },
      })
      req.on('response', (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          resolve({ status: res.statusCode!, body })
          req.destroy()
        })
      })
      req.on('error', reject)
      // A few bytes of the 300 MB it announced, and then nothing.
      req.write('------x\r\nContent-Disposition: form-data; name="file"; filename="big.mp4"\r\n\r\n')
    })
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toMatchObject({ code: 'tooLarge', error: expect.stringContaining('200 MB') })
    expect(Date.now() - started).toBeLessThan(3000)
    expect(tempFiles()).toEqual([])
  })

  test('downloads: names, ranges, caching, and members-only files hidden from visitors', async ({
    page,
    signIn,
    baseURL,
    browser,
  }) => {
    await signIn('member')
    const pdf = fixture('arabic.pdf')
    const uploaded = (await (await upload(page.request, baseURL!, 'x.pdf', pdf)).json()) as Uploaded
    const { sha256 } = query<{ sha256: string }>('select sha256 from pending_upload where id = ?', uploaded.id)[0]!
    const arabicName = 'تقرير المساءلة البرلمانية (2024).pdf'
    const publicFile = insertResource(sha256, pdf.length, arabicName, 'public')
    const membersFile = insertResource(sha256, pdf.length, 'members.pdf', 'members')
    const href = (id: number, name: string) => `/files/${id}/${encodeURIComponent(name)}`

    const visitor = await browser.newContext({ baseURL })
    try {
      const whole = await visitor.request.get(href(publicFile, arabicName))
      expect(whole.status()).toBe(200)
      const h = whole.headers()
      expect(h['content-type']).toBe('application/pdf')
      expect(h['x-content-type-options']).toBe('nosniff')
      expect(h['accept-ranges']).toBe('bytes')
      expect(h['cache-control']).toBe('public, max-age=3600')
      expect(h['etag']).toBe(`"${sha256}"`)
      expect(h['content-disposition']).toContain("filename*=UTF-8''")
      expect(contentDisposition.parse(h['content-disposition']!)).toEqual({
        type: 'inline',
        parameters: { filename: arabicName },
      })
      expect((await whole.body()).equals(pdf)).toBe(true)

      const range = await visitor.request.get(href(publicFile, arabicName), { headers: { Range: 'bytes=0-99' } })
      expect(range.status()).toBe(206)
      expect(range.headers()['content-range']).toBe(`bytes 0-99/${pdf.length}`)
      expect((await range.body()).equals(pdf.subarray(0, 100))).toBe(true)
      const unsatisfiable = await visitor.request.get(href(publicFile, arabicName), {
        headers: { Range: `bytes=${pdf.length}-` },
      })
      expect(unsatisfiable.status()).toBe(416)

      const cached = await visitor.request.get(href(publicFile, arabicName), {
        headers: { 'If-None-Match': `"${sha256}"` },
      })
      expect(cached.status()).toBe(304)
      const head = await visitor.request.head(href(publicFile, arabicName))
      expect(head.status()).toBe(200)
      expect(head.headers()['content-length']).toBe(String(pdf.length))
      const attachment = await visitor.request.get(`${href(publicFile, arabicName)}?download=1`)
      expect(contentDisposition.parse(attachment.headers()['content-disposition']!).type).toBe('attachment')

      // Members-only: 404 for a visitor (as if it did not exist), the file for a member, kept private.
      const hidden = await visitor.request.get(href(membersFile, 'members.pdf'))
      expect(hidden.status()).toBe(404)
      expect((await hidden.body()).includes(pdf.subarray(0, 100))).toBe(false)
      expect((await visitor.request.get(href(999_999, 'none.pdf'))).status()).toBe(404)
    } finally {
      await visitor.close()
    }
    const member = await page.request.get(href(membersFile, 'members.pdf'))
    expect(member.status()).toBe(200)
    expect(member.headers()['cache-control']).toBe('private, max-age=3600')
  })
})
