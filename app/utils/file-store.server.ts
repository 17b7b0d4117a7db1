import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import { getConfig } from './config.server'
import { getDb } from './db.server'
import { checkStructure } from './file-check.server'
import { extensionsOf, isAcceptedMediaType } from './file-types'

/**
 * The library's file store: bytes live in DATA_DIR/uploads/<first two hex digits>/<sha256>, written once and
 * shared by every row that names the same content. Uploads stream to uploads/tmp while being hashed and counted,
 * their type is decided from their content, and only then are they renamed into place.
 */

/**
 * Why a file was not stored. 'damaged': its structure is not that of its type (app/utils/file-check.server.ts);
 * 'unpackedTooLarge': an Office file that would unpack past its cap; 'storage-full': the disk (ENOSPC, EDQUOT),
 * the code server/storage-full.mjs and /healthz know too.
 */
export type UploadErrorCode =
  'tooLarge' | 'typeNotAllowed' | 'damaged' | 'unpackedTooLarge' | 'empty' | 'aborted' | 'storage-full'

export class UploadError extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(`upload refused: ${code}`)
    this.name = 'UploadError'
  }
}

/** Whether a file system error means there is no room left (the disk, or the user's quota). */
export function isNoSpaceError(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
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
  const temp = path.join(tempDir(), `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`)
  let handle: fs.promises.FileHandle
  try {
    fs.mkdirSync(tempDir(), { recursive: true })
    handle = await fs.promises.open(temp, 'wx', 0o600)
  } catch (error) {
    if (isNoSpaceError(error)) throw new UploadError('storage-full')
    throw error
  }
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
        await handle.write(chunk).catch((error: unknown) => {
          throw isNoSpaceError(error) ? new UploadError('storage-full') : error
        })
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
    const problem = await checkStructure(temp, mediaType)
    if (problem) throw new UploadError(problem)
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
    // A full disk may also show at sync, close, mkdir or rename.
    throw isNoSpaceError(error) ? new UploadError('storage-full') : error
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
 * The tables that name blobs: every table with a `sha256` column (resource_file, pending_upload,
 * assistance_request_file, and any later one), found in the schema so that a new table cannot be forgotten.
 */
function blobTables(): string[] {
  const rows = getDb()
    .$client.prepare(
      `select m.name from sqlite_master m, pragma_table_info(m.name) c
       where m.type = 'table' and m.name not like 'sqlite_%' and c.name = 'sha256'`,
    )
    .all() as { name: string }[]
  return rows.map((r) => r.name)
}

function isBlobReferenced(sha256: string, tables = blobTables()) {
  const db = getDb().$client
  return tables.some((table) =>
    db.prepare(`select 1 from "${table.replace(/"/g, '""')}" where sha256 = ? limit 1`).get(sha256),
  )
}

/**
 * Deletes a blob's bytes when no row names it. Synchronous from the check to the unlink, so no request can insert
 * a row in between (the process is single-threaded); callers that store a blob insert its row right after
 * `storeUpload` resolves, with no other I/O in between.
 */
export function removeBlobIfUnreferenced(sha256: string) {
  if (!SHA256.test(sha256)) return false
  if (isBlobReferenced(sha256)) return false
  try {
    fs.unlinkSync(uploadPath(sha256))
    return true
  } catch {
    return false
  }
}

/**
 * At start-up, before any request: removes every temporary file (an upload in progress when the last process
 * died) and every blob no row names (stored, then the process died before its row was written). Decision 007:
 * nothing is left on disk by an interrupted upload. Only safe while no upload runs, hence start-up only.
 */
export function sweepUploadsAtStartup() {
  const removed = { temp: 0, orphans: 0 }
  for (const name of readdir(tempDir())) {
    fs.rmSync(path.join(tempDir(), name), { force: true, recursive: true })
    removed.temp++
  }
  const tables = blobTables()
  for (const folder of readdir(uploadsDir())) {
    if (!/^[a-f0-9]{2}$/.test(folder)) continue
    for (const name of readdir(path.join(uploadsDir(), folder))) {
      const file = path.join(uploadsDir(), folder, name)
      // Not a blob of this folder (a stray file): left alone, it is nobody's upload to judge.
      if (!SHA256.test(name) || !name.startsWith(folder)) continue
      if (isBlobReferenced(name, tables)) continue
      fs.rmSync(file, { force: true })
      removed.orphans++
    }
  }
  return removed
}

function readdir(dir: string) {
  try {
    return fs.readdirSync(dir)
  } catch {
    return []
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

// What a name may not keep: C0/C1 controls, format characters (bidi marks, embeddings, overrides and isolates,
// which can show "exe.pdf" for "fdp.exe"; zero-width spaces; BOM), line and paragraph separators. ZWNJ and ZWJ
// stay: Persian and Urdu words need them.
const UNSAFE_CHARS = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

// Extensions that say "this is a file of that type": the last one of a name, when it is one of these and does not
// fit the content, is replaced (report.pdf.html → report.pdf); any other ending gets the right extension added.
const TYPE_EXTENSIONS = new Set(
  (
    'pdf doc docx docm dot dotx xls xlsx xlsm xlsb ppt pptx pptm pps ppsx odt ods odp odg rtf txt csv md xml json ' +
    'htm html xhtml shtml mht mhtml svg svgz xht js mjs cjs jsx ts css php phtml asp aspx jsp cgi pl py rb sh bash ' +
    'bat cmd com exe scr msi msp dll cpl hta jar lnk ps1 psm1 vbs vbe wsf wsh reg url desktop app apk dmg iso img ' +
    'zip rar 7z tar gz tgz bz2 xz jpg jpeg jpe jfif png apng gif webp bmp tif tiff ico heic heif avif ' +
    'mp4 m4v mov avi mkv webm wmv flv mpg mpeg 3gp mp3 m4a aac ogg oga opus wav flac wma htaccess env'
  ).split(' '),
)

/**
 * The name a user's file is offered back under: no folders, no control, bidi or zero-width characters, NFC, no
 * leading dots (hidden files: ".htaccess", ".env") nor trailing dots and spaces ("x.html."), at most 200
 * characters, and, when the content's type is known, an extension that agrees with it ("report.pdf.html" holding a
 * PDF → "report.pdf"; "invoice" → "invoice.pdf"). Never used to build a path.
 */
export function cleanOriginalName(name: string | undefined | null, mediaType?: string) {
  let clean = (name ?? '')
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .split(/[/\\]/)
    .pop()!
    .replace(/^[\s.]+|[\s.]+$/gu, '')
  const extensions = mediaType ? extensionsOf(mediaType) : []
  if (extensions.length > 0) {
    const ext = /\.([^.\s]{1,12})$/u.exec(clean)
    const lower = ext?.[0].toLowerCase() ?? ''
    if (!extensions.includes(lower)) {
      // A type's extension in the wrong place goes; any other ending is kept and the right one added.
      if (ext && TYPE_EXTENSIONS.has(ext[1]!.toLowerCase())) {
        clean = clean.slice(0, -ext[0].length).replace(/[\s.]+$/u, '')
      }
      const stillRight = extensions.some((e) => clean.toLowerCase().endsWith(e))
      if (!stillRight) clean = `${clean || 'file'}${extensions[0]}`
    }
  }
  if (clean === '') clean = 'file'
  const chars = [...clean]
  if (chars.length > 200) {
    const ext = /\.[^.]{1,10}$/.exec(clean)?.[0] ?? ''
    clean = chars.slice(0, 200 - [...ext].length).join('') + ext
  }
  return clean
}
