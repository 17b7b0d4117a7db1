// What the import page posts: a file to preview, or the previewed file to commit. The intent is told apart by
// one discriminated union (the upload form sends none: anything but "commit" previews, as it always has).
import { data } from '@remix-run/node'
import { z } from '~/utils/zod'
import type { NetworkError } from '~/features/network/errors'
import type { PopoloImportSummary } from '~/features/network/popolo/import.server'
import { commitPopoloUpload, previewPopoloUpload, type UploadRefusal } from '~/features/network/popolo/upload.server'
import { readId } from '~/utils/ids'

export type ImportActionResult =
  | { step: 'preview'; summary: PopoloImportSummary; hash: string; parliamentId: string; fileName: string }
  | { step: 'done'; summary: PopoloImportSummary; written: boolean }
  | {
      step: 'error'
      error: Extract<NetworkError, 'fileTooLarge' | 'fileMissing' | 'expired' | 'refused'>
      detail?: string
    }

const parliamentId = z.unknown().transform((value) => readId(value) ?? undefined)

const IntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('commit'), hash: z.string().catch(''), parliamentId }),
  z.object({ intent: z.literal('preview'), file: z.instanceof(File).refine((file) => file.size > 0), parliamentId }),
])

const status = { fileTooLarge: 413, fileMissing: 400, expired: 410, refused: 422 } as const

export function refuse(error: Extract<ImportActionResult, { step: 'error' }>['error'], detail?: string) {
  return data<ImportActionResult>(detail === undefined ? { step: 'error', error } : { step: 'error', error, detail }, {
    status: status[error],
  })
}

function refused(refusal: UploadRefusal) {
  return refusal.error === 'refused' ? refuse('refused', refusal.detail) : refuse('expired')
}

/** Previews or commits, as the form says; every refusal is the page's message with its status. */
export async function runImportIntent(form: FormData, actor: { id: number }) {
  const parsed = IntentSchema.safeParse({
    intent: form.get('intent') === 'commit' ? 'commit' : 'preview',
    hash: form.get('hash') ?? '',
    file: form.get('file'),
    parliamentId: form.get('parliamentId'),
  })
  if (!parsed.success) return refuse('fileMissing')
  const intent = parsed.data
  if (intent.intent === 'commit') {
    const done = commitPopoloUpload(intent.hash, { parliamentId: intent.parliamentId }, actor)
    if (!done.ok) return refused(done)
    return data<ImportActionResult>({ step: 'done', ...done.value })
  }
  const bytes = Buffer.from(await intent.file.arrayBuffer())
  const preview = previewPopoloUpload(bytes, { parliamentId: intent.parliamentId })
  if (!preview.ok) return refused(preview)
  return data<ImportActionResult>({
    step: 'preview',
    ...preview.value,
    parliamentId: intent.parliamentId ? String(intent.parliamentId) : '',
    fileName: intent.file.name.slice(0, 200),
  })
}
