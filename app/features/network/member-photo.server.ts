import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { member } from '#db/schema/index'
import { getConfig } from '~/utils/config.server'
import { getDb } from '~/utils/db.server'

/** The sizes (square, in pixels) every photo is stored at. */
export const photoSizes = [96, 256, 512] as const
export type PhotoSize = (typeof photoSizes)[number]
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024
const acceptedFormats = new Set(['jpeg', 'png', 'webp'])

export class PhotoError extends Error {
  constructor(readonly reason: 'notImage' | 'tooLarge') {
    super(reason)
  }
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
 * metadata (no location or camera data leaves the portal). Returns the hash.
 */
export async function storeMemberPhoto(bytes: Buffer) {
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoError('tooLarge')
  let format: string | undefined
  try {
    format = (await sharp(bytes).metadata()).format
  } catch {
    throw new PhotoError('notImage')
  }
  if (!format || !acceptedFormats.has(format)) throw new PhotoError('notImage')
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
  return hash
}

export function setMemberPhoto(memberId: number, hash: string | null) {
  getDb().update(member).set({ photo: hash, updatedAt: new Date() }).where(eq(member.id, memberId)).run()
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
