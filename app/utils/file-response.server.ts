import fs from 'node:fs'
import { createReadableStreamFromReadable } from '@remix-run/node'
import contentDisposition from 'content-disposition'
import rangeParser from 'range-parser'
import { cleanOriginalName, uploadPath } from './file-store.server'
import { isInlineMediaType } from './file-types'

type ServedFile = { sha256: string; size: number; mediaType: string; originalName: string; isPublic: boolean }

/**
 * The HTTP response for a stored file the viewer may have (the caller checked): GET and HEAD, conditional
 * (ETag = SHA-256, If-None-Match → 304), single byte ranges (206, 416), streamed from disk.
 * - Content-Disposition carries the original name (RFC 6266, `filename*=UTF-8''…` for Arabic names); `inline`
 *   only for what browsers show safely (PDF, images, audio, video), `attachment` otherwise or with ?download=1.
 * - Cache-Control `public` only for published public resources; anything else stays in the viewer's browser.
 * - nosniff comes from server.mjs (helmet), for every response.
 */
export async function fileResponse(request: Request, file: ServedFile): Promise<Response> {
  let stat: fs.Stats
  const filePath = uploadPath(file.sha256)
  try {
    stat = await fs.promises.stat(filePath)
  } catch {
    console.error(`files: the bytes of ${file.sha256} are missing`)
    return new Response('Not Found', { status: 404 })
  }
  const size = stat.size
  const etag = `"${file.sha256}"`
  const download = new URL(request.url).searchParams.get('download') === '1'
  const headers = new Headers({
    'Content-Type': file.mediaType,
    'Content-Disposition': dispositionHeader(
      file.originalName,
      file.mediaType,
      isInlineMediaType(file.mediaType) && !download ? 'inline' : 'attachment',
    ),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Cache-Control': file.isPublic ? 'public, max-age=3600' : 'private, max-age=3600',
    'Last-Modified': stat.mtime.toUTCString(),
  })

  if (matchesEtag(request.headers.get('If-None-Match'), etag)) {
    headers.delete('Content-Type')
    return new Response(null, { status: 304, headers })
  }

  let start = 0
  let end = size - 1
  let status = 200
  const range = request.headers.get('Range')
  // If-Range: a range only of the same bytes; otherwise the whole file.
  const ifRange = request.headers.get('If-Range')
  if (range && size > 0 && (!ifRange || ifRange === etag)) {
    const parsed = rangeParser(size, range, { combine: true })
    if (parsed === -1) {
      headers.set('Content-Range', `bytes */${size}`)
      headers.delete('Content-Type')
      return new Response(null, { status: 416, headers })
    }
    // -2 (malformed) or another unit: ignore the header, as RFC 9110 allows. Several ranges: the first only.
    if (parsed !== -2 && parsed.type === 'bytes' && parsed[0]) {
      start = parsed[0].start
      end = parsed[0].end
      status = 206
      headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
    }
  }
  const length = size === 0 ? 0 : end - start + 1
  headers.set('Content-Length', String(length))

  if (request.method === 'HEAD' || length === 0) return new Response(null, { status, headers })
  const stream = fs.createReadStream(filePath, { start, end })
  return new Response(createReadableStreamFromReadable(stream), { status, headers })
}

/**
 * Content-Disposition for a stored name, cleaned again (rows written before the rules of cleanOriginalName keep
 * their tricks otherwise): an ASCII `filename` for old clients, and `filename*=UTF-8''…` for every non-ASCII name
 * (content-disposition alone sends a Latin-1 name such as "café.pdf" raw, with no filename*).
 */
export function dispositionHeader(originalName: string, mediaType: string, type: 'inline' | 'attachment') {
  const name = cleanOriginalName(originalName, mediaType)
  // Letters with accents lose them (NFD, then marks dropped); anything else non-ASCII becomes "_".
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/[%\\"]/g, '_')
  return contentDisposition(name, { type, fallback: ascii })
}

/** If-None-Match: `*` or a list of (weak or strong) entity tags. */
function matchesEtag(header: string | null, etag: string) {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
