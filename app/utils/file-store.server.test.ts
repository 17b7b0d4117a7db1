import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { execFileSync, spawn } from 'node:child_process'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { assistanceRequestFile, pendingUpload, resourceFile, user } from '#db/schema/index'
import { getDb } from './db.server'
import {
  cleanOriginalName,
  cleanTempUploads,
  removeBlobIfUnreferenced,
  storeUpload,
  sweepUploadsAtStartup,
  tempDir,
  UploadError,
  uploadPath,
} from './file-store.server'
import { acceptAttribute, isAcceptedMediaType, isInlineMediaType } from './file-types'
import { ZIP_MAX_UNPACKED, ZIP_RATIO_FLOOR, checkZip } from './file-check.server'
import {
  acceptedSamples,
  elfHeader,
  fixture,
  htmlPage,
  impostorSamples,
  refusedSamples,
  zip,
  zip64Docx,
} from '../../test/sample-files'

/** Feeds bytes in chunks, counting how many chunks the store asked for. */
function chunked(bytes: Buffer, size = 1024) {
  const state = { pulled: 0 }
  const source = (async function* () {
    for (let i = 0; i < bytes.length; i += size) {
      state.pulled++
      yield new Uint8Array(bytes.subarray(i, i + size))
    }
  })()
  return { source, state }
}

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const tempFiles = () => (fs.existsSync(tempDir()) ? fs.readdirSync(tempDir()) : [])

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(UploadError)
  return (error as UploadError).code
}

describe('storeUpload', () => {
  it('hashes, counts and stores by SHA-256 in a two-letter folder', async () => {
    const pdf = fixture('arabic.pdf')
    const blob = await storeUpload(chunked(pdf, 777).source)
    expect(blob).toEqual({ sha256: sha(pdf), size: pdf.length, mediaType: 'application/pdf' })
    expect(uploadPath(blob.sha256)).toBe(
      path.join(process.env.DATA_DIR!, 'uploads', blob.sha256.slice(0, 2), blob.sha256),
    )
    expect(fs.readFileSync(uploadPath(blob.sha256)).equals(pdf)).toBe(true)
    expect(tempFiles()).toEqual([])
  })

  it('takes a Node stream too, and stores the same bytes only once', async () => {
    const jpg = fixture('poster.jpg')
    const first = await storeUpload(Readable.from([jpg.subarray(0, 100), jpg.subarray(100)]))
    const second = await storeUpload(chunked(jpg, 50).source)
    expect(second).toEqual(first)
    expect(fs.readdirSync(path.dirname(uploadPath(first.sha256))).filter((f) => f === first.sha256)).toHaveLength(1)
    expect(tempFiles()).toEqual([])
  })

  it('stops reading as soon as the stream passes the limit, and leaves nothing', async () => {
    const big = Buffer.concat([fixture('clip.mp4'), Buffer.alloc(200_000)])
    const { source, state } = chunked(big, 10_000)
    expect(await refusal(storeUpload(source, { maxBytes: 50_000 }))).toBe('tooLarge')
    expect(state.pulled).toBe(6)
    expect(tempFiles()).toEqual([])
    expect(fs.existsSync(uploadPath(sha(big)))).toBe(false)
  })

  it('refuses an empty file and a stream that fails half-way, leaving nothing', async () => {
    expect(await refusal(storeUpload(chunked(Buffer.alloc(0)).source))).toBe('empty')
    const failing = (async function* () {
      yield new Uint8Array(fixture('arabic.pdf').subarray(0, 5000))
      throw new Error('client went away')
    })()
    expect(await refusal(storeUpload(failing))).toBe('aborted')
    expect(tempFiles()).toEqual([])
  })

  it('accepts documents, images, video and audio, deciding the type from the content only', async () => {
    for (const [name, bytes, mediaType] of await acceptedSamples()) {
      const blob = await storeUpload(chunked(bytes).source)
      expect([name, blob.mediaType]).toEqual([name, mediaType])
      expect(isAcceptedMediaType(blob.mediaType)).toBe(true)
    }
  })

  it('refuses HTML, executables, SVG, text, plain zips, macro documents and other compound files', async () => {
    for (const [name, bytes] of refusedSamples()) {
      expect([name, await refusal(storeUpload(chunked(bytes).source))]).toEqual([name, 'typeNotAllowed'])
      expect(fs.existsSync(uploadPath(sha(bytes)))).toBe(false)
    }
    expect(tempFiles()).toEqual([])
  })

  it('refuses a large HTML or executable file from its first bytes, without reading the rest', async () => {
    for (const head of [htmlPage, elfHeader]) {
      const { source, state } = chunked(Buffer.concat([head, Buffer.alloc(1_000_000, 0x20)]), 4096)
      expect(await refusal(storeUpload(source))).toBe('typeNotAllowed')
      expect(state.pulled).toBeLessThanOrEqual(2)
    }
    expect(tempFiles()).toEqual([])
  })
})

