// Writing resources: create and update (with their taxonomies and first file), state changes, adding and removing
// files, and deletion. The reads (getResource, the lists) live in resource-read.server.ts and are re-exported here.
import { desc, eq } from 'drizzle-orm'
import { resource, resourceFile, type ResourceState } from '#db/schema/index'
import { attachPendingUpload, getPendingUpload } from '~/utils/pending-upload.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { LibraryError } from './errors'
import { deleteResourceFile } from './resource-file.server'
import { writeTaxonomies } from './taxonomy.server'
import { reindexResource } from '~/features/search'
import { getDb, type Tx } from '~/utils/db.server'
import { removeBlobIfUnreferenced } from '~/utils/file-store.server'
import type { AddFileInput, ResourceInput } from './schemas'

export {
  countPublicResources,
  existingParliamentIds,
  getResource,
  listAuthoredResources,
  listLatestResources,
  listParliamentResources,
  listResourcesToReview,
  resourceCardColumns,
  resourceFormValues,
  type ResourceDetail,
} from './resource-read.server'

/** The resource row's own columns, from the form. */
function columns(input: ResourceInput) {
  return {
    type: input.type,
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    summaryEn: input.summaryEn,
    summaryAr: input.summaryAr,
    transcriptEn: input.transcriptEn,
    transcriptAr: input.transcriptAr,
    publisher: input.publisher,
    authors: input.authors,
    tags: input.tags,
    publishedOn: input.publishedOn,
    year: input.publishedOn ? Number(input.publishedOn.slice(0, 4)) : null,
    region: input.region,
    licence: input.licence,
    externalUrl: input.externalUrl,
    visibility: input.visibility,
  }
}

/** Whether the form's file (a pending upload's id) is no longer this user's to attach: used, swept or forged. */
export function isUploadGone(fileId: string | null, userId: number) {
  return fileId !== null && !getPendingUpload(fileId, userId)
}

/** The next position at the end of a resource's files. */
function nextPosition(tx: Tx, resourceId: number) {
  const last = tx
    .select({ position: resourceFile.position })
    .from(resourceFile)
    .where(eq(resourceFile.resourceId, resourceId))
    .orderBy(desc(resourceFile.position))
    .get()
  return (last?.position ?? -1) + 1
}

/** Attaches the form's file (checked with isUploadGone in the same transaction: its absence here is a bug). */
function attachFormFile(tx: Tx, resourceId: number, input: ResourceInput & { file: string }, userId: number) {
  const attached = attachPendingUpload(tx, input.file, userId, {
    resourceId,
    role: roleForType(input.type),
    language: input.fileLanguage,
    altEn: '',
    altAr: '',
    position: nextPosition(tx, resourceId),
  })
  if (attached === null) throw new Error('The pending upload is gone: check isUploadGone first')
}

/**
 * Saves a new resource with its first file (a pending upload: check isUploadGone first) in one transaction, then
 * indexes it. The state is decided by the caller (draft, submitted, or published for coordinators).
 */
export function createResource(input: ResourceInput, author: { id: number }, state: ResourceState) {
  const db = getDb()
  const now = new Date()
  const id = db.transaction((tx) => {
    const row = tx
      .insert(resource)
      .values({
        ...columns(input),
        state,
        authorId: author.id,
        submittedAt: state === 'submitted' ? now : null,
        publishedAt: state === 'published' ? now : null,
        reviewerId: state === 'published' ? author.id : null,
      })
      .returning({ id: resource.id })
      .get()
    writeTaxonomies(tx, row.id, input)
    if (input.file) attachFormFile(tx, row.id, { ...input, file: input.file }, author.id)
    return row.id
  })
  reindexResource(id)
  return { id }
}

/** Saves edits, and the form's file as one more (check isUploadGone first). The state is unchanged here. */
export function updateResource(id: number, input: ResourceInput, editor: { id: number }) {
  const db = getDb()
  db.transaction((tx) => {
    tx.update(resource)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(resource.id, id))
      .run()
    writeTaxonomies(tx, id, input)
    if (input.file) attachFormFile(tx, id, { ...input, file: input.file }, editor.id)
  })
  reindexResource(id)
}

/** The role the main file of a resource of this type plays. */
export function roleForType(type: ResourceInput['type']) {
  if (type === 'video' || type === 'audio') return 'media' as const
  if (type === 'image_gallery') return 'image' as const
  return 'document' as const
}

/** Sets the state (and its timestamps and reason); the caller checks who may do it. */
export function setResourceState(id: number, to: ResourceState, actorId: number, reason: string | null = null) {
  const now = new Date()
  const db = getDb()
  const current = db.select({ publishedAt: resource.publishedAt }).from(resource).where(eq(resource.id, id)).get()
  db.update(resource)
    .set({
      state: to,
      updatedAt: now,
      returnReason: to === 'returned' ? reason : null,
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'published' ? { publishedAt: current?.publishedAt ?? now, reviewerId: actorId } : {}),
      ...(to === 'returned' ? { reviewerId: actorId } : {}),
    })
    .where(eq(resource.id, id))
    .run()
}

/**
 * Attaches a pending upload to a resource as one more file, audited in the same transaction; 'uploadGone' (and
 * nothing written) when the upload is no longer this user's.
 */
export function addResourceFile(
  resourceId: number,
  input: AddFileInput,
  actor: { id: number },
): Result<{ id: number }, LibraryError> {
  return atomically((tx) => {
    const id = attachPendingUpload(tx, input.file, actor.id, {
      resourceId,
      role: input.role,
      language: input.language,
      altEn: input.altEn,
      altAr: input.altAr,
      position: nextPosition(tx, resourceId),
    })
    if (id === null) return fail('uploadGone')
    reindexResource(resourceId)
    auditResource(tx, actor, 'resource.file_added', resourceId, { fileId: id })
    return ok({ id })
  })
}

/** Removes a file of a resource (and its bytes when nothing else uses them), audited in the same transaction. */
export function removeResourceFile(resourceId: number, fileId: number, actor: { id: number }) {
  atomically((tx) => {
    // The audit row first: the bytes go with the row, and a failure after them would leave it without its file.
    auditResource(tx, actor, 'resource.file_removed', resourceId, { fileId })
    deleteResourceFile(fileId)
    reindexResource(resourceId)
  })
}

/**
 * Deletes a resource with its files (their bytes too, when nothing else uses them) and its index row, audited in
 * the same transaction.
 */
export function deleteResource(
  r: { id: number; titleEn: string; titleAr: string; state: ResourceState },
  actor: { id: number },
) {
  atomically((tx) => {
    auditResource(tx, actor, 'resource.deleted', r.id, { title: r.titleEn || r.titleAr, state: r.state })
    const hashes = tx
      .select({ sha256: resourceFile.sha256 })
      .from(resourceFile)
      .where(eq(resourceFile.resourceId, r.id))
      .all()
    tx.delete(resource).where(eq(resource.id, r.id)).run()
    for (const { sha256 } of hashes) removeBlobIfUnreferenced(sha256)
    reindexResource(r.id)
  })
}

/** The audit row of a change to a resource, in the change's transaction. */
export function auditResource(
  tx: Tx,
  actor: { id: number },
  action: string,
  id: number,
  details?: Record<string, unknown>,
) {
  recordAuditEvent({ actorId: actor.id, action, targetType: 'resource', targetId: id, details }, tx)
}
