import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { member } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getConfig } from '~/utils/config.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { Actor } from './access.server'
import type { NetworkError } from './errors'

/** The sizes (square, in pixels) every photo is stored at. */
export const photoSizes = [96, 256, 512] as const
export type PhotoSize = (typeof photoSizes)[number]
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024
const acceptedFormats = new Set(['jpeg', 'png', 'webp'])

/** Why a photo is refused: the upload's own reasons, and none sent at all (the route's). */
export const photoRefusals = ['tooLarge', 'notImage', 'noFile'] as const satisfies readonly NetworkError[]
export type PhotoRefusal = (typeof photoRefusals)[number]

/** `?photoError=` of the edit page, if it is one of the reasons (anything else shows nothing). */
export function readPhotoRefusal(value: string | null): PhotoRefusal | null {
  return photoRefusals.find((reason) => reason === value) ?? null
}

function photosDir() {
  return path.resolve(getConfig().DATA_DIR, 'photos')
}

export function photoPath(hash: string, size: PhotoSize) {
  return path.join(photosDir(), `${hash}-${size}.webp`)
}

/**
 * Decides what the upload is by its content (sharp reads the image header, not the name or the browser's
 * claim), then stores it resized to each size as WebP, named by the SHA-256 of the original, without
 * metadata (no location or camera data leaves the portal). Returns the hash, or why it is refused.
 */
export async function storeMemberPhoto(bytes: Buffer): Promise<Result<string, 'tooLarge' | 'notImage'>> {
  if (bytes.length > MAX_PHOTO_BYTES) return fail('tooLarge')
  let format: string | undefined
  try {
    format = (await sharp(bytes).metadata()).format
  } catch {
    return fail('notImage')
  }
  if (!format || !acceptedFormats.has(format)) return fail('notImage')
  const hash = crypto.createHash('sha256').update(bytes).digest('hex')
  fs.mkdirSync(photosDir(), { recursive: true })
  for (const size of photoSizes) {
    const target = photoPath(hash, size)
    if (fs.existsSync(target)) continue
    // Written to a temporary name first, so a half-written file is never served.
    const temp = `${target}.${process.pid}.tmp`
    await sharp(bytes).rotate().resize(size, size, { fit: 'cover' }).webp({ quality: 82 }).toFile(temp)
    fs.renameSync(temp, target)
  }
  return ok(hash)
}

/**
 * Gives a profile a new photo (`bytes`) or none (null). The photo's files are written first (named by content,
 * unused ones harmless); the profile and its audit row then commit together. A refused upload writes nothing.
 */
export async function setMemberPhoto(
  memberId: number,
  bytes: Buffer | null,
  actor: Actor,
): Promise<Result<undefined, 'tooLarge' | 'notImage'>> {
  let photo: string | null = null
  if (bytes) {
    const stored = await storeMemberPhoto(bytes)
    if (!stored.ok) return stored
    photo = stored.value
  }
  atomically((tx) => {
    tx.update(member).set({ photo, updatedAt: new Date() }).where(eq(member.id, memberId)).run()
    recordAuditEvent(
      { actorId: actor?.id ?? null, action: 'member.photo_changed', targetType: 'member', targetId: memberId },
      tx,
    )
  })
  return ok()
}

/** Whether this photo belongs to a profile the viewer may see (members-only profiles hide their photos too). */
export function isPhotoVisible(hash: string, signedIn: boolean) {
  const row = getDb()
    .select({ id: member.id })
    .from(member)
    .where(signedIn ? eq(member.photo, hash) : and(eq(member.photo, hash), eq(member.visibility, 'public')))
    .get()
  return Boolean(row)
}
