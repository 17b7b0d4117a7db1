import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import sharp from 'sharp'

/**
 * Checks that a stored file is what its first bytes say, by its structure (docs/decisions/007): magic bytes alone
 * let through an HTML page behind "%PDF-", a cut-off download, a JPEG header over random bytes, a zip bomb.
 * - PDF: ends with %%EOF (within its last 1024 bytes, as readers require) and pdf.js opens it and its first page;
 * - JPEG/PNG/WebP/GIF: sharp decodes it (the first frame), failing on any decoding error;
 * - Office/OpenDocument (zip): a central directory that lies inside the file and names local headers that exist,
 *   and a total uncompressed size of at most ZIP_MAX_RATIO × the file's size (with a floor) and ZIP_MAX_UNPACKED,
 *   read from the directory without inflating anything (ZIP64 included);
 * - MP4/M4A: the top-level boxes tile the file exactly and include `moov`;
 * - WebM, Ogg, MP3, WAV and the legacy Office files: only their container header (file-type, the Compound File
 *   directory) is checked.
 */

export type StructureProblem = 'damaged' | 'unpackedTooLarge'

/** An Office file may unpack to at most this many times its size (deflate of real XML stays well below 100:1)… */
export const ZIP_MAX_RATIO = 100
/** …but a small file may always unpack to this much… */
export const ZIP_RATIO_FLOOR = 10 * 1024 * 1024
/** …and no file to more than this. */
export const ZIP_MAX_UNPACKED = 1024 * 1024 * 1024
/** More entries than this is not a document. */
export const ZIP_MAX_ENTRIES = 20_000

const ooxmlOrOdf = /^application\/vnd\.(openxmlformats-officedocument|oasis\.opendocument)\./

/** null when the file's structure is sound for its media type, else why it is not. */
export async function checkStructure(file: string, mediaType: string): Promise<StructureProblem | null> {
  if (mediaType === 'application/pdf') return (await pdfOpens(file)) ? null : 'damaged'
  if (mediaType.startsWith('image/')) return (await imageDecodes(file)) ? null : 'damaged'
  if (ooxmlOrOdf.test(mediaType)) return checkZip(file)
  if (mediaType === 'video/mp4' || mediaType === 'audio/mp4') return (await mp4BoxesSound(file)) ? null : 'damaged'
  return null
}

async function imageDecodes(file: string) {
  try {
    // Decoding to a thumbnail reads every pixel of the first frame (JPEG shrink-on-load keeps it cheap).
    await sharp(file, { failOn: 'error' }).resize(32, 32, { fit: 'inside' }).raw().toBuffer()
    return true
  } catch {
    return false
  }
}

// Relative to the working directory, like server/pdf-text-worker.mjs (see app/utils/pdf-text.server.ts).
const pdfWorkerFile = path.resolve('server/pdf-check-worker.mjs')
const PDF_TIMEOUT_MS = 30_000

async function pdfOpens(file: string) {
  const fh = await fs.promises.open(file, 'r')
  try {
    const { size } = await fh.stat()
    const tail = Buffer.alloc(Math.min(1024, size))
    await fh.read(tail, 0, tail.length, size - tail.length)
    if (!tail.includes('%%EOF')) return false
  } finally {
    await fh.close()
  }
  // pdf.js parses hostile input: in a worker with its own heap limit, stopped after a timeout.
  return new Promise<boolean>((resolve) => {
    const worker = new Worker(pdfWorkerFile, {
      workerData: { file },
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    })
    worker.stdout.resume()
    worker.stderr.resume()
    let settled = false
    const finish = (ok: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(ok)
    }
    const timer = setTimeout(() => finish(false), PDF_TIMEOUT_MS)
    worker.on('message', (message: { ok?: boolean }) => finish(message.ok === true))
    worker.on('error', () => finish(false))
    worker.on('exit', () => finish(false))
  })
}

/** Reads exactly `length` bytes at `position`, or null when the file is shorter. */
async function readAt(fh: fs.promises.FileHandle, position: number, length: number) {
  const buf = Buffer.alloc(length)
  const { bytesRead } = await fh.read(buf, 0, length, position)
  return bytesRead === length ? buf : null
}

const U32 = 0xffffffff

