import { unstable_parseMultipartFormData, type ActionFunctionArgs } from '@remix-run/node'
import { getUser } from '~/utils/auth.server'
import { maxUploadBytes, UploadError } from '~/utils/file-store.server'
import { isLanguage } from '~/utils/i18n'
import { consume } from '~/utils/rate-limit.server'
import {
  declaresMoreThan,
  isMultipart,
  PartTooLarge,
  readText,
  receiveFile,
  requestLanguage,
  uploadFailureStatus,
  uploadMessage,
  type UploadedFile,
  type UploadMessageCode,
} from '~/utils/upload.server'

/**
 * POST /uploads: one file (field `file`) sent ahead of its form by FileUploadField, with a progress bar. Answers
 * JSON: `{ id, name, size, mediaType }` (a pending upload of this user), or `{ error, code }` with a localized
 * message and 400/401/413/415/422/429, or 503 when the storage is full. The name to keep comes from the `name`
 * field when sent before the file (the part header cannot carry every name), else from the part. The Origin check
 * is server.mjs's, as for any POST.
 */
export async function action({ request }: ActionFunctionArgs) {
  let lang = requestLanguage(request)
  const refuse = (code: UploadMessageCode, status: number, headers: Record<string, string> = {}) =>
    Response.json(
      { error: uploadMessage(code, lang), code },
      { status, headers: { 'Cache-Control': 'no-store', ...headers } },
    )
  // An unread body is dropped with the connection instead of being read to its end.
  const close = { Connection: 'close' }

  if (request.method !== 'POST') return refuse('invalid', 405, { Allow: 'POST' })
  const user = getUser(request)
  if (!user) return refuse('signedOut', 401, close)
  if (declaresMoreThan(request, maxUploadBytes() + 64 * 1024)) return refuse('tooLarge', 413, close)
  if (!isMultipart(request)) return refuse('invalid', 400, close)
  const wait = await consume('upload', String(user.id))
  if (wait) return refuse('rateLimited', 429, { ...close, 'Retry-After': String(wait) })

  const got: { name?: string; file?: UploadedFile } = {}
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      if (part.filename === undefined) {
        const value = await readText(part.data, 4096)
        if (part.name === 'lang' && isLanguage(value)) lang = value
        if (part.name === 'name') got.name = value
        return undefined
      }
      if (part.name !== 'file' || got.file) throw new UploadError('aborted')
      got.file = await receiveFile(part.data, user, got.name ?? part.filename.replace(/%22/g, '"'))
      return undefined
    })
  } catch (error) {
    if (error instanceof UploadError && error.code === 'storage-full') {
      // Once per refused upload, without the name or the user: what an operator needs is that the disk is full.
      console.error('uploads: the storage is full (ENOSPC/EDQUOT); the upload was refused and nothing was kept')
      return refuse('storage-full', 503, close)
    }
    if (error instanceof UploadError && error.code !== 'aborted') {
      return refuse(error.code, uploadFailureStatus[error.code], error.code === 'tooLarge' ? close : {})
    }
    return refuse(
      error instanceof PartTooLarge ? 'tooLarge' : 'invalid',
      error instanceof PartTooLarge ? 413 : 400,
      close,
    )
  }
  if (!got.file) return refuse('invalid', 400)
  return Response.json(got.file, { headers: { 'Cache-Control': 'no-store' } })
}

/** Nothing to GET here. */
export function loader() {
  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } })
}
