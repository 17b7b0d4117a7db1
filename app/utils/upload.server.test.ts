import fs from 'node:fs'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { pendingUpload, user } from '#db/schema/index'
import { action } from '~/routes/uploads'
import { getPendingUpload } from '~/utils/pending-upload.server'
import { getDb } from './db.server'
import { tempDir, UploadError } from './file-store.server'
import { elfHeader, fixture, htmlPage, impostorSamples } from '../../test/sample-files'
import { createSession, generateSessionToken } from './session.server'
import { readUploadForm } from './upload.server'

// A small limit for this file's tests (read lazily by getConfig, after this line runs).
process.env.MAX_UPLOAD_MB = '0.1'

let member: { id: number }
let cookie: string

beforeAll(() => {
  member = getDb()
    .insert(user)
    .values({ email: 'uploader@example.org', name: 'Uploader', passwordHash: 'x' })
    .returning()
    .get()
  const token = generateSessionToken()
  createSession(token, member.id)
  cookie = `session=${token}`
})

const post = (url: string, body: FormData | string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method: 'POST', body, headers })
const tempFiles = () => (fs.existsSync(tempDir()) ? fs.readdirSync(tempDir()) : [])
const pendingCount = () => getDb().select().from(pendingUpload).all().length

function form(entries: [string, string | File][]) {
  const f = new FormData()
  for (const [k, v] of entries) f.append(k, v)
  return f
}

describe('readUploadForm (forms posted without JavaScript)', () => {
  it('streams the chosen file into a pending upload and puts its id in the field; text stays; empty inputs are skipped', async () => {
    // Written by hand: browsers send an empty file input as a part with filename="", which undici's FormData does not.
    const boundary = '----parlnet-test'
    const part = (headers: string, content: Buffer | string) => [
      Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from('\r\n'),
    ]
    const raw = Buffer.concat([
      ...part('Content-Disposition: form-data; name="titleAr"', 'تقرير عن المساءلة'),
      ...part(
        'Content-Disposition: form-data; name="file"; filename="تقرير %22المساءلة%22.pdf"\r\nContent-Type: text/html',
        fixture('arabic.pdf'),
      ),
      ...part(
        'Content-Disposition: form-data; name="poster"; filename=""\r\nContent-Type: application/octet-stream',
        '',
      ),
      ...part('Content-Disposition: form-data; name="intent"', 'draft'),
      Buffer.from(`--${boundary}--\r\n`),
    ])
    const body = new Request('http://localhost/ar/resources/new', {
      method: 'POST',
      body: raw,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(raw.length) },
    })
    const { formData, uploadErrors } = await readUploadForm(body, member, { fileFields: ['file', 'poster'] })
    expect(uploadErrors).toEqual({})
    expect(formData.get('titleAr')).toBe('تقرير عن المساءلة')
    expect(formData.get('intent')).toBe('draft')
    expect(formData.get('poster')).toBeNull()
    const id = formData.get('file')
    expect(id).toMatch(/^[a-z2-7]{32}$/)
    const pending = getPendingUpload(String(id), member.id)!
    // The browser's claim (text/html) is ignored; the name keeps its quotes; the PDF's text is there for search.
    expect(pending).toMatchObject({ originalName: 'تقرير "المساءلة".pdf', mediaType: 'application/pdf' })
    expect(pending.extractedText).toContain('المساءلة البرلمانية')
  })

  it('reports a refused file under its field, keeps reading the rest of the form, and leaves nothing behind', async () => {
    const before = pendingCount()
    const body = form([
      ['file', new File([htmlPage, Buffer.alloc(20_000, 0x20)], 'report.pdf')],
      ['poster', new File([fixture('clip.mp4'), Buffer.alloc(120_000)], 'big.mp4')],
      ['titleEn', 'After the files'],
    ])
    const { formData, uploadErrors } = await readUploadForm(post('/en/resources/new', body), member, {
      fileFields: ['file', 'poster'],
    })
    expect(uploadErrors).toEqual({ file: 'typeNotAllowed', poster: 'tooLarge' })
    expect(formData.get('titleEn')).toBe('After the files')
    expect(formData.get('file')).toBeNull()
    expect(pendingCount()).toBe(before)
    expect(tempFiles()).toEqual([])
  })

  it('lets a newly chosen file win over the id of an earlier upload', async () => {
    const body = form([
      ['file', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
      ['file', new File([fixture('poster.jpg')], 'poster.jpg')],
    ])
    const { formData } = await readUploadForm(post('/en/resources/1/files', body), member, { fileFields: ['file'] })
    expect(formData.getAll('file')).toHaveLength(1)
    expect(formData.get('file')).not.toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
  })

  it('refuses a form declaring more than allowed before reading it, with a localized message for the error page', async () => {
    const request = post('/ar/resources/new', 'tiny', {
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': String(300 * 1_000_000),
    })
    const thrown = await readUploadForm(request, member, { fileFields: ['file'] }).then(
      () => null,
      (e: unknown) => e as { init: ResponseInit; data: { message: string } },
    )
    expect(thrown?.init.status).toBe(413)
    expect(thrown?.data.message).toContain('أكبر مما تقبله المكتبة')
    expect(thrown?.data.message).toContain('100')
    expect(request.bodyUsed).toBe(false)
  })
})

