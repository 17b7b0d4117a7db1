// Adding and removing a resource's files and deleting a resource: each change with its audit row, in one
// transaction, and nothing written when it is refused.
import { desc, eq } from 'drizzle-orm'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, resource, resourceFile, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { createPendingUpload } from '~/utils/pending-upload.server'
import { addResourceFile, deleteResource, getResource, removeResourceFile } from './resource.server'

let author: { id: number }
let other: { id: number }

function addUser(email: string) {
  return getDb().insert(user).values({ email, name: email, role: 'member', passwordHash: 'x' }).returning().get()
}

function addResource() {
  return getDb()
    .insert(resource)
    .values({ type: 'report', titleEn: 'Oversight', state: 'draft', visibility: 'public', authorId: author.id })
    .returning()
    .get().id
}

const upload = (userId: number, name = 'annex.pdf') =>
  createPendingUpload({ sha256: 'c'.repeat(64), size: 42, mediaType: 'application/pdf' }, userId, name)
const file = { role: 'document' as const, language: null, altEn: '', altAr: '' }
const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!
const auditCount = () => getDb().select().from(auditEvent).all().length

const sqlite = () => getDb().$client
afterEach(() => sqlite().exec('DROP TRIGGER IF EXISTS fail_audit_event'))
const failAudit = () =>
  sqlite().exec(
    `CREATE TRIGGER fail_audit_event BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'simulated'); END`,
  )

beforeAll(() => {
  author = addUser('author-files@example.org')
  other = addUser('other-files@example.org')
})

describe('addResourceFile', () => {
  it('attaches the upload as the last file, with its audit row', () => {
    const id = addResource()
    const first = addResourceFile(id, { ...file, file: upload(author.id, 'one.pdf').id }, author)
    const second = addResourceFile(id, { ...file, file: upload(author.id, 'two.pdf').id }, author)
    if (!first.ok || !second.ok) throw new Error('refused')
    expect(getResource(id)!.files.map((f) => f.originalName)).toEqual(['one.pdf', 'two.pdf'])
    expect(lastAudit()).toMatchObject({
      actorId: author.id,
      action: 'resource.file_added',
      targetType: 'resource',
      targetId: String(id),
      details: JSON.stringify({ fileId: second.value.id }),
    })
  })

  it('refuses an upload that is gone or someone else’s, and writes nothing', () => {
    const id = addResource()
    const audits = auditCount()
    expect(addResourceFile(id, { ...file, file: 'z'.repeat(32) }, author)).toEqual({ ok: false, error: 'uploadGone' })
    expect(addResourceFile(id, { ...file, file: upload(other.id).id }, author)).toEqual({
      ok: false,
      error: 'uploadGone',
    })
    expect(getResource(id)!.files).toEqual([])
    expect(auditCount()).toBe(audits)
  })

  it('attaches nothing when its audit row cannot be written', () => {
    const id = addResource()
    const pending = upload(author.id)
    failAudit()
    expect(() => addResourceFile(id, { ...file, file: pending.id }, author)).toThrow('simulated')
    expect(getResource(id)!.files).toEqual([])
  })
})

describe('removeResourceFile and deleteResource', () => {
  it('remove a file, and a resource with its files, each with its audit row', () => {
    const id = addResource()
    const added = addResourceFile(id, { ...file, file: upload(author.id).id }, author)
    if (!added.ok) throw new Error(added.error)
    removeResourceFile(id, added.value.id, author)
    expect(getResource(id)!.files).toEqual([])
    expect(lastAudit()).toMatchObject({
      action: 'resource.file_removed',
      details: JSON.stringify({ fileId: added.value.id }),
    })

    addResourceFile(id, { ...file, file: upload(author.id).id }, author)
    deleteResource(getResource(id)!, author)
    expect(getResource(id)).toBeUndefined()
    expect(getDb().select().from(resourceFile).where(eq(resourceFile.resourceId, id)).all()).toEqual([])
    expect(lastAudit()).toMatchObject({
      action: 'resource.deleted',
      targetId: String(id),
      details: JSON.stringify({ title: 'Oversight', state: 'draft' }),
    })
  })

  it('keep the file and the resource when the audit row cannot be written', () => {
    const id = addResource()
    const added = addResourceFile(id, { ...file, file: upload(author.id).id }, author)
    if (!added.ok) throw new Error(added.error)
    failAudit()
    expect(() => removeResourceFile(id, added.value.id, author)).toThrow('simulated')
    expect(() => deleteResource(getResource(id)!, author)).toThrow('simulated')
    expect(getResource(id)!.files).toHaveLength(1)
  })
})
