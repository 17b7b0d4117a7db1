import contentDisposition from 'content-disposition'
import { beforeAll, describe, expect, it } from 'vitest'
import { fileResponse } from './file-response.server'
import { storeUpload, type StoredBlob } from './file-store.server'
import { fixture } from '../../test/sample-files'

const arabicName = 'تقرير المساءلة البرلمانية 2024.pdf'
let pdf: StoredBlob & { originalName: string; isPublic: boolean }
let docx: StoredBlob & { originalName: string; isPublic: boolean }
const bytes = fixture('arabic.pdf')

beforeAll(async () => {
  const one = async (b: Buffer) =>
    storeUpload(
      (async function* () {
        yield new Uint8Array(b)
      })(),
    )
  pdf = { ...(await one(bytes)), originalName: arabicName, isPublic: true }
  docx = {
    ...pdf,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    originalName: 'notes "final".docx',
    isPublic: false,
  }
})

const get = (headers: Record<string, string> = {}, url = 'http://x/files/1/a', method = 'GET') =>
  new Request(url, { headers, method })

describe('fileResponse', () => {
  it('sends the whole file with its type, its Arabic name (RFC 6266) and cache rules', async () => {
    const response = await fileResponse(get(), pdf)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
    expect(response.headers.get('Accept-Ranges')).toBe('bytes')
    expect(response.headers.get('ETag')).toBe(`"${pdf.sha256}"`)
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600')
    const disposition = response.headers.get('Content-Disposition')!
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(arabicName).replace(/'/g, '%27')}`)
    expect(contentDisposition.parse(disposition)).toEqual({ type: 'inline', parameters: { filename: arabicName } })
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('offers Office files, and anything with ?download=1, as attachments; members-only files stay private', async () => {
    const office = await fileResponse(get(), docx)
    expect(contentDisposition.parse(office.headers.get('Content-Disposition')!)).toEqual({
      type: 'attachment',
      parameters: { filename: 'notes "final".docx' },
    })
    expect(office.headers.get('Cache-Control')).toBe('private, max-age=3600')
    const forced = await fileResponse(get({}, 'http://x/files/1/a?download=1'), pdf)
    expect(contentDisposition.parse(forced.headers.get('Content-Disposition')!).type).toBe('attachment')
  })

  it('gives every non-ASCII name filename* (NFD and Latin-1 ones too), with an ASCII fallback', async () => {
    for (const name of ['Re\u0301sume\u0301.pdf', 'café.pdf', 'تقرير.pdf']) {
      const disposition = (await fileResponse(get(), { ...pdf, originalName: name })).headers.get(
        'Content-Disposition',
      )!
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name.normalize('NFC'))}`)
      expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=/)
      expect(contentDisposition.parse(disposition).parameters.filename).toBe(name.normalize('NFC'))
    }
    expect((await fileResponse(get(), { ...pdf, originalName: 'Resume.pdf' })).headers.get('Content-Disposition')).toBe(
      'inline; filename="Resume.pdf"',
    )
  })

  it('serves names stored before the rules without their tricks: no bidi controls, no hidden or wrong extension', async () => {
    const served = async (originalName: string) =>
      contentDisposition.parse(
        (await fileResponse(get(), { ...pdf, originalName })).headers.get('Content-Disposition')!,
      ).parameters.filename
    expect(await served('invoice\u202Efdp.exe')).toBe('invoicefdp.pdf')
    expect(await served('.htaccess')).toBe('htaccess.pdf')
    expect(await served('x.html.')).toBe('x.pdf')
    expect(await served('report.pdf.html')).toBe('report.pdf')
    expect(await served('report.pdf; filename=evil.html')).toBe('report.pdf; filename=evil.pdf')
  })

  it('answers a byte range with 206 and Content-Range, and an impossible one with 416', async () => {
    const first = await fileResponse(get({ Range: 'bytes=0-99' }), pdf)
    expect(first.status).toBe(206)
    expect(first.headers.get('Content-Range')).toBe(`bytes 0-99/${bytes.length}`)
    expect(first.headers.get('Content-Length')).toBe('100')
    expect(Buffer.from(await first.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true)

    const tail = await fileResponse(get({ Range: 'bytes=-10' }), pdf)
    expect(tail.headers.get('Content-Range')).toBe(`bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`)
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-10))).toBe(true)

    const several = await fileResponse(get({ Range: 'bytes=10-19,50-59' }), pdf)
    expect(several.status).toBe(206)
    expect(several.headers.get('Content-Range')).toBe(`bytes 10-19/${bytes.length}`)

    const beyond = await fileResponse(get({ Range: `bytes=${bytes.length + 10}-` }), pdf)
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('Content-Range')).toBe(`bytes */${bytes.length}`)

    const malformed = await fileResponse(get({ Range: 'lines=1-2' }), pdf)
    expect(malformed.status).toBe(200)
    const stale = await fileResponse(get({ Range: 'bytes=0-9', 'If-Range': '"other"' }), pdf)
    expect(stale.status).toBe(200)
  })

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const notModified = await fileResponse(get({ 'If-None-Match': `W/"x", "${pdf.sha256}"` }), pdf)
    expect(notModified.status).toBe(304)
    expect(notModified.body).toBeNull()
    const head = await fileResponse(get({}, 'http://x/files/1/a', 'HEAD'), pdf)
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Length')).toBe(String(bytes.length))
    expect(head.body).toBeNull()
  })

  it('answers 404 when the bytes are missing', async () => {
    const missing = await fileResponse(get(), { ...pdf, sha256: 'f'.repeat(64) })
    expect(missing.status).toBe(404)
  })
})
