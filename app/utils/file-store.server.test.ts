// Tests of storing blobs: hashing, counting, the size limit, refusals that leave nothing, and a full disk.
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { storeUpload, tempDir, uploadPath } from './file-store.server'
import { chunked, refusal, sha, tempFiles } from './file-store.test-helpers'
import { fixture } from '../../test/sample-files'

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
