import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { resource, resourceFile, user } from '#db/schema/index'
import type { ResourceState, Visibility } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { storeUpload, uploadPath, type StoredBlob } from '~/utils/file-store.server'
import { fixture } from '../../../test/sample-files'
import { deleteResourceFile, getFileForDownload, listResourceFiles, updateResourceFile } from './resource-file.server'

let author: { id: number; role: 'member' }
let member: { id: number; role: 'member' }
let coordinator: { id: number; role: 'coordinator' }
let pdf: StoredBlob

function addUser(email: string, role: 'member' | 'coordinator') {
  return getDb().insert(user).values({ email, name: email, role, passwordHash: 'x' }).returning({ id: user.id }).get()
    .id
}

function addResource(state: ResourceState, visibility: Visibility) {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn: `${state} ${visibility}`, state, visibility, authorId: author.id })
    .returning()
    .get().id
}

function addFile(resourceId: number, blob: StoredBlob, position = 0, originalName = 'تقرير المساءلة.pdf') {
  return getDb()
    .insert(resourceFile)
    .values({ resourceId, ...blob, originalName, position })
    .returning()
    .get().id
}

beforeAll(async () => {
  author = { id: addUser('author@example.org', 'member'), role: 'member' }
  member = { id: addUser('member@example.org', 'member'), role: 'member' }
  coordinator = { id: addUser('coordinator@example.org', 'coordinator'), role: 'coordinator' }
  pdf = await storeUpload(
    (async function* () {
      yield new Uint8Array(fixture('arabic.pdf'))
    })(),
  )
})

describe('getFileForDownload', () => {
  it('follows the rules of the resource: visitors only get published public files', () => {
    const cases: [
      ResourceState,
      Visibility,
      { visitor: boolean; member: boolean; author: boolean; coordinator: boolean },
    ][] = [
      ['published', 'public', { visitor: true, member: true, author: true, coordinator: true }],
      ['published', 'members', { visitor: false, member: true, author: true, coordinator: true }],
      ['draft', 'public', { visitor: false, member: false, author: true, coordinator: true }],
      ['submitted', 'members', { visitor: false, member: false, author: true, coordinator: true }],
    ]
    for (const [state, visibility, may] of cases) {
      const fileId = addFile(addResource(state, visibility), pdf)
      const seen = {
        visitor: getFileForDownload(fileId, null) !== null,
        member: getFileForDownload(fileId, member) !== null,
        author: getFileForDownload(fileId, author) !== null,
        coordinator: getFileForDownload(fileId, coordinator) !== null,
      }
      expect([state, visibility, seen]).toEqual([state, visibility, may])
      expect(getFileForDownload(fileId, coordinator)!.isPublic).toBe(state === 'published' && visibility === 'public')
    }
    expect(getFileForDownload(999_999, coordinator)).toBeNull()
    expect(getFileForDownload(Number.NaN, coordinator)).toBeNull()
  })
})

describe('listResourceFiles, updateResourceFile, deleteResourceFile', () => {
  it('lists in order, edits what is said about a file, and deletes bytes only when no other row shares them', async () => {
    const video = await storeUpload(
      (async function* () {
        yield new Uint8Array(fixture('clip.mp4'))
      })(),
    )
    const id = addResource('draft', 'public')
    const second = addFile(id, pdf, 1)
    const first = addFile(id, video, 0, 'clip.mp4')
    expect(listResourceFiles(id).map((f) => f.id)).toEqual([first, second])
    expect(updateResourceFile(first, { language: 'ar', altAr: 'مقطع', role: 'media' })).toBe(true)
    expect(listResourceFiles(id)[0]).toMatchObject({ language: 'ar', altAr: 'مقطع', altEn: '', role: 'media' })
    expect(updateResourceFile(999_999, { altEn: 'x' })).toBe(false)

    expect(deleteResourceFile(first)).toBe(true)
    expect(fs.existsSync(uploadPath(video.sha256))).toBe(false)
    // The PDF's bytes are shared with the files of the first test.
    expect(deleteResourceFile(second)).toBe(true)
    expect(fs.existsSync(uploadPath(pdf.sha256))).toBe(true)
    expect(deleteResourceFile(second)).toBe(false)
  })
})
