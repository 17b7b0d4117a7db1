// The import page's two steps as the feature does them: a preview that keeps the file, a commit that imports
// exactly those bytes with its audit row, and the refusals as values.
import { describe, expect, it } from 'vitest'
import { auditEvent, member } from '#db/schema/index'
import { addActor, auditOf, rowCount } from '../audit.test-helpers'
import { addParliament, sample } from './import.test-helpers'
import { commitPopoloUpload, previewPopoloUpload, readPendingImport } from './upload.server'

const bytesOf = (doc: unknown) => Buffer.from(JSON.stringify(doc))

describe('previewing and committing an upload', () => {
  it('previews without writing, then commits the previewed bytes with an audit row, once', () => {
    const p = addParliament('House of Uploads')
    const actor = addActor()
    const members = rowCount(member)
    const preview = previewPopoloUpload(bytesOf(sample('up')), { parliamentId: p.id })
    if (!preview.ok) throw new Error(preview.error)
    expect(preview.value.summary.persons).toMatchObject({ new: 3, rejected: [{ id: 'up-p-layla-rahman' }] })
    expect(preview.value.summary).not.toHaveProperty('writes')
    expect(readPendingImport(preview.value.hash)).not.toBeNull()
    expect(rowCount(member)).toBe(members)

    const done = commitPopoloUpload(preview.value.hash, { parliamentId: p.id }, { id: actor })
    if (!done.ok) throw new Error(done.error)
    expect(done.value.written).toBe(true)
    expect(done.value.summary.persons.new).toBe(3)
    expect(done.value.summary).not.toHaveProperty('parliamentId')
    expect(rowCount(member)).toBe(members + 3)
    expect(auditOf('parliament', p.id)).toMatchObject([
      { actorId: actor, action: 'popolo.imported', details: { source: 'upload', parliamentCreated: false } },
    ])
    // The waiting file is gone: committing again is an expired preview, and writes nothing.
    expect(readPendingImport(preview.value.hash)).toBeNull()
    expect(commitPopoloUpload(preview.value.hash, { parliamentId: p.id }, { id: actor })).toEqual({
      ok: false,
      error: 'expired',
    })
    expect(rowCount(member)).toBe(members + 3)
  })

  it('refuses a broken file or an unknown hash as values, writing nothing', () => {
    const [members, audits] = [rowCount(member), rowCount(auditEvent)]
    const broken = previewPopoloUpload(Buffer.from('{"persons": ['), {})
    expect(broken).toMatchObject({ ok: false, error: 'refused' })
    expect(broken.ok === false && broken.error === 'refused' && broken.detail).toMatch(/not valid JSON/)
    expect(previewPopoloUpload(bytesOf({ persons: 'nope' }), {})).toMatchObject({ ok: false, error: 'refused' })
    expect(commitPopoloUpload('../../etc/passwd', {}, null)).toEqual({ ok: false, error: 'expired' })
    expect(commitPopoloUpload('0'.repeat(64), {}, null)).toEqual({ ok: false, error: 'expired' })
    expect([rowCount(member), rowCount(auditEvent)]).toEqual([members, audits])
  })
})
