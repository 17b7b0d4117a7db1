import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { recordAuditEvent } from '~/utils/audit.server'
import { MAX_PHOTO_BYTES, PhotoError, setMemberPhoto, storeMemberPhoto } from '~/features/network/member-photo.server'
import { canEditMember, getMemberForEdit } from '~/features/network/member.server'
import { requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { atomically } from '~/utils/transaction.server'

/**
 * POST a new photo (or `remove`) for a profile. The form is on the edit page; a refusal goes back there with
 * the reason in the URL (?photoError=…), shown as a localized message, and nothing is written.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const id = Number(params.id)
  const target = Number.isSafeInteger(id) && id > 0 ? getMemberForEdit(id) : undefined
  if (!target) throw new Response('Not Found', { status: 404 })
  if (!canEditMember(user, target)) throw new Response('Forbidden', { status: 403 })
  const refuse = (reason: 'tooLarge' | 'notImage' | 'noFile') =>
    redirect(`/${lang}/members/${target.id}/edit?photoError=${reason}#photo`, { status: 303 })
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_PHOTO_BYTES + 64 * 1024) return refuse('tooLarge')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_PHOTO_BYTES }),
    )
  } catch (error) {
    return refuse(error instanceof MaxPartSizeExceededError ? 'tooLarge' : 'notImage')
  }
  let photo: Awaited<ReturnType<typeof storeMemberPhoto>> | null = null
  if (form.get('intent') !== 'remove') {
    const file = form.get('photo')
    if (!(file instanceof File) || file.size === 0) return refuse('noFile')
    try {
      photo = await storeMemberPhoto(Buffer.from(await file.arrayBuffer()))
    } catch (error) {
      if (error instanceof PhotoError) return refuse(error.reason)
      throw error
    }
  }
  // The photo's files are written first (named by content, unused ones harmless); the profile and its audit row commit together.
  atomically((tx) => {
    setMemberPhoto(target.id, photo)
    recordAuditEvent(
      { actorId: user.id, action: 'member.photo_changed', targetType: 'member', targetId: target.id },
      tx,
    )
  })
  return redirectWithFlash(`/${lang}/members/${target.id}`, 'profileSaved')
}
