import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from '@remix-run/node'
import { z } from '~/utils/zod'
import { requireEditableMember } from '~/features/network/guards.server'
import { MAX_PHOTO_BYTES, setMemberPhoto, type PhotoRefusal } from '~/features/network/member-photo.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'

const PhotoIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('upload'), photo: z.instanceof(File).refine((file) => file.size > 0) }),
  z.object({ intent: z.literal('remove') }),
])

/**
 * POST a new photo (or `remove`) for a profile. The form is on the edit page; a refusal goes back there with
 * the reason in the URL (?photoError=…), shown as a localized message, and nothing is written.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  const { user, target } = requireEditableMember(request, params.id)
  const lang = requireLanguage(params)
  const refuse = (reason: PhotoRefusal) =>
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
  // The upload form sends no intent: anything but "remove" uploads, as it always has.
  const parsed = PhotoIntentSchema.safeParse({
    intent: form.get('intent') === 'remove' ? 'remove' : 'upload',
    photo: form.get('photo'),
  })
  if (!parsed.success) return refuse('noFile')
  const intent = parsed.data
  const bytes = intent.intent === 'remove' ? null : Buffer.from(await intent.photo.arrayBuffer())
  const saved = await setMemberPhoto(target.id, bytes, user)
  if (!saved.ok) return refuse(saved.error)
  return redirectWithFlash(`/${lang}/members/${target.id}`, 'profileSaved')
}