describe('storeUpload: structure, not only magic bytes', () => {
  it('refuses a PDF that does not open, a JPEG that does not decode, a zip bomb, a cut-off video; leaves nothing', async () => {
    const before = getDb().select().from(pendingUpload).all().length
    for (const [name, bytes, code] of await impostorSamples()) {
      expect([name, await refusal(storeUpload(chunked(bytes, 64 * 1024).source))]).toEqual([name, code])
      expect(fs.existsSync(uploadPath(sha(bytes)))).toBe(false)
    }
    expect(tempFiles()).toEqual([])
    expect(getDb().select().from(pendingUpload).all()).toHaveLength(before)
  }, 60_000)

  it('reads ZIP64 directories, and caps what an Office file may unpack to without inflating it', async () => {
    const blob = await storeUpload(chunked(zip64Docx()).source)
    expect(blob.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    // A directory that claims more than the cap (here: 2 GiB of one entry in ZIP64) is refused from the directory.
    const file = path.join(process.env.DATA_DIR!, 'claims.zip')
    const claim = zip([{ name: 'a.xml', data: Buffer.alloc(10), deflated: { size: 0, crc: 0 } }], { zip64: true })
    // Patch the uncompressed size in the central directory's ZIP64 extra field (its first 8 bytes).
    const extraAt = claim.indexOf(
      Buffer.from([0x01, 0x00, 24, 0x00]),
      claim.indexOf(Buffer.from('PK\x01\x02', 'latin1')),
    )
    claim.writeBigUInt64LE(2n * BigInt(ZIP_MAX_UNPACKED), extraAt + 4)
    fs.writeFileSync(file, claim)
    expect(await checkZip(file)).toBe('unpackedTooLarge')
    // Small files may always unpack to the floor (10 MB) even past 100:1.
    fs.writeFileSync(
      file,
      zip([{ name: 'a.xml', data: Buffer.alloc(10), deflated: { size: ZIP_RATIO_FLOOR - 1, crc: 0 } }]),
    )
    expect(await checkZip(file)).toBe(null)
    fs.rmSync(file)
  })
})

describe('storeUpload: a full disk', () => {
  afterEach(() => vi.restoreAllMocks())

  it("reports ENOSPC and EDQUOT as 'storage-full', not as an aborted upload, and leaves nothing", async () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      const realOpen = fs.promises.open.bind(fs.promises)
      vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
        const handle = await realOpen(...args)
        const write = handle.write.bind(handle) as (...a: unknown[]) => unknown
        let writes = 0
        // The first write lands, the second finds the disk full.
        handle.write = (async (...a: unknown[]) => {
          if (++writes > 1) throw Object.assign(new Error(`${code}: no space left on device, write`), { code })
          return write(...a)
        }) as typeof handle.write
        return handle
      })
      expect(await refusal(storeUpload(chunked(fixture('arabic.pdf'), 4096).source))).toBe('storage-full')
      vi.restoreAllMocks()
      expect(tempFiles()).toEqual([])
    }
  })

  it("fills a real 1 MB tmpfs: 'storage-full', and the partial file is gone (root only)", async (ctx) => {
    // The 1 MB file system is mounted over uploads/tmp, where uploads are written while they arrive.
    fs.mkdirSync(tempDir(), { recursive: true })
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', tempDir()], { stdio: 'ignore' })
    } catch {
      ctx.skip() // Needs root and mount(8) (a container or CI runner without them skips it).
      return
    }
    try {
      const big = Buffer.concat([fixture('clip.mp4'), Buffer.alloc(3_000_000)])
      expect(await refusal(storeUpload(chunked(big, 64 * 1024).source))).toBe('storage-full')
      expect(tempFiles()).toEqual([])
    } finally {
      execFileSync('umount', [tempDir()])
    }
  })
})

describe('removeBlobIfUnreferenced', () => {
  let userId: number
  beforeAll(() => {
    userId = getDb()
      .insert(user)
      .values({ email: 'store@example.org', name: 'Store', passwordHash: 'x' })
      .returning()
      .get().id
  })

  it('keeps bytes a pending upload still names, and deletes them once nothing does', async () => {
    const bytes = fixture('clip.webm')
    const blob = await storeUpload(chunked(bytes).source)
    getDb()
      .insert(pendingUpload)
      .values({ id: 'a'.repeat(32), userId, ...blob, originalName: 'clip.webm' })
      .run()
    expect(removeBlobIfUnreferenced(blob.sha256)).toBe(false)
    expect(fs.existsSync(uploadPath(blob.sha256))).toBe(true)
    getDb().delete(pendingUpload).run()
    expect(removeBlobIfUnreferenced(blob.sha256)).toBe(true)
    expect(fs.existsSync(uploadPath(blob.sha256))).toBe(false)
  })

  it('never takes a path from outside', () => {
    expect(removeBlobIfUnreferenced('../../portal.db')).toBe(false)
    expect(() => uploadPath('../x')).toThrow()
  })
})

