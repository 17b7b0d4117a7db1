// Tests of checking content: the type decided from the content only, the structure behind the magic bytes (PDF,
// images, zips, video), and the client-safe list of file types.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { pendingUpload } from '#db/schema/index'
import { getDb } from './db.server'
import { storeUpload, uploadPath } from './file-store.server'
import { acceptAttribute, isAcceptedMediaType, isInlineMediaType } from './file-types'
import { ZIP_MAX_UNPACKED, ZIP_RATIO_FLOOR, checkZip } from './file-check.server'
import { chunked, refusal, sha, tempFiles } from './file-store.test-helpers'
import {
  acceptedSamples,
  elfHeader,
  htmlPage,
  impostorSamples,
  refusedSamples,
  zip,
  zip64Docx,
} from '../../test/sample-files'

describe('storeUpload: the type, from the content', () => {
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
