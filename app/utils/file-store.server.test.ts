import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { pendingUpload, user } from '#db/schema/index'
import { getDb } from './db.server'
import {
  cleanOriginalName,
  cleanTempUploads,
  removeBlobIfUnreferenced,
  storeUpload,
  tempDir,
  UploadError,
  uploadPath,
} from './file-store.server'
import { acceptAttribute, isAcceptedMediaType, isInlineMediaType } from './file-types'
import { acceptedSamples, elfHeader, fixture, htmlPage, refusedSamples } from './sample-files.test-helper'

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
    expect(uploadPath(blob.sha256)).toBe(path.join(process.env.DATA_DIR!, 'uploads', blob.sha256.slice(0, 2), blob.sha256))
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

describe('removeBlobIfUnreferenced', () => {
  let userId: number
  beforeAll(() => {
    userId = getDb().insert(user).values({ email: 'store@example.org', name: 'Store', passwordHash: 'x' }).returning().get().id
  })

  it('keeps bytes a pending upload still names, and deletes them once nothing does', async () => {
    const bytes = fixture('clip.webm')
    const blob = await storeUpload(chunked(bytes).source)
    getDb().insert(pendingUpload).values({ id: 'a'.repeat(32), userId, ...blob, originalName: 'clip.webm' }).run()
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
