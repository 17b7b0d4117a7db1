// A new draft started from an Akoma Ntoso file (issue 15, item 7): the file is read from the posted form (never
// stored: it is not a library file), importAkomaNtoso turns it into a tree, and the draft and its provisions are
// written in one transaction, so a file refused at any step writes nothing.
import { unstable_parseMultipartFormData } from '@remix-run/node'
import { readId } from '~/utils/ids'
import { ok } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { declaresMoreThan, isMultipart, PartTooLarge, TEXT_LIMIT } from '~/utils/upload.server'
import { z } from '~/utils/zod'
import { importAkomaNtoso, type AknImportError } from './akn-import.server'
import { createDraft, type DraftActor } from './draft.server'
import type { DraftsError } from './errors'
import { addProvisionTree } from './provision.server'
import { draftKinds } from './snapshot'
import { consultationScopes, draftLanguages, draftLimits, draftVisibilities } from './vocabulary'

/** The largest Akoma Ntoso file taken (akn-import.server.ts refuses larger ones with the same code). */
export const AKN_MAX_BYTES = 5_000_000

const formId = z.string({ error: 'invalidChoice' }).transform((v, ctx) => {
  const id = readId(v)
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: 'invalidChoice' })
    return z.NEVER
  }
  return id
})

/** What the import form asks besides the file: what the file cannot say (who leads, who is in charge). */
export const AknStartFormSchema = z.object({
  kind: z.enum(draftKinds, { error: 'invalidChoice' }).optional(),
  coordinatorId: formId,
  leadParliamentIds: z
    .array(formId)
    .max(draftLimits.leads, 'tooLong')
    .optional()
    .transform((v) => [...new Set(v ?? [])])
    .refine((v) => v.length > 0, 'leadRequired'),
  visibility: z.enum(draftVisibilities, { error: 'invalidChoice' }).default('members'),
  consultationScope: z.enum(consultationScopes, { error: 'invalidChoice' }).default('members'),
})
export type AknStartForm = z.output<typeof AknStartFormSchema>

class FileTooLarge extends Error {}

/** One file per language expression of the work (an English and an Arabic file of the same act). */
export const AKN_MAX_FILES = draftLanguages.length

/**
 * Reads a posted form: its text fields, and the bytes of its `file` parts when it is multipart (at most
 * AKN_MAX_FILES files of AKN_MAX_BYTES each, else 'aknTooLarge' without reading further). A request too large by its
 * own account is not read; file parts of other names, or beyond AKN_MAX_FILES, are read and dropped within the bound.
 */
export async function readAknForm(
  request: Request,
): Promise<{ formData: FormData; files: Uint8Array[]; fileError: 'aknTooLarge' | null }> {
  if (!isMultipart(request)) {
    if (declaresMoreThan(request, TEXT_LIMIT)) throw new Response('Payload Too Large', { status: 413 })
    return { formData: await request.formData(), files: [], fileError: null }
  }
  let budget = AKN_MAX_BYTES * AKN_MAX_FILES + TEXT_LIMIT
  if (declaresMoreThan(request, budget)) return { formData: new FormData(), files: [], fileError: 'aknTooLarge' }
  const files: Uint8Array[] = []
  let textBytes = 0
  try {
    const formData = await unstable_parseMultipartFormData(request, async (part) => {
      const isText = part.filename === undefined
      const kept = !isText && part.name === 'file' && part.filename !== '' && files.length < AKN_MAX_FILES
      const chunks: Uint8Array[] = []
      let size = 0
      const limit = isText ? TEXT_LIMIT - textBytes : AKN_MAX_BYTES
      for await (const chunk of part.data) {
        size += chunk.length
        budget -= chunk.length
        if (size > limit) throw isText ? new PartTooLarge() : new FileTooLarge()
        if (budget < 0) throw new PartTooLarge()
        if (isText || kept) chunks.push(chunk)
      }
      if (isText) {
        textBytes += size
        return new TextDecoder().decode(Buffer.concat(chunks))
      }
      if (kept) files.push(new Uint8Array(Buffer.concat(chunks)))
      return undefined
    })
    return { formData, files, fileError: null }
  } catch (error) {
    if (error instanceof FileTooLarge) return { formData: new FormData(), files: [], fileError: 'aknTooLarge' }
    if (error instanceof PartTooLarge) throw new Response('Payload Too Large', { status: 413 })
    throw new Response('Bad Request', { status: 400 })
  }
}

/** A refusal of the import: a code of errors.ts, or 'aknNoTitle' (a file with no title in either language). */
export type AknStartError = DraftsError | 'aknNoTitle'
/** Where a refusal of the import is shown: on the file, or on one of the form's fields. */
export type AknStartRefusal = { field: 'file' | 'coordinatorId' | 'leadParliamentIds'; error: AknStartError }

class Rollback extends Error {
  constructor(readonly code: DraftsError) {
    super(code)
  }
}

/**
 * Reads the file (or the files of the work's language expressions: the first gives the structure), then creates the draft (its kind from the form, else the file's; its titles, summaries and
 * original language from the file) and adds the file's provisions, in one transaction: any refusal writes nothing.
 */
export function startDraftFromAkn(
  files: Uint8Array | readonly Uint8Array[],
  form: AknStartForm,
  by: DraftActor,
): { ok: true; value: { id: number; added: number } } | ({ ok: false } & AknStartRefusal) {
  const read = importAkomaNtoso(files, { maxBytes: AKN_MAX_BYTES })
  if (!read.ok) return { ok: false, field: 'file', error: read.error satisfies AknImportError }
  const s = read.value
  const original = draftLanguages.find((l) => l === s.languages[0]) ?? 'en'
  const input = {
    kind: form.kind ?? s.kind,
    titleEn: s.titles.en ?? '',
    titleAr: s.titles.ar ?? '',
    summaryEn: s.summaries.en ?? '',
    summaryAr: s.summaries.ar ?? '',
    originalLanguage: original,
    coordinatorId: form.coordinatorId,
    leadParliamentIds: form.leadParliamentIds,
    visibility: form.visibility,
    consultationScope: form.consultationScope,
  }
  try {
    return atomically(() => {
      const created = createDraft(input, by)
      if (!created.ok) throw new Rollback(created.error)
      const added = addProvisionTree({ id: created.value.id, stage: 'preparation' }, s.provisions, by)
      if (!added.ok) throw new Rollback(added.error)
      return ok({ id: created.value.id, added: added.value.added })
    })
  } catch (error) {
    if (!(error instanceof Rollback)) throw error
    const field: AknStartRefusal['field'] =
      error.code === 'coordinatorUnknown'
        ? 'coordinatorId'
        : error.code === 'leadRequired' || error.code === 'parliamentUnknown'
          ? 'leadParliamentIds'
          : 'file'
    // A file without a title in either language: said on the file, which is what lacks it.
    return { ok: false, field, error: error.code === 'titleOneLanguage' ? 'aknNoTitle' : error.code }
  }
}
