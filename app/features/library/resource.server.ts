// Writing resources: create and update (with their taxonomies and first file), state changes, adding and removing
// files, and deletion. The reads (getResource, the lists) live in resource-read.server.ts and are re-exported here.
import { desc, eq } from 'drizzle-orm'
import {
  resource,
  resourceCountry,
  resourceFile,
  resourceLanguage,
  resourceParliament,
  resourcePillar,
  resourceResolution,
  resourceTheme,
  type ResourceState,
} from '#db/schema/index'
import { attachPendingUpload } from '~/utils/pending-upload.server'
import { deleteResourceFile } from './resource-file.server'
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

/** Replaces the taxonomies (pillars, resolutions, themes, languages, countries, parliaments) of a resource. */
function writeTaxonomies(tx: Tx, id: number, input: ResourceInput) {
  tx.delete(resourcePillar).where(eq(resourcePillar.resourceId, id)).run()
  tx.delete(resourceResolution).where(eq(resourceResolution.resourceId, id)).run()
  tx.delete(resourceTheme).where(eq(resourceTheme.resourceId, id)).run()
  tx.delete(resourceLanguage).where(eq(resourceLanguage.resourceId, id)).run()
  tx.delete(resourceCountry).where(eq(resourceCountry.resourceId, id)).run()
  tx.delete(resourceParliament).where(eq(resourceParliament.resourceId, id)).run()
  if (input.pillars.length)
    tx.insert(resourcePillar)
      .values(input.pillars.map((pillar) => ({ resourceId: id, pillar })))
      .run()
  if (input.resolutions.length)
    tx.insert(resourceResolution)
      .values(input.resolutions.map((resolution) => ({ resourceId: id, resolution })))
      .run()
  if (input.themes.length)
    tx.insert(resourceTheme)
      .values(input.themes.map((theme) => ({ resourceId: id, theme })))
      .run()
  if (input.languages.length)
    tx.insert(resourceLanguage)
      .values(input.languages.map((language) => ({ resourceId: id, language })))
      .run()
  if (input.countries.length)
    tx.insert(resourceCountry)
      .values(input.countries.map((countryCode) => ({ resourceId: id, countryCode })))
      .run()
  if (input.parliamentIds.length)
    tx.insert(resourceParliament)
      .values(input.parliamentIds.map((parliamentId) => ({ resourceId: id, parliamentId })))
      .run()
}

/** Thrown when the form refers to an upload that is not (or no longer) the user's. */
export class UploadGoneError extends Error {}

/**
 * Saves a new resource with its first file (a pending upload) in one transaction, then indexes it.
 * The state is decided by the caller (draft, submitted, or published for coordinators).
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
    if (input.file) {
      const attached = attachPendingUpload(tx, input.file, author.id, {
        resourceId: row.id,
        role: roleForType(input.type),
        language: input.fileLanguage,
        altEn: '',
        altAr: '',
        position: 0,
      })
      if (attached === null || attached === undefined) throw new UploadGoneError()
    }
    return row.id
  })
  reindexResource(id)
  return { id }
}

/** Saves edits (the state is unchanged here; see changeResourceState). */
export function updateResource(id: number, input: ResourceInput, editor: { id: number }) {
  const db = getDb()
  db.transaction((tx) => {
    tx.update(resource)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(resource.id, id))
      .run()
    writeTaxonomies(tx, id, input)
    if (input.file) {
      const last = tx
        .select({ position: resourceFile.position })
        .from(resourceFile)
        .where(eq(resourceFile.resourceId, id))
        .orderBy(desc(resourceFile.position))
        .get()
      const attached = attachPendingUpload(tx, input.file, editor.id, {
        resourceId: id,
        role: roleForType(input.type),
        language: input.fileLanguage,
        altEn: '',
        altAr: '',
        position: (last?.position ?? -1) + 1,
      })
      if (attached === null || attached === undefined) throw new UploadGoneError()
    }
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

/** Attaches a pending upload to a resource as one more file; null when the upload is gone. */
export function addResourceFile(resourceId: number, input: AddFileInput, owner: { id: number }) {
  const db = getDb()
  const id = db.transaction((tx) => {
    const last = tx
      .select({ position: resourceFile.position })
      .from(resourceFile)
      .where(eq(resourceFile.resourceId, resourceId))
      .orderBy(desc(resourceFile.position))
      .get()
    return attachPendingUpload(tx, input.file, owner.id, {
      resourceId,
      role: input.role,
      language: input.language,
      altEn: input.altEn,
      altAr: input.altAr,
      position: (last?.position ?? -1) + 1,
    })
  })
  if (id === null || id === undefined) return null
  reindexResource(resourceId)
  return { id }
}

/** Removes a file of a resource (and its bytes when nothing else uses them). */
export function removeResourceFile(resourceId: number, fileId: number) {
  deleteResourceFile(fileId)
  reindexResource(resourceId)
}

/** Deletes a resource with its files (their bytes too, when nothing else uses them) and its index row. */
export function deleteResource(id: number) {
  const db = getDb()
  const hashes = db
    .select({ sha256: resourceFile.sha256 })
    .from(resourceFile)
    .where(eq(resourceFile.resourceId, id))
    .all()
  db.delete(resource).where(eq(resource.id, id)).run()
  for (const { sha256 } of hashes) removeBlobIfUnreferenced(sha256)
  reindexResource(id)
}
