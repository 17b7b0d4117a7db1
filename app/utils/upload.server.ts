import { data, unstable_parseMultipartFormData, type UploadHandlerPart } from '@remix-run/node'
import { createPendingUpload, setPendingUploadText } from '~/utils/pending-upload.server'
import { maxUploadBytes, storeUpload, uploadPath, UploadError, type UploadErrorCode } from './file-store.server'
import { formatBytes } from './format'
import { fallbackLanguage, isLanguage, languageFromPath, type Language } from './i18n'
import { getFixedT } from './i18n.server'
import { readLanguageCookie } from './lang.server'
import { extractPdfText } from './pdf-text.server'
import { consume } from './rate-limit.server'

/** Why a file was not taken: the store's reasons, or the uploader's hourly limit. */
export type UploadFailure = UploadErrorCode | 'rateLimited'
/** Every message code of library.json `errors.*`. */
export type UploadMessageCode = UploadFailure | 'tooLargePage' | 'signedOut' | 'failed' | 'invalid'

export type UploadedFile = { id: string; name: string; size: number; mediaType: string }

/** Room for the multipart framing and the text fields beside a file. */
export const TEXT_LIMIT = 2 * 1024 * 1024

/** The HTTP status that goes with each refusal. */
export const uploadFailureStatus: Record<UploadFailure, number> = {
  tooLarge: 413,
  typeNotAllowed: 415,
  damaged: 422,
  unpackedTooLarge: 413,
  empty: 400,
  aborted: 400,
  'storage-full': 503,
  rateLimited: 429,
}

/** A localized message for an upload refusal (with the size limit where it matters). */
export function uploadMessage(code: UploadMessageCode, lang: Language) {
  const key = code === 'storage-full' ? 'storageFull' : code
  return getFixedT(lang, 'library')(`errors.${key}`, { max: formatBytes(maxUploadBytes(), lang) })
}

/**
 * The language for messages of a request that is not a page (POST /uploads): `?lang=`, then the page it was sent
 * from (Referer), then the remembered language, then English.
 */
export function requestLanguage(request: Request): Language {
  const url = new URL(request.url)
  const asked = url.searchParams.get('lang')
  if (isLanguage(asked)) return asked
  const fromPath = languageFromPath(url.pathname)
  if (fromPath) return fromPath
  const referer = request.headers.get('Referer')
  if (referer) {
    try {
      const fromReferer = languageFromPath(new URL(referer).pathname)
      if (fromReferer) return fromReferer
    } catch {
      // Not a URL: ignore it.
    }
  }
  return readLanguageCookie(request) ?? fallbackLanguage
}

/** Whether the request says, before any byte of it is read, that it is larger than `limit`. */
export function declaresMoreThan(request: Request, limit: number) {
  const length = Number(request.headers.get('Content-Length'))
  return Number.isFinite(length) && length > limit
}

export function isMultipart(request: Request) {
  return /^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? '')
}

/** Reads a text part whole, refusing more than `limit` bytes. */
export async function readText(source: AsyncIterable<Uint8Array>, limit: number) {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of source) {
    size += chunk.length
    if (size > limit) throw new PartTooLarge()
    chunks.push(chunk)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}

export class PartTooLarge extends Error {
  constructor() {
    super('multipart part too large')
  }
}

/**
 * The file name as the browser sent it in the part header: browsers write a double quote as %22 (HTML spec), so
 * it is turned back. (The multipart parser refuses names with ";" or "=" outright: the JavaScript upload sends the
 * name as a separate field to avoid that.)
 */
function partFileName(part: UploadHandlerPart) {
  return (part.filename ?? '').replace(/%22/g, '"')
}

/**
 * Streams one file into the store, records it as the user's pending upload and, for a PDF, adds its text.
 * Throws UploadError like `storeUpload`.
 */
