import { asc, eq } from 'drizzle-orm'
import type { ContentLanguage, FileRole } from '#db/enums'
import { resource, resourceFile } from '#db/schema/index'
import { canViewResource, type Viewer } from './access.server'
import { getDb } from '~/utils/db.server'
import { removeBlobIfUnreferenced } from '~/utils/file-store.server'
import { readId } from '~/utils/ids'

export type ResourceFile = Omit<typeof resourceFile.$inferSelect, 'extractedText'>

/** What a resource's page shows of each of its files (and links to it by). */
export const fileSummaryColumns = {
  id: resourceFile.id,
  size: resourceFile.size,
  mediaType: resourceFile.mediaType,
  originalName: resourceFile.originalName,
  role: resourceFile.role,
  language: resourceFile.language,
  altEn: resourceFile.altEn,
  altAr: resourceFile.altAr,
}

const fileColumns = {
  ...fileSummaryColumns,
  resourceId: resourceFile.resourceId,
  sha256: resourceFile.sha256,
  position: resourceFile.position,
  createdAt: resourceFile.createdAt,
}

/** A resource's files in their order (without the extracted text, which only search reads). */
export function listResourceFiles(resourceId: number): ResourceFile[] {
  return getDb()
    .select(fileColumns)
    .from(resourceFile)
    .where(eq(resourceFile.resourceId, resourceId))
    .orderBy(asc(resourceFile.position), asc(resourceFile.id))
    .all()
}

export type DownloadableFile = ResourceFile & {
  /** Published and public: anyone may have it, so shared caches may keep it. */
  isPublic: boolean
}

/**
 * A file the viewer may download, by the rules of its resource (canViewResource): a visitor gets null for a
 * members-only or unpublished resource, exactly as for a file that does not exist.
 */
export function getFileForDownload(fileId: number, viewer: Viewer): DownloadableFile | null {
  if (readId(fileId) === null) return null
  const row = getDb()
    .select({
      file: fileColumns,
      state: resource.state,
      visibility: resource.visibility,
      authorId: resource.authorId,
    })
    .from(resourceFile)
    .innerJoin(resource, eq(resource.id, resourceFile.resourceId))
    .where(eq(resourceFile.id, fileId))
    .get()
  if (!row || !canViewResource(row, viewer)) return null
  return { ...row.file, isPublic: row.state === 'published' && row.visibility === 'public' }
}

/** Deletes a file row, and its bytes when no other row shares them. Returns whether there was such a file. */
export function deleteResourceFile(fileId: number) {
  const deleted = getDb()
    .delete(resourceFile)
    .where(eq(resourceFile.id, fileId))
    .returning({ sha256: resourceFile.sha256 })
    .get()
  if (!deleted) return false
  removeBlobIfUnreferenced(deleted.sha256)
  return true
}

export type ResourceFileChanges = Partial<{
  language: ContentLanguage | null
  altEn: string
  altAr: string
  role: FileRole
}>

/** Changes what is said about a file (not its bytes). Returns whether there was such a file. */
export function updateResourceFile(fileId: number, changes: ResourceFileChanges) {
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as ResourceFileChanges
  if (Object.keys(set).length === 0) {
    return Boolean(getDb().select({ id: resourceFile.id }).from(resourceFile).where(eq(resourceFile.id, fileId)).get())
  }
  const updated = getDb()
    .update(resourceFile)
    .set(set)
    .where(eq(resourceFile.id, fileId))
    .returning({ id: resourceFile.id })
    .get()
  return Boolean(updated)
}