describe('sweepUploadsAtStartup: after a kill -9', () => {
  // Bundled once (esbuild, packages external) so that each process starts fast, as the meeting race test does.
  const workerFile = path.resolve(`node_modules/.cache/parlnet-kill/worker-${process.pid}.mjs`)
  let userId: number
  beforeAll(async () => {
    await build({
      entryPoints: ['app/utils/file-store.kill-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: workerFile,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
      plugins: [
        {
          name: 'external-packages',
          setup(b) {
            b.onResolve({ filter: /^[^./~#]/ }, (args) => ({ path: args.path, external: true }))
          },
        },
      ],
    })
    userId = getDb()
      .insert(user)
      .values({ email: 'killed@example.org', name: 'Killed', passwordHash: 'x' })
      .returning()
      .get().id
  })
  afterAll(() => fs.rmSync(workerFile, { force: true }))

  /** Runs the worker on `bytes`, waits for its line, kills it with SIGKILL; returns the line. */
  async function killDuring(mode: 'mid' | 'stored' | 'recorded', bytes: Buffer) {
    const input = path.join(process.env.DATA_DIR!, `input-${mode}-${Date.now()}`)
    fs.writeFileSync(input, bytes)
    const child = spawn(process.execPath, [workerFile, mode, input, String(userId)], {
      env: { ...process.env, DATA_DIR: process.env.DATA_DIR },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk
        if (out.includes('\n')) resolve(out.trim())
      })
      child.on('exit', (code) => reject(new Error(`worker exited (${code}) before saying how far it got: ${out}`)))
    })
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    fs.rmSync(input)
    return line
  }

  it('removes the partial file of an upload killed mid-way and a blob killed before its row; keeps every named blob', async () => {
    const clip = fixture('clip.mp4')
    expect(await killDuring('mid', clip)).toBe('writing')
    expect(tempFiles()).toHaveLength(1)

    const orphan = await killDuring('stored', fixture('arabic.pdf'))
    const orphanSha = orphan.split(' ')[1]!
    expect(orphanSha).toBe(sha(fixture('arabic.pdf')))
    expect(fs.existsSync(uploadPath(orphanSha))).toBe(true)

    const recorded = (await killDuring('recorded', fixture('poster.jpg'))).split(' ')[1]!
    expect(
      getDb()
        .select()
        .from(pendingUpload)
        .all()
        .map((r) => r.sha256),
    ).toContain(recorded)

    // Blobs named by a resource file and by a request's attachment, written in this process.
    const webm = await storeUpload(chunked(fixture('clip.webm')).source)
    const named = { resource: webm.sha256, request: '' }
    const db = getDb().$client
    db.pragma('foreign_keys = OFF')
    getDb()
      .insert(resourceFile)
      .values({
        resourceId: 999,
        sha256: webm.sha256,
        size: webm.size,
        mediaType: webm.mediaType,
        originalName: 'a.webm',
        role: 'document',
      })
      .run()
    const png = await storeUpload(chunked((await acceptedSamples()).find(([n]) => n === 'dot.png')![1]).source)
    named.request = png.sha256
    getDb()
      .insert(assistanceRequestFile)
      .values({
        requestId: 999,
        sha256: png.sha256,
        size: png.size,
        mediaType: png.mediaType,
        originalName: 'a.png',
        uploadedById: userId,
      })
      .run()
    db.pragma('foreign_keys = ON')
    // A stray file that is not a blob is nobody's to judge: left alone.
    const stray = path.join(path.dirname(uploadPath(orphanSha)), 'README')
    fs.writeFileSync(stray, 'x')

    // (The blobs earlier tests stored without a row are orphans too.)
    const swept = sweepUploadsAtStartup()
    expect(swept.temp).toBe(1)
    expect(swept.orphans).toBeGreaterThanOrEqual(1)
    expect(tempFiles()).toEqual([])
    expect(fs.existsSync(uploadPath(orphanSha))).toBe(false)
    const left = fs
      .readdirSync(path.join(process.env.DATA_DIR!, 'uploads'))
      .filter((d) => d !== 'tmp')
      .flatMap((d) => fs.readdirSync(path.join(process.env.DATA_DIR!, 'uploads', d)))
      .filter((name) => name !== 'README')
    expect(left.sort()).toEqual([recorded, named.resource, named.request].sort())
    expect(fs.existsSync(stray)).toBe(true)
    // Nothing more to do the second time.
    expect(sweepUploadsAtStartup()).toEqual({ temp: 0, orphans: 0 })
    fs.rmSync(stray)
  }, 60_000)
})

describe('cleanTempUploads', () => {
  it('removes only old temporary files', () => {
    fs.mkdirSync(tempDir(), { recursive: true })
    const old = path.join(tempDir(), 'old')
    const fresh = path.join(tempDir(), 'fresh')
    fs.writeFileSync(old, 'x')
    fs.writeFileSync(fresh, 'x')
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    fs.utimesSync(old, hourAgo, hourAgo)
    expect(cleanTempUploads()).toBe(1)
    expect(tempFiles()).toEqual(['fresh'])
    fs.rmSync(fresh)
  })
})

describe('cleanOriginalName', () => {
  it('keeps Arabic names, drops folders, control and bidi-override characters', () => {
    expect(cleanOriginalName('C:\\Users\\amal\\تقرير المساءلة البرلمانية.pdf')).toBe('تقرير المساءلة البرلمانية.pdf')
    expect(cleanOriginalName('/tmp/a\u0000b\u202etxt.exe')).toBe('abtxt.exe')
    expect(cleanOriginalName('')).toBe('file')
    expect(cleanOriginalName('..')).toBe('file')
    const long = cleanOriginalName(`${'ب'.repeat(300)}.docx`)
    expect([...long]).toHaveLength(200)
    expect(long.endsWith('.docx')).toBe(true)
  })

  it('drops every bidi, zero-width and control character, and makes the name NFC', () => {
    expect(cleanOriginalName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    // The Arabic trick: a right-to-left override hiding ".exe" inside an Arabic name.
    expect(cleanOriginalName('تقرير\u202Eexe.pdf')).toBe('تقريرexe.pdf')
    for (const mark of [
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200b',
      '\ufeff',
      '\u2028',
    ]) {
      expect(cleanOriginalName(`a${mark}b.pdf`)).toBe('ab.pdf')
    }
    // Persian needs ZWNJ: kept.
    expect(cleanOriginalName('گزارش\u200cها.pdf')).toBe('گزارش\u200cها.pdf')
    const nfd = 'Re\u0301sume\u0301 de\u0301taille\u0301.pdf'
    expect(cleanOriginalName(nfd)).toBe(nfd.normalize('NFC'))
    expect(cleanOriginalName(nfd)).not.toBe(nfd)
  })

  it('makes the extension agree with the type found by content, and hides nothing behind a dot', () => {
    const pdf = 'application/pdf'
    expect(cleanOriginalName('.htaccess', pdf)).toBe('htaccess.pdf')
    expect(cleanOriginalName('.env', pdf)).toBe('env.pdf')
    expect(cleanOriginalName('x.html.', pdf)).toBe('x.pdf')
    expect(cleanOriginalName('report.pdf.html', pdf)).toBe('report.pdf')
    expect(cleanOriginalName('report.pdf; filename=evil.html', pdf)).toBe('report.pdf; filename=evil.pdf')
    expect(cleanOriginalName('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.pdf')
    expect(cleanOriginalName('Minutes 12.5.2024', pdf)).toBe('Minutes 12.5.2024.pdf')
    expect(cleanOriginalName('تقرير', pdf)).toBe('تقرير.pdf')
    expect(cleanOriginalName('REPORT.PDF', pdf)).toBe('REPORT.PDF')
    expect(cleanOriginalName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg')
    expect(cleanOriginalName('photo.png', 'image/jpeg')).toBe('photo.jpg')
    expect(
      cleanOriginalName('old.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    ).toBe('old.docx')
    expect(cleanOriginalName('...', pdf)).toBe('file.pdf')
  })
})

describe('file types (client-safe list)', () => {
  it('offers extensions and media types to the file picker, and shows inline only what browsers render safely', () => {
    expect(acceptAttribute).toContain('.pdf')
    expect(acceptAttribute).toContain('.docx')
    expect(acceptAttribute).toContain('video/mp4')
    expect(acceptAttribute).not.toContain('svg')
    expect(acceptAttribute).not.toContain('html')
    expect(isInlineMediaType('application/pdf')).toBe(true)
    expect(isInlineMediaType('video/webm')).toBe(true)
    expect(isInlineMediaType('application/msword')).toBe(false)
    expect(isInlineMediaType('text/html')).toBe(false)
  })
})
