import { and, eq, lt } from 'drizzle-orm'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import type { ContentLanguage, FileRole } from '#db/enums'
import { pendingUpload, resourceFile } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import {
  cleanOriginalName,
  cleanTempUploads,
  removeBlobIfUnreferenced,
  type StoredBlob,
} from '~/utils/file-store.server'

/**
 * Files uploaded ahead of the form that uses them (the "direct upload" pattern): the browser sends the file with
 * a progress bar, gets an id back, and the form posts that id. Only the uploader can use an id; attaching it moves
 * it into `resource_file`; what is never attached is swept after a day, bytes included.
 */

export type PendingUpload = typeof pendingUpload.$inferSelect

const DAY = 24 * 60 * 60 * 1000

/** 20 random bytes in base32: unguessable, safe in a form field or a URL. */
function newId() {
  const bytes = new Uint8Array(20)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

/**
 * Records a stored blob as this user's pending upload. Call it right after `storeUpload` resolves (no other
 * await in between), so that the sweep never sees the blob unreferenced.
 */
export function createPendingUpload(
  blob: StoredBlob,
  userId: number,
  originalName: string | null | undefined,
  extractedText = '',
): PendingUpload {
  return getDb()
    .insert(pendingUpload)
    .values({
      id: newId(),
      userId,
      sha256: blob.sha256,
      size: blob.size,
      mediaType: blob.mediaType,
      originalName: cleanOriginalName(originalName, blob.mediaType),
      extractedText,
    })
    .returning()
    .get()
}

/** Adds the text extracted from the file (PDF), done after the row exists. */
export function setPendingUploadText(id: string, extractedText: string) {
  getDb().update(pendingUpload).set({ extractedText }).where(eq(pendingUpload.id, id)).run()
}

/** A pending upload, only for its owner (anyone else gets undefined, as for an unknown id). */
export function getPendingUpload(id: string, userId: number): PendingUpload | undefined {
  if (!/^[a-z2-7]{32}$/.test(id)) return undefined
  return getDb()
    .select()
    .from(pendingUpload)
    .where(and(eq(pendingUpload.id, id), eq(pendingUpload.userId, userId)))
    .get()
}

export type AttachFileInput = {
  resourceId: number
  role: FileRole
  language: ContentLanguage | null
  altEn: string
  altAr: string
  position: number
}

/**
 * Moves this user's pending upload into `resource_file`, inside the caller's transaction, and returns the new
 * file's id; null when the id is unknown, someone else's, or already used (or swept).
 */
export function attachPendingUpload(tx: Tx, id: string, userId: number, file: AttachFileInput): number | null {
  const pending = takePendingUpload(tx, id, userId)
  if (!pending) return null
  const row = tx
    .insert(resourceFile)
    .values({
      resourceId: file.resourceId,
      sha256: pending.sha256,
      size: pending.size,
      mediaType: pending.mediaType,
      originalName: pending.originalName,
      role: file.role,
      language: file.language,
      altEn: file.altEn,
      altAr: file.altAr,
      extractedText: pending.extractedText,
      position: file.position,
    })
    .returning({ id: resourceFile.id })
    .get()
  return row.id
}

/**
 * Takes this user's pending upload out of `pending_upload`, inside the caller's transaction, for the caller to
 * record elsewhere (a request's attachment); undefined when the id is unknown, someone else's, or already used.
 */
export function takePendingUpload(tx: Tx, id: string, userId: number): PendingUpload | undefined {
  if (!/^[a-z2-7]{32}$/.test(id)) return undefined
  return tx
    .delete(pendingUpload)
    .where(and(eq(pendingUpload.id, id), eq(pendingUpload.userId, userId)))
    .returning()
    .get()
}

/** Deletes pending uploads older than `olderThanMs`, and their bytes when nothing else uses them. */
export function sweepPendingUploads(olderThanMs = DAY, now = new Date()) {
  const cutoff = new Date(now.getTime() - olderThanMs)
  const stale = getDb()
    .delete(pendingUpload)
    .where(lt(pendingUpload.createdAt, cutoff))
    .returning({ sha256: pendingUpload.sha256 })
    .all()
  for (const sha256 of new Set(stale.map((r) => r.sha256))) removeBlobIfUnreferenced(sha256)
  cleanTempUploads(60 * 60 * 1000, now.getTime())
  return stale.length
}

const globalForSweep = globalThis as unknown as { __parlnetUploadSweep?: ReturnType<typeof setInterval> }

/** Sweeps now and every hour, on a timer that never keeps the process alive (and only one, across hot reloads). */
export function startPendingUploadSweep() {
  const sweep = () => {
    try {
      const n = sweepPendingUploads()
      if (n) console.log(`uploads: removed ${n} unused upload(s) older than a day`)
    } catch (error) {
      console.error('uploads: sweep failed', error)
    }
  }
  sweep()
  if (globalForSweep.__parlnetUploadSweep) clearInterval(globalForSweep.__parlnetUploadSweep)
  globalForSweep.__parlnetUploadSweep = setInterval(sweep, 60 * 60 * 1000)
  globalForSweep.__parlnetUploadSweep.unref()
}
