import { parseWithZod } from '@conform-to/zod/v4'
import countries from 'i18n-iso-countries'
import type { Role } from '#db/enums'
import { getPendingUpload } from '~/utils/pending-upload.server'
import { listParliamentOptions } from '~/features/network'
import { canEditResource } from './access.server'
import { existingParliamentIds, getResource } from './resource.server'
import { countryOptions } from '~/utils/countries'
import type { Language } from '~/utils/i18n'
import { readUploadForm } from '~/utils/upload.server'
import { ResourceFormSchema } from './schemas'

const allCountryCodes = Object.keys(countries.getAlpha2Codes()).sort()

/** The choices the resource form offers, in the page's language. */
export function resourceFormChoices(lang: Language) {
  return { countries: countryOptions(allCountryCodes, lang), parliaments: listParliamentOptions(lang) }
}

/**
 * Reads a posted resource form (multipart: its file is streamed to disk and becomes a pending upload) and
 * validates it. On errors, the pending upload is handed back so the form can keep it.
 */
export async function readResourceForm(request: Request, user: { id: number }) {
  const { formData, uploadErrors } = await readUploadForm(request, user, { fileFields: ['file'] })
  const submission = parseWithZod(formData, { schema: ResourceFormSchema })
  const fileId = formData.get('file')
  const pending = typeof fileId === 'string' && fileId ? (getPendingUpload(fileId, user.id) ?? null) : null
  const pendingUpload = pending ? { id: pending.id, name: pending.originalName, size: pending.size } : null
  const fieldErrors: Record<string, string[]> = {}
  for (const [field, code] of Object.entries(uploadErrors)) fieldErrors[field] = [code]
  if (typeof fileId === 'string' && fileId && !pending) fieldErrors.file = ['uploadGone']
  if (submission.status === 'success') {
    const input = submission.value
    const known = new Set(existingParliamentIds(input.parliamentIds))
    if (input.parliamentIds.some((id) => !known.has(id))) fieldErrors.parliamentIds = ['invalidChoice']
    if (Object.keys(fieldErrors).length === 0) return { ok: true as const, input, submission, pendingUpload }
  }
  return {
    ok: false as const,
    reply: submission.reply(Object.keys(fieldErrors).length ? { fieldErrors } : undefined),
    pendingUpload,
  }
}

/** The resource, if this user may edit it: 404 when there is none, 403 when it is not theirs to edit. */
export function requireEditableResource(idParam: string | undefined, user: { id: number; role: Role }) {
  const id = Number(idParam)
  const found = Number.isSafeInteger(id) && id > 0 ? getResource(id) : undefined
  if (!found) throw new Response('Not Found', { status: 404 })
  if (!canEditResource(found, user)) throw new Response('Forbidden', { status: 403 })
  return found
}
