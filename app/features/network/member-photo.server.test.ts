import fs from 'node:fs'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { auditEvent, member, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addActor, auditOf, rowCount } from './audit.test-helpers'
import {
  isPhotoVisible,
  MAX_PHOTO_BYTES,
  photoPath,
  photoSizes,
  readPhotoRefusal,
  setMemberPhoto,
  storeMemberPhoto,
} from './member-photo.server'

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .png()
    .toBuffer()

function addMember(visibility: 'public' | 'members') {
  const parliamentId = getDb()
    .insert(parliament)
    .values({ kind: 'assembly', nameEn: `Photo assembly ${visibility}`, region: 'europe' })
    .returning()
    .get().id
  return getDb()
    .insert(member)
    .values({ parliamentId, nameEn: 'Pictured', visibility, searchText: 'pictured' })
    .returning()
    .get().id
}
const photoOf = (id: number) =>
  getDb().select({ photo: member.photo }).from(member).where(eq(member.id, id)).get()!.photo

describe('storeMemberPhoto', () => {
  it('stores an image at every size, as WebP, named by its content', async () => {
    const stored = await storeMemberPhoto(await png())
    if (!stored.ok) throw new Error(stored.error)
    expect(stored.value).toMatch(/^[a-f0-9]{64}$/)
    for (const size of photoSizes) {
      const meta = await sharp(fs.readFileSync(photoPath(stored.value, size))).metadata()
      expect(meta).toMatchObject({ format: 'webp', width: size, height: size })
    }
  })

  it('refuses what is not a JPEG, PNG or WebP image, or is too large, as values', async () => {
    expect(await storeMemberPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({
      ok: false,
      error: 'notImage',
    })
    expect(await storeMemberPhoto(Buffer.from('not an image at all'))).toEqual({ ok: false, error: 'notImage' })
    expect(await storeMemberPhoto(Buffer.alloc(MAX_PHOTO_BYTES + 1))).toEqual({ ok: false, error: 'tooLarge' })
  })
})

describe('setMemberPhoto', () => {
  it('gives the profile its photo, then none, each with an audit row', async () => {
    const actor = addActor()
    const id = addMember('public')
    expect(await setMemberPhoto(id, await png(), { id: actor })).toEqual({ ok: true })
    const hash = photoOf(id)!
    expect(isPhotoVisible(hash, false)).toBe(true)
    expect(await setMemberPhoto(id, null, { id: actor })).toEqual({ ok: true })
    expect(photoOf(id)).toBeNull()
    expect(auditOf('member', id)).toEqual([
      { actorId: actor, action: 'member.photo_changed', details: null },
      { actorId: actor, action: 'member.photo_changed', details: null },
    ])
  })

  it('writes nothing for a refused upload', async () => {
    const id = addMember('members')
    await setMemberPhoto(id, await png(), null)
    const [hash, audits] = [photoOf(id), rowCount(auditEvent)]
    expect(await setMemberPhoto(id, Buffer.from('GIF89a'), null)).toEqual({ ok: false, error: 'notImage' })
    expect(photoOf(id)).toBe(hash)
    expect(rowCount(auditEvent)).toBe(audits)
    // A members-only profile's photo is for signed-in viewers only.
    expect(isPhotoVisible(hash!, false)).toBe(false)
    expect(isPhotoVisible(hash!, true)).toBe(true)
  })
})

describe('readPhotoRefusal', () => {
  it("reads the edit page's ?photoError= reasons and nothing else", () => {
    expect(readPhotoRefusal('tooLarge')).toBe('tooLarge')
    expect(readPhotoRefusal('noFile')).toBe('noFile')
    expect(readPhotoRefusal('notImage')).toBe('notImage')
    expect(readPhotoRefusal('<script>')).toBeNull()
    expect(readPhotoRefusal(null)).toBeNull()
  })
})