export async function receiveFile(
  source: AsyncIterable<Uint8Array>,
  user: { id: number },
  originalName: string,
): Promise<UploadedFile> {
  const blob = await storeUpload(source)
  // No await between storing and recording (see removeBlobIfUnreferenced).
  const pending = createPendingUpload(blob, user.id, originalName)
  if (blob.mediaType === 'application/pdf') {
    setPendingUploadText(pending.id, await extractPdfText(uploadPath(blob.sha256)))
  }
  return { id: pending.id, name: pending.originalName, size: pending.size, mediaType: pending.mediaType }
}

/** The 413 page of a form posted without JavaScript whose size says it is too large before it is read. */
function tooLargeResponse(lang: Language) {
  return data(
    { message: uploadMessage('tooLargePage', lang) },
    // The body is left unread: close the connection rather than read it to the end.
    { status: 413, headers: { Connection: 'close' } },
  )
}

/**
 * Reads a form posted with `encType="multipart/form-data"` (with or without JavaScript) the same way:
 * - a file chosen in one of `fileFields` is streamed to the store and becomes a pending upload of this user;
 *   in `formData` that field then holds the pending upload's id, exactly as the hidden input the JavaScript
 *   upload leaves behind, so the route reads both the same way (a file chosen now wins over an earlier id);
 * - a file input left empty is skipped; file parts of other names are read and dropped;
 * - text fields stay as they are, up to TEXT_LIMIT bytes in all;
 * - a refused file is reported in `uploadErrors` under its field (tooLarge, typeNotAllowed, empty, rateLimited),
 *   and leaves nothing on disk.
 * A request that declares (Content-Length) more than the files and text allowed is refused before it is read,
 * by throwing a 413 response carrying a localized `message` for the error page.
 */
export async function readUploadForm(
  request: Request,
  user: { id: number },
  { fileFields }: { fileFields: string[] },
): Promise<{ formData: FormData; uploadErrors: Record<string, UploadFailure> }> {
  const lang = languageFromPath(new URL(request.url).pathname) ?? readLanguageCookie(request) ?? fallbackLanguage
  const limit = maxUploadBytes() * Math.max(1, fileFields.length) + TEXT_LIMIT
  if (!isMultipart(request)) {
    if (declaresMoreThan(request, TEXT_LIMIT)) throw tooLargeResponse(lang)
    return { formData: await request.formData(), uploadErrors: {} }
  }
  if (declaresMoreThan(request, limit)) throw tooLargeResponse(lang)

  const uploadErrors: Record<string, UploadFailure> = {}
  const uploaded = new Map<string, string>()
  let textBytes = 0
  // What may still be read and dropped: bounded even when no Content-Length was sent (chunked).
  let drainBudget = limit
  const dropRest = async (source: AsyncIterable<Uint8Array>) => {
    let size = 0
    for await (const chunk of source) {
      size += chunk.length
      if (size > drainBudget) throw new PartTooLarge()
    }
    drainBudget -= size
  }

  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        const text = await readText(part.data, TEXT_LIMIT - textBytes)
        textBytes += Buffer.byteLength(text)
        return text
      }
      const name = part.name
      if (!fileFields.includes(name) || part.filename === '' || uploaded.has(name) || uploadErrors[name]) {
        await dropRest(part.data)
        return undefined
      }
      if (await consume('upload', String(user.id))) {
        uploadErrors[name] = 'rateLimited'
        await dropRest(part.data)
        return undefined
      }
      try {
        uploaded.set(name, (await receiveFile(part.data, user, partFileName(part))).id)
      } catch (error) {
        // A full disk is the whole request's failure: server/storage-full.mjs answers it with a 503 page.
        if (!(error instanceof UploadError) || error.code === 'aborted' || error.code === 'storage-full') throw error
        uploadErrors[name] = error.code
        // The store stopped reading at the refusal; the rest of the form is still to come.
        await dropRest(part.data)
      }
      return undefined
    })
  } catch (error) {
    if (error instanceof PartTooLarge) throw tooLargeResponse(lang)
    if (error instanceof UploadError && error.code === 'storage-full') throw error
    // A malformed body or a client that went away: nothing was kept.
    throw new Response('Bad Request', { status: 400 })
  }
  for (const [name, id] of uploaded) formData.set(name, id)
  return { formData, uploadErrors }
}