/** The zip's central directory, read and added up without inflating any entry. */
export async function checkZip(file: string): Promise<StructureProblem | null> {
  const fh = await fs.promises.open(file, 'r')
  try {
    const { size } = await fh.stat()
    if (size < 22) return 'damaged'
    // The End Of Central Directory record: 22 bytes plus a comment of up to 65535, at the very end.
    const tailLength = Math.min(size, 22 + 65_535)
    const tail = (await readAt(fh, size - tailLength, tailLength))!
    let at = -1
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
        at = i
        break
      }
    }
    if (at < 0) return 'damaged'
    const eocdOffset = size - tailLength + at
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) return 'damaged' // split archives
    let entries = tail.readUInt16LE(at + 10)
    let cdSize = tail.readUInt32LE(at + 12)
    let cdOffset = tail.readUInt32LE(at + 16)
    let cdEnd = eocdOffset
    if (entries === 0xffff || cdSize === U32 || cdOffset === U32) {
      // ZIP64: a locator right before the record points at the 64-bit record.
      const locator = eocdOffset >= 20 ? await readAt(fh, eocdOffset - 20, 20) : null
      if (!locator || locator.readUInt32LE(0) !== 0x07064b50) return 'damaged'
      const recordOffset = Number(locator.readBigUInt64LE(8))
      const record = recordOffset + 56 <= eocdOffset - 20 ? await readAt(fh, recordOffset, 56) : null
      if (!record || record.readUInt32LE(0) !== 0x06064b50) return 'damaged'
      entries = Number(record.readBigUInt64LE(32))
      cdSize = Number(record.readBigUInt64LE(40))
      cdOffset = Number(record.readBigUInt64LE(48))
      cdEnd = recordOffset
    }
    if (entries === 0 || entries > ZIP_MAX_ENTRIES) return 'damaged'
    if (cdOffset + cdSize > cdEnd || cdSize < entries * 46 || cdSize > entries * (46 + 3 * 65_535)) return 'damaged'
    const cd = await readAt(fh, cdOffset, cdSize)
    if (!cd) return 'damaged'
    const cap = Math.min(ZIP_MAX_UNPACKED, Math.max(ZIP_RATIO_FLOOR, ZIP_MAX_RATIO * size))
    let unpacked = 0
    let p = 0
    for (let n = 0; n < entries; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return 'damaged'
      let compressed = cd.readUInt32LE(p + 20)
      let uncompressed = cd.readUInt32LE(p + 24)
      const nameLength = cd.readUInt16LE(p + 28)
      const extraLength = cd.readUInt16LE(p + 30)
      const commentLength = cd.readUInt16LE(p + 32)
      let localOffset = cd.readUInt32LE(p + 42)
      const extraStart = p + 46 + nameLength
      const next = extraStart + extraLength + commentLength
      if (next > cd.length) return 'damaged'
      if (uncompressed === U32 || compressed === U32 || localOffset === U32) {
        // The ZIP64 extra field holds, in this order, only the values that are 0xFFFFFFFF above.
        const zip64 = findExtra(cd.subarray(extraStart, extraStart + extraLength), 0x0001)
        if (!zip64) return 'damaged'
        let q = 0
        const take = () => {
          if (q + 8 > zip64.length) return NaN
          const value = Number(zip64.readBigUInt64LE(q))
          q += 8
          return value
        }
        if (uncompressed === U32) uncompressed = take()
        if (compressed === U32) compressed = take()
        if (localOffset === U32) localOffset = take()
        if (![uncompressed, compressed, localOffset].every(Number.isFinite)) return 'damaged'
      }
      if (localOffset + 30 + compressed > cdOffset) return 'damaged'
      const local = await readAt(fh, localOffset, 4)
      if (!local || local.readUInt32LE(0) !== 0x04034b50) return 'damaged'
      unpacked += uncompressed
      if (unpacked > cap) return 'unpackedTooLarge'
      p = next
    }
    return null
  } catch {
    return 'damaged'
  } finally {
    await fh.close()
  }
}

function findExtra(extra: Buffer, id: number) {
  for (let p = 0; p + 4 <= extra.length;) {
    const length = extra.readUInt16LE(p + 2)
    if (extra.readUInt16LE(p) === id) {
      return p + 4 + length <= extra.length ? extra.subarray(p + 4, p + 4 + length) : null
    }
    p += 4 + length
  }
  return null
}

/** MP4 (ISO BMFF): the top-level boxes cover the file exactly, and a `moov` (the index of the media) is there. */
async function mp4BoxesSound(file: string) {
  const fh = await fs.promises.open(file, 'r')
  try {
    const { size } = await fh.stat()
    let offset = 0
    let moov = false
    for (let boxes = 0; offset < size; boxes++) {
      if (boxes > 10_000) return false
      const header = await readAt(fh, offset, Math.min(16, size - offset))
      if (!header || header.length < 8) return false
      let boxSize = header.readUInt32BE(0)
      const type = header.toString('latin1', 4, 8)
      if (boxSize === 1) {
        if (header.length < 16) return false
        boxSize = Number(header.readBigUInt64BE(8))
        if (boxSize < 16) return false
      } else if (boxSize === 0) {
        boxSize = size - offset // the last box runs to the end of the file
      } else if (boxSize < 8) {
        return false
      }
      if (offset + boxSize > size) return false
      if (type === 'moov') moov = true
      offset += boxSize
    }
    return moov
  } catch {
    return false
  } finally {
    await fh.close()
  }
}
