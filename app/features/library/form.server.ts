import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import countries from 'i18n-iso-countries'
import { listParliamentOptions } from '~/features/network'
import { countryOptions } from '~/utils/countries'
import { maxUploadBytes } from '~/utils/file-store.server'
import type { Language } from '~/utils/i18n'
import { getPendingUpload } from '~/utils/pending-upload.server'
import { readUploadForm } from '~/utils/upload.server'
import type { LibraryError } from './errors'
import type { ResourceFormValues } from './resource-form'
import { existingParliamentIds } from './resource.server'
import { ResourceFormSchema } from './schemas'

const allCountryCodes = Object.keys(countries.getAlpha2Codes()).sort()

type PendingFile = { id: string; name: string; size: number }

/** What the resource form needs from the server: its choices in the page's language, the size limit, its values. */
export function resourceFormProps(lang: Language, defaultValue: ResourceFormValues) {
  return {
    countries: countryOptions(allCountryCodes, lang),
    parliaments: listParliamentOptions(lang),
    maxBytes: maxUploadBytes(),
    defaultValue,
  }
}

/** The form back (400) with its errors and the pending upload it keeps, or with one error on its file. */
export function resourceFormReply(result: SubmissionResult<string[]>, pendingUpload: PendingFile | null = null) {
  return data({ result, pendingUpload }, { status: 400 })
}

/** The form back with a refusal of the library (a share or an edit) on its file field. */
export function refuseResourceForm(
  submission: { reply: (o: object) => SubmissionResult<string[]> },
  code: LibraryError,
) {
  return resourceFormReply(submission.reply({ fieldErrors: { file: [code] } }))
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
  if (typeof fileId === 'string' && fileId && !pending) fieldErrors.file = ['uploadGone' satisfies LibraryError]
  if (submission.status === 'success') {
    const input = submission.value
    const known = new Set(existingParliamentIds(input.parliamentIds))
    if (input.parliamentIds.some((id) => !known.has(id))) fieldErrors.parliamentIds = ['invalidChoice']
    if (Object.keys(fieldErrors).length === 0) return { status: 'success' as const, input, submission }
  }
  return {
    status: 'error' as const,
    reply: resourceFormReply(
      submission.reply(Object.keys(fieldErrors).length ? { fieldErrors } : undefined),
      pendingUpload,
    ),
  }
}
