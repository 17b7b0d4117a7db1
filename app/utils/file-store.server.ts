import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { assistanceRequestFile, pendingUpload, resourceFile } from '#db/schema/index'
import { getConfig } from './config.server'
import { getDb } from './db.server'
import { isAcceptedMediaType } from './file-types'

/**
 * The library's file store: bytes live in DATA_DIR/uploads/<first two hex digits>/<sha256>, written once and
 * shared by every row that names the same content. Uploads stream to uploads/tmp while being hashed and counted,
 * their type is decided from their content, and only then are they renamed into place.
 */

export type UploadErrorCode = 'tooLarge' | 'typeNotAllowed' | 'empty' | 'aborted'

export class UploadError extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(`upload refused: ${code}`)
    this.name = 'UploadError'
  }
}

export type StoredBlob = { sha256: string; size: number; mediaType: string }

/** MAX_UPLOAD_MB in bytes, decimal megabytes (as formatBytes shows them: 200 → "200 MB"). */
export function maxUploadBytes() {
  return Math.floor(getConfig().MAX_UPLOAD_MB * 1_000_000)
}

export function uploadsDir() {
  return path.resolve(getConfig().DATA_DIR, 'uploads')
}

export function tempDir() {
  return path.join(uploadsDir(), 'tmp')
}

const SHA256 = /^[a-f0-9]{64}$/

/** Where the bytes of a blob live. Throws on anything but a SHA-256 in hex (never a path from a user). */
export function uploadPath(sha256: string) {
  if (!SHA256.test(sha256)) throw new Error('not a SHA-256')
  return path.join(uploadsDir(), sha256.slice(0, 2), sha256)
}

// file-type needs at most this many bytes for the signatures we look at first.
const HEAD_BYTES = 4100

/**
 * Stores a stream (a Node Readable, a multipart part's `data`, any async iterable of bytes) and returns its
 * SHA-256, size and media type. Throws an UploadError, and leaves nothing behind, when the stream goes over
 * `maxBytes`, is empty, fails (the client went away) or is not one of the accepted types. Refusals stop reading
 * at once: a caller that must go on reading the request (a multipart form) drains the rest itself.
 */
export async function storeUpload(
  source: AsyncIterable<Uint8Array>,
  { maxBytes = maxUploadBytes() }: { maxBytes?: number } = {},
): Promise<StoredBlob> {
  fs.mkdirSync(tempDir(), { recursive: true })
  const temp = path.join(tempDir(), `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`)
  const handle = await fs.promises.open(temp, 'wx', 0o600)
  const hash = crypto.createHash('sha256')
  let size = 0
  let head: Uint8Array[] | null = []
  let headSize = 0
  let closed = false
  try {
    try {
      for await (const chunk of source) {
        size += chunk.length
        if (size > maxBytes) throw new UploadError('tooLarge')
        hash.update(chunk)
        await handle.write(chunk)
        if (head) {
          head.push(chunk)
          headSize += chunk.length
          if (headSize >= HEAD_BYTES) {
            // Refuse obvious strangers (HTML, executables, scripts) before reading megabytes of them.
            if (!(await headLooksAcceptable(Buffer.concat(head)))) throw new UploadError('typeNotAllowed')
            head = null
          }
        }
      }
    } catch (error) {
      if (error instanceof UploadError) throw error
      throw new UploadError('aborted')
    }
    if (size === 0) throw new UploadError('empty')
    // Durable before it is named: the database row that will point at it is written with synchronous=FULL.
    await handle.sync()
    await handle.close()
    closed = true
    const mediaType = await detectMediaType(temp)
    if (!mediaType) throw new UploadError('typeNotAllowed')
    const sha256 = hash.digest('hex')
    const target = uploadPath(sha256)
    if (fs.existsSync(target)) {
      await fs.promises.unlink(temp)
    } else {
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await fs.promises.rename(temp, target)
    }
    return { sha256, size, mediaType }
  } catch (error) {
    if (!closed) await handle.close().catch(() => {})
    await fs.promises.rm(temp, { force: true })
    throw error
  }
}

/** From the first bytes: is this possibly an accepted file? (The whole file is checked once stored.) */
async function headLooksAcceptable(head: Uint8Array) {
  let type
  try {
    type = await fileTypeFromBuffer(head)
  } catch {
    return true
  }
  if (!type) return false
  // Containers are decided on the whole file: a zip may be a .docx, a compound file a .doc.
  return type.ext === 'zip' || type.ext === 'cfb' || canonicalMediaType(type.ext) !== null
}

/** file-type's answer → the media type we store, or null for anything we refuse. */
function canonicalMediaType(ext: string): string | null {
  switch (ext) {
    case 'pdf':
    case 'ai': // Illustrator files are PDF files with extra data; browsers show them as PDF.
      return 'application/pdf'
    case 'docx':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    case 'pptx':
      return 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
    case 'odt':
      return 'application/vnd.oasis.opendocument.text'
    case 'ods':
      return 'application/vnd.oasis.opendocument.spreadsheet'
    case 'odp':
      return 'application/vnd.oasis.opendocument.presentation'
    case 'jpg':
      return 'image/jpeg'
    case 'png':
    case 'apng':
      return 'image/png'
    case 'webp':
      return 'image/webp'
    case 'gif':
      return 'image/gif'
    case 'mp4':
    case 'm4v':
      return 'video/mp4'
    case 'webm':
      return 'video/webm'
    case 'mp3':
      return 'audio/mpeg'
    case 'm4a':
      return 'audio/mp4'
    case 'ogg':
    case 'opus':
      return 'audio/ogg'
    case 'wav':
      return 'audio/wav'
    default:
      return null
  }
}