describe('POST /uploads', () => {
  // As FileUploadField sends it: the name as a field, then the file under a name the part header can carry.
  const upload = async (file: File, headers: Record<string, string> = {}, url = '/uploads') => {
    const body = new FormData()
    body.append('name', file.name)
    body.append('file', file, file.name.replace(/[;="\\\r\n]/g, '_'))
    const response = await action({ request: post(url, body, { Cookie: cookie, ...headers }), params: {}, context: {} })
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    }
  }

  it('answers the pending upload as JSON, keeping a name the part header could not carry', async () => {
    const { status, body } = await upload(new File([fixture('clip.webm')], 'جلسة; الاستماع=1.webm'))
    expect(status).toBe(200)
    expect(body).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{32}$/),
      name: 'جلسة; الاستماع=1.webm',
      size: fixture('clip.webm').length,
      mediaType: 'video/webm',
    })
  })

  it('refuses visitors with 401', async () => {
    const response = await action({
      request: post('/uploads', form([['file', new File([fixture('poster.jpg')], 'p.jpg')]]), {
        Referer: 'http://localhost/ar/resources/new',
      }),
      params: {},
      context: {},
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ code: 'signedOut', error: expect.stringContaining('انتهت جلستك') })
  })

  it('refuses HTML and executables named .pdf with 415 and a message in the page’s language', async () => {
    const html = await upload(new File([htmlPage], 'report.pdf'), {}, '/uploads?lang=ar')
    expect(html).toMatchObject({
      status: 415,
      body: { code: 'typeNotAllowed', error: expect.stringContaining('نوع هذا الملف غير مقبول') },
    })
    const exe = await upload(new File([elfHeader], 'report.pdf'), { Referer: 'http://localhost/en/resources/new' })
    expect(exe).toMatchObject({
      status: 415,
      body: { code: 'typeNotAllowed', error: expect.stringContaining('This type of file is not accepted') },
    })
    expect(tempFiles()).toEqual([])
  })

  it('refuses with 413 before reading a body that declares too much, and one that turns out too large', async () => {
    const request = post('/uploads', 'tiny', {
      Cookie: cookie,
      'Content-Type': 'multipart/form-data; boundary=x',
      'Content-Length': '300000000',
    })
    const response = await action({ request, params: {}, context: {} })
    expect(response.status).toBe(413)
    expect(response.headers.get('Connection')).toBe('close')
    expect(await response.json()).toMatchObject({ code: 'tooLarge', error: expect.stringContaining('100') })
    expect(request.bodyUsed).toBe(false)
    const big = await upload(new File([fixture('clip.mp4'), Buffer.alloc(120_000)], 'big.mp4'))
    expect(big).toMatchObject({ status: 413, body: { code: 'tooLarge' } })
    expect(tempFiles()).toEqual([])
  })

  it('refuses a PDF that does not open and a JPEG that does not decode with 422, a message in both languages, no row', async () => {
    const before = pendingCount()
    const samples = new Map((await impostorSamples()).map(([name, bytes]) => [name, bytes]))
    const polyglot = await upload(
      new File([new Uint8Array(samples.get('polyglot.pdf')!)], 'polyglot.pdf'),
      {},
      '/uploads?lang=ar',
    )
    expect(polyglot).toMatchObject({
      status: 422,
      body: { code: 'damaged', error: expect.stringContaining('هذا الملف تالف') },
    })
    const garbage = await upload(
      new File([new Uint8Array(samples.get('garbage.jpg')!)], 'garbage.jpg'),
      {},
      '/uploads?lang=en',
    )
    expect(garbage).toMatchObject({
      status: 422,
      body: { code: 'damaged', error: expect.stringContaining('This file is damaged') },
    })
    expect(pendingCount()).toBe(before)
    expect(tempFiles()).toEqual([])
  })

  it('keeps a name without its tricks: bidi controls gone, NFC, an extension that agrees with the content', async () => {
    const pdf = fixture('arabic.pdf')
    expect((await upload(new File([pdf], 'invoice\u202Efdp.exe'))).body.name).toBe('invoicefdp.pdf')
    expect((await upload(new File([pdf], 'report.pdf.html'))).body.name).toBe('report.pdf')
    expect((await upload(new File([pdf], '.htaccess'))).body.name).toBe('htaccess.pdf')
    expect((await upload(new File([pdf], 'Re\u0301sume\u0301.pdf'))).body.name).toBe('R\u00e9sum\u00e9.pdf')
  })
})

describe('a full disk', () => {
  afterEach(() => vi.restoreAllMocks())
  const noSpace = () =>
    vi
      .spyOn(fs.promises, 'open')
      .mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }))

  it("POST /uploads answers 503 'storage-full' with a message in both languages, logs it once, keeps nothing", async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    noSpace()
    const before = pendingCount()
    const file = new File([fixture('poster.jpg')], 'secret-name.jpg')
    const body = () => {
      const b = new FormData()
      b.append('file', file, file.name)
      return b
    }
    const messages = [
      ['en', "The portal's storage is full; nothing was saved."],
      ['ar', 'مساحة التخزين في البوابة ممتلئة، ولم يُحفظ شيء.'],
    ] as const
    for (const [lang, text] of messages) {
      errors.mockClear()
      const response = await action({
        request: post(`/uploads?lang=${lang}`, body(), { Cookie: cookie }),
        params: {},
        context: {},
      })
      expect(response.status).toBe(503)
      expect(await response.json()).toEqual({ code: 'storage-full', error: expect.stringContaining(text) })
      expect(errors).toHaveBeenCalledTimes(1)
      expect(String(errors.mock.calls[0])).not.toContain('secret-name')
      expect(String(errors.mock.calls[0])).not.toContain(cookie)
    }
    expect(pendingCount()).toBe(before)
  })

  it("a form posted without JavaScript fails whole with the 'storage-full' code (a 503 page by server/storage-full.mjs)", async () => {
    noSpace()
    const request = post(
      '/en/resources/new',
      form([
        ['titleEn', 'A title'],
        ['file', new File([fixture('poster.jpg')], 'p.jpg')],
      ]),
    )
    const error = await readUploadForm(request, member, { fileFields: ['file'] }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(UploadError)
    expect((error as UploadError).code).toBe('storage-full')
  })
})
