import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { pendingUpload, resource, resourceFile, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { storeUpload, uploadPath } from '~/utils/file-store.server'
import { fixture } from '../../test/sample-files'
import {
  attachPendingUpload,
  createPendingUpload,
  getPendingUpload,
  sweepPendingUploads,
} from './pending-upload.server'

const bytes = async function* (b: Buffer) {
  yield new Uint8Array(b)
}

let owner: number
let stranger: number
let resourceId: number

beforeAll(() => {
  const db = getDb()
  owner = db.insert(user).values({ email: 'owner@example.org', name: 'Owner', passwordHash: 'x' }).returning().get().id
  stranger = db
    .insert(user)
    .values({ email: 'stranger@example.org', name: 'Stranger', passwordHash: 'x' })
    .returning()
    .get().id
  resourceId = db
    .insert(resource)
    .values({ type: 'report', titleEn: 'Oversight', authorId: owner })
    .returning()
    .get().id
})

const file = { role: 'document' as const, language: 'ar' as const, altEn: '', altAr: '', position: 0 }

describe('pending uploads', () => {
  it('get an unguessable id and are visible to their owner only', async () => {
    const pending = createPendingUpload(await storeUpload(bytes(fixture('arabic.pdf'))), owner, 'تقرير.pdf', 'نص')
    expect(pending.id).toMatch(/^[a-z2-7]{32}$/)
    expect(getPendingUpload(pending.id, owner)).toMatchObject({
      originalName: 'تقرير.pdf',
      mediaType: 'application/pdf',
      extractedText: 'نص',
    })
    expect(getPendingUpload(pending.id, stranger)).toBeUndefined()
    expect(getPendingUpload('../../etc/passwd', owner)).toBeUndefined()
  })

  it('move into resource_file inside the caller’s transaction, once, and only for their owner', async () => {
    const pending = createPendingUpload(await storeUpload(bytes(fixture('poster.jpg'))), owner, 'poster.jpg')
    const db = getDb()
    expect(db.transaction((tx) => attachPendingUpload(tx, pending.id, stranger, { ...file, resourceId }))).toBeNull()
    const fileId = db.transaction((tx) =>
      attachPendingUpload(tx, pending.id, owner, { ...file, resourceId, role: 'poster', altAr: 'ملصق' }),
    )
    expect(fileId).toEqual(expect.any(Number))
    expect(db.select().from(resourceFile).where(eq(resourceFile.id, fileId!)).get()).toMatchObject({
      resourceId,
      sha256: pending.sha256,
      size: pending.size,
      mediaType: 'image/jpeg',
      originalName: 'poster.jpg',
      role: 'poster',
      language: 'ar',
      altAr: 'ملصق',
    })
    expect(getPendingUpload(pending.id, owner)).toBeUndefined()
    expect(db.transaction((tx) => attachPendingUpload(tx, pending.id, owner, { ...file, resourceId }))).toBeNull()
  })

  it('stay pending when the caller’s transaction rolls back', async () => {
    const pending = createPendingUpload(await storeUpload(bytes(fixture('clip.webm'))), owner, 'clip.webm')
    expect(() =>
      getDb().transaction((tx) => {
        attachPendingUpload(tx, pending.id, owner, { ...file, resourceId })
        throw new Error('the resource did not validate')
      }),
    ).toThrow()
    expect(getPendingUpload(pending.id, owner)).toBeDefined()
  })

  it('are swept after a day with their bytes, unless a resource file shares the bytes', async () => {
    const db = getDb()
    const mp4 = createPendingUpload(await storeUpload(bytes(fixture('clip.mp4'))), owner, 'clip.mp4')
    // The same bytes as the attached poster above: those must stay.
    const jpg = createPendingUpload(await storeUpload(bytes(fixture('poster.jpg'))), owner, 'again.jpg')
    const fresh = createPendingUpload(await storeUpload(bytes(fixture('arabic.pdf'))), owner, 'fresh.pdf')
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)
    for (const id of [mp4.id, jpg.id])
      db.update(pendingUpload).set({ createdAt: twoDaysAgo }).where(eq(pendingUpload.id, id)).run()
    expect(sweepPendingUploads()).toBe(2)
    expect(getPendingUpload(mp4.id, owner)).toBeUndefined()
    expect(getPendingUpload(jpg.id, owner)).toBeUndefined()
    expect(getPendingUpload(fresh.id, owner)).toBeDefined()
    expect(fs.existsSync(uploadPath(mp4.sha256))).toBe(false)
    expect(fs.existsSync(uploadPath(jpg.sha256))).toBe(true)
    expect(fs.existsSync(uploadPath(fresh.sha256))).toBe(true)
  })
})