/**
 * The media type of a stored file, decided from its content only, or null when it is not one we accept.
 * Macro-enabled Office files (docm, xlsm…), plain zips, SVG, HTML and text have no answer here.
 */
export async function detectMediaType(file: string): Promise<string | null> {
  let type
  try {
    type = await fileTypeFromFile(file)
  } catch {
    return null
  }
  if (!type) return null
  const mediaType = type.ext === 'cfb' ? await legacyOfficeType(file) : canonicalMediaType(type.ext)
  return mediaType && isAcceptedMediaType(mediaType) ? mediaType : null
}

const legacyStreams: Record<string, string> = {
  WordDocument: 'application/msword',
  Workbook: 'application/vnd.ms-excel',
  Book: 'application/vnd.ms-excel',
  'PowerPoint Document': 'application/vnd.ms-powerpoint',
}

/**
 * A Compound File (the container of .doc, .xls and .ppt, but also of .msi installers and .msg mails): accepted
 * only when its directory holds the main stream of Word, Excel or PowerPoint. Reads the header, the FAT sectors
 * it needs and at most 64 directory sectors.
 */
async function legacyOfficeType(file: string): Promise<string | null> {
  const fh = await fs.promises.open(file, 'r')
  try {
    const { size } = await fh.stat()
    const header = Buffer.alloc(512)
    if ((await fh.read(header, 0, 512, 0)).bytesRead < 512) return null
    if (header.readUInt16LE(28) !== 0xfffe) return null
    const shift = header.readUInt16LE(30)
    if (shift !== 9 && shift !== 12) return null
    const sectorSize = 1 << shift
    const read = async (sector: number) => {
      const offset = (sector + 1) * sectorSize
      if (sector >= 0xfffffffa || offset >= size) return null
      const buf = Buffer.alloc(sectorSize)
      const { bytesRead } = await fh.read(buf, 0, sectorSize, offset)
      return bytesRead > 0 ? buf : null
    }
    const fatCache = new Map<number, Buffer | null>()
    const next = async (sector: number) => {
      const perSector = sectorSize / 4
      const index = Math.floor(sector / perSector)
      if (index >= 109) return 0xfffffffe // beyond the header's DIFAT: stop (plenty for a directory)
      if (!fatCache.has(index)) fatCache.set(index, await read(header.readUInt32LE(76 + index * 4)))
      const fat = fatCache.get(index)
      return fat ? fat.readUInt32LE((sector % perSector) * 4) : 0xfffffffe
    }
    let sector = header.readUInt32LE(48)
    for (let visited = 0; visited < 64 && sector < 0xfffffffa; visited++) {
      const buf = await read(sector)
      if (!buf) break
      for (let entry = 0; entry + 128 <= buf.length; entry += 128) {
        const nameBytes = buf.readUInt16LE(entry + 64)
        const type = buf[entry + 66]
        if (type !== 2 || nameBytes < 2 || nameBytes > 64) continue
        const name = buf.toString('utf16le', entry, entry + nameBytes - 2)
        const mediaType = legacyStreams[name]
        if (mediaType) return mediaType
      }
      sector = await next(sector)
    }
    return null
  } catch {
    return null
  } finally {
    await fh.close()
  }
}

/**
 * Deletes a blob's bytes when no resource file and no pending upload names it. Synchronous from the check to the
 * unlink, so no request can insert a row in between (the process is single-threaded); callers that store a blob
 * insert its row right after `storeUpload` resolves, with no other I/O in between.
 */
export function removeBlobIfUnreferenced(sha256: string) {
  if (!SHA256.test(sha256)) return false
  const db = getDb()
  const used =
    db.select({ id: resourceFile.id }).from(resourceFile).where(eq(resourceFile.sha256, sha256)).limit(1).get() ??
    db.select({ id: pendingUpload.id }).from(pendingUpload).where(eq(pendingUpload.sha256, sha256)).limit(1).get() ??
    db
      .select({ id: assistanceRequestFile.id })
      .from(assistanceRequestFile)
      .where(eq(assistanceRequestFile.sha256, sha256))
      .limit(1)
      .get()
  if (used) return false
  try {
    fs.unlinkSync(uploadPath(sha256))
    return true
  } catch {
    return false
  }
}

/** Removes temporary files older than `olderThanMs` (left behind only by a crash mid-upload). */
export function cleanTempUploads(olderThanMs = 60 * 60 * 1000, now = Date.now()) {
  let removed = 0
  let names: string[]
  try {
    names = fs.readdirSync(tempDir())
  } catch {
    return 0
  }
  for (const name of names) {
    const file = path.join(tempDir(), name)
    try {
      if (now - fs.statSync(file).mtimeMs > olderThanMs) {
        fs.rmSync(file, { force: true })
        removed++
      }
    } catch {
      // Gone already.
    }
  }
  return removed
}

/**
 * The name a user's file is offered back under: no folders, no control or bidi-override characters, at most
 * 200 characters (keeping the extension), NFC. Never used to build a path.
 */
export function cleanOriginalName(name: string | undefined | null) {
  let clean = (name ?? '')
    .split(/[/\\]/)
    .pop()!
    .normalize('NFC')
    // C0/C1 controls, and the bidi embeddings/overrides/isolates that can disguise an extension ("exe.pdf").
    .replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim()
  if (clean === '' || clean === '.' || clean === '..') clean = 'file'
  const chars = [...clean]
  if (chars.length > 200) {
    const ext = /\.[^.]{1,10}$/.exec(clean)?.[0] ?? ''
    clean = chars.slice(0, 200 - [...ext].length).join('') + ext
  }
  return clean
}
