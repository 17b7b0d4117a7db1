// Storing and streaming blobs: where their bytes live (DATA_DIR/uploads/<xx>/<sha256>), why an upload is refused,
// and storeUpload, which hashes, counts and checks a stream before naming it by its SHA-256.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getConfig } from './config.server'
import { checkStructure } from './file-check.server'
import { detectMediaType, headLooksAcceptable } from './file-store-detect.server'

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

export const SHA256 = /^[a-f0-9]{64}$/

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
