// Adoption (issue 15, §8): the final version published to the library with its Word and Akoma Ntoso files, linked
// back to the draft; once only; and a failure leaves neither rows nor bytes behind.
import fs from 'node:fs'
import { desc, eq, sql } from 'drizzle-orm'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  auditEvent,
  draftVersion,
  resource,
  resourceFile,
  resourceParliament,
  resourcePillar,
  resourceTheme,
} from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { uploadPath } from '~/utils/file-store.server'
import { aknFileName, exportAkomaNtoso } from './akn-export.server'
import { adoptDraft, adoptionNote, aknMediaType, docxMediaType } from './adoption.server'
import { docxFileName, exportDocx } from './docx-export.server'
import { getDraft, moveDraftStage } from './draft.server'
import { addDraft, addPeople, counts, forceStage } from './drafts.test-helpers'
import { findDraftOfResource, listDraftSummaries } from './links.server'
import { addProvision, saveProvisionText } from './provision.server'
import { getVersion, listVersions, saveVersion } from './version.server'

let people: ReturnType<typeof addPeople>
beforeAll(() => {
  people = addPeople()
})

const db = () => getDb()
const rowCount = (table: typeof resource | typeof resourceFile) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n
const blobsOnDisk = () => {
  const root = uploadPath('0'.repeat(64)).split('/').slice(0, -2).join('/')
  if (!fs.existsSync(root)) return 0
  return fs
    .readdirSync(root)
    .filter((d) => /^[a-f0-9]{2}$/.test(d))
    .reduce((n, d) => n + fs.readdirSync(`${root}/${d}`).length, 0)
}
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!)

/** A draft in revision with two articles in Arabic and English. */
function draftInRevision(overrides: Record<string, unknown> = {}) {
  const d = addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id],
    visibility: 'public',
    ...overrides,
  })
  for (const [ar, en] of [
    ['يجرّم هذا القانون تمويل الإرهاب.', 'This law criminalises the financing of terrorism.'],
    ['تُنشأ وحدة للتحريات المالية.', 'A financial intelligence unit is established.'],
  ]) {
    const p = addProvision(
      d,
      { kind: 'article', texts: { ar: { heading: '', body: ar }, en: { heading: '', body: en } } },
      people.editor,
    )
    if (!p.ok) throw new Error(p.error)
  }
  return forceStage(d.id, 'revision', new Date('2026-01-01T00:00:00Z'))
}

describe('adoptDraft', () => {
  it('publishes the final version with both languages, its topics, its three files, linked back', async () => {
    const d = draftInRevision()
    expect(saveVersion(d, { note: 'Before the workshop' }, people.editor).ok).toBe(true)
    // The working text then differs from version 1: the adoption saves version 2, noted "adopted".
    const p = addProvision(
      d,
      {
        kind: 'article',
        texts: { ar: { heading: '', body: 'يسري من تاريخ نشره.' }, en: { heading: '', body: 'In force.' } },
      },
      people.editor,
    )
    expect(p.ok).toBe(true)
    const before = counts()

    const adopted = await adoptDraft(d, people.coordinator)
    expect(adopted).toMatchObject({ ok: true, value: { version: 2, versionSaved: true } })
    if (!adopted.ok) return
    const after = getDraft(d.id)!
    expect(after.stage).toBe('adopted')
    expect(after.resourceId).toBe(adopted.value.resourceId)
    expect(listVersions(d.id).map((v) => [v.number, v.note])).toEqual([
      [2, adoptionNote],
      [1, 'Before the workshop'],
    ])

    const r = db().select().from(resource).where(eq(resource.id, adopted.value.resourceId)).get()!
    expect(r).toMatchObject({
      type: 'model_law',
      state: 'published',
      visibility: 'public',
      titleEn: d.titleEn,
      titleAr: d.titleAr,
      summaryEn: d.summaryEn,
      summaryAr: d.summaryAr,
      authorId: people.coordinator.id,
    })
    expect(r.publishedAt).not.toBeNull()
    const id = r.id
    const where = <T extends { resourceId: unknown }>(t: T) =>
      eq((t as unknown as typeof resourcePillar).resourceId, id)
    expect(
      db()
        .select()
        .from(resourcePillar)
        .where(where(resourcePillar))
        .all()
        .map((x) => x.pillar),
    ).toEqual([2])
    expect(
      db()
        .select()
        .from(resourceTheme)
        .where(where(resourceTheme))
        .all()
        .map((x) => x.theme),
    ).toEqual(['terrorism_financing'])
    expect(
      db()
        .select()
        .from(resourceParliament)
        .where(where(resourceParliament))
        .all()
        .map((x) => x.parliamentId),
    ).toEqual([people.jordan])

    // Three files, in order: Word, then Akoma Ntoso in the original language (Arabic) and in English; their bytes
    // are the exports of version 2.
    const files = db()
      .select()
      .from(resourceFile)
      .where(eq(resourceFile.resourceId, id))
      .orderBy(resourceFile.position)
      .all()
    const v2 = getVersion(d.id, 2)!.snapshot
    expect(files.map((f) => [f.mediaType, f.language, f.originalName])).toEqual([
      [docxMediaType, null, docxFileName(v2)],
      [aknMediaType, 'ar', aknFileName(v2, 'ar')],
      [aknMediaType, 'en', aknFileName(v2, 'en')],
    ])
    const bytes = files.map((f) => fs.readFileSync(uploadPath(f.sha256)))
    files.forEach((f, i) => expect(bytes[i]!.length).toBe(f.size))
    const workDate = d.createdAt.toISOString().slice(0, 10)
    expect(bytes[1]!.toString('utf8')).toBe(exportAkomaNtoso(v2, 'ar', { workDate }))
    expect(bytes[2]!.toString('utf8')).toBe(exportAkomaNtoso(v2, 'en', { workDate }))
    // Word files carry the time they were made (docProps/core.xml); the document itself is the same.
    expect(documentXml(bytes[0]!)).toBe(documentXml(await exportDocx(v2)))
    expect(documentXml(bytes[0]!)).toContain('يسري من تاريخ نشره.')
    // The Akoma Ntoso files' words are searchable.
    expect(files[1]!.extractedText).toContain('تُنشأ وحدة للتحريات المالية.')

    // Linked back: the resource's page finds its draft (for whoever may see the draft).
    expect(findDraftOfResource(id, null)).toMatchObject({ id: d.id, stage: 'adopted' })
    expect(listDraftSummaries([d.id], null)).toHaveLength(1)

    // One version, one resource (created and published), three files, one stage move: each audited.
    const delta = counts()
    expect(delta.version - before.version).toBe(1)
    const audits = db().select().from(auditEvent).orderBy(desc(auditEvent.id)).limit(4).all()
    expect(audits.map((a) => a.action).sort()).toEqual(
      ['draft.stage', 'draft.version', 'resource.created', 'resource.publish'].sort(),
    )
    expect(JSON.parse(audits.find((a) => a.action === 'draft.stage')!.details!)).toMatchObject({
      from: 'revision',
      to: 'adopted',
      resourceId: id,
      version: 2,
    })
  })

  it('publishes the last version as it is when the working text has not changed since (no new version)', async () => {
    const d = draftInRevision({ kind: 'model_policy', visibility: 'members' })
    expect(saveVersion(d, { note: 'Final reading' }, people.editor).ok).toBe(true)
    const adopted = await adoptDraft(d, people.coordinator)
    expect(adopted).toMatchObject({ ok: true, value: { version: 1, versionSaved: false } })
    if (!adopted.ok) return
    expect(listVersions(d.id)).toHaveLength(1)
    const r = db().select().from(resource).where(eq(resource.id, adopted.value.resourceId)).get()!
    // A model policy has no type of its own in the library: the closest, a policy brief; members only, as the draft.
    expect(r).toMatchObject({ type: 'policy_brief', visibility: 'members', state: 'published' })
    // A members-only draft is not linked for a visitor.
    expect(findDraftOfResource(r.id, null)).toBeNull()
    expect(findDraftOfResource(r.id, { id: people.otherMember.id, role: 'member' })).toMatchObject({ id: d.id })
  })

  it('cannot adopt twice, nor in another stage, nor without its publication', async () => {
    const d = draftInRevision()
    const first = await adoptDraft(d, people.coordinator)
    expect(first.ok).toBe(true)
    const resources = rowCount(resource)
    const files = rowCount(resourceFile)
    const blobs = blobsOnDisk()
    // `d` still says "revision" (a second page open); and the draft read afresh says "adopted".
    expect(await adoptDraft(d, people.coordinator)).toEqual({ ok: false, error: 'stageMoveNotAllowed' })
    expect(await adoptDraft(getDraft(d.id)!, people.coordinator)).toEqual({ ok: false, error: 'stageMoveNotAllowed' })
    const inConsultation = forceStage(draftInRevision().id, 'consultation', new Date('2026-01-01T00:00:00Z'))
    expect(await adoptDraft(inConsultation, people.coordinator)).toEqual({ ok: false, error: 'stageMoveNotAllowed' })
    expect([rowCount(resource), rowCount(resourceFile), blobsOnDisk()]).toEqual([resources, files, blobs])
    // The plain stage move does not adopt (it would leave the draft without its resource).
    const other = draftInRevision()
    expect(moveDraftStage(other, { to: 'adopted' }, people.coordinator)).toEqual({
      ok: false,
      error: 'stageMoveNotAllowed',
    })
    expect(getDraft(other.id)!.stage).toBe('revision')
  })

  it('two adoptions at once: one wins, the other writes nothing and leaves no file behind', async () => {
    const d = draftInRevision()
    const resources = rowCount(resource)
    const blobs = blobsOnDisk()
    const results = await Promise.all([adoptDraft(d, people.coordinator), adoptDraft(d, people.otherCoordinator)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'stageMoveNotAllowed' }])
    expect(rowCount(resource)).toBe(resources + 1)
    // Three files of the winner (Akoma Ntoso files are the same bytes for both; the losing Word file is gone).
    expect(blobsOnDisk()).toBe(blobs + 3)
    expect(db().select().from(draftVersion).where(eq(draftVersion.draftId, d.id)).all()).toHaveLength(1)
  })

  it('refuses, writing nothing, when the text changed while the files were being made', async () => {
    const d = draftInRevision()
    const p = addProvision(d, { kind: 'article', texts: { en: { heading: '', body: 'Late words.' } } }, people.editor)
    if (!p.ok) throw new Error(p.error)
    const blobs = blobsOnDisk()
    const adopting = adoptDraft(d, people.coordinator)
    // Made while the Word file is being written (adoptDraft awaits it before its transaction).
    const saved = saveProvisionText(
      d,
      p.value.id,
      { baseRevision: 1, texts: { en: { heading: '', body: 'Later words.' } } },
      people.editor,
    )
    expect(saved.ok).toBe(true)
    const before = { ...counts(), resources: rowCount(resource) }
    expect(await adopting).toEqual({ ok: false, error: 'staleRevision' })
    expect(getDraft(d.id)!.stage).toBe('revision')
    expect({ ...counts(), resources: rowCount(resource) }).toEqual(before)
    expect(blobsOnDisk()).toBe(blobs)
  })

  it('a failure while publishing rolls back the version, the resource and the stage, and removes the files', async () => {
    const d = draftInRevision()
    const before = { ...counts(), resources: rowCount(resource), files: rowCount(resourceFile), blobs: blobsOnDisk() }
    const client = db().$client
    client.exec(
      `CREATE TEMP TRIGGER adoption_fails BEFORE INSERT ON resource_file WHEN NEW.position = 2
       BEGIN SELECT RAISE(ABORT, 'disk gone'); END`,
    )
    try {
      await expect(adoptDraft(d, people.coordinator)).rejects.toThrow('disk gone')
    } finally {
      client.exec('DROP TRIGGER adoption_fails')
    }
    expect(getDraft(d.id)).toMatchObject({ stage: 'revision', resourceId: null })
    const after = counts()
    expect([after.version, after.audit, after.mail]).toEqual([before.version, before.audit, before.mail])
    expect([rowCount(resource), rowCount(resourceFile), blobsOnDisk()]).toEqual([
      before.resources,
      before.files,
      before.blobs,
    ])
    // And it can be adopted afterwards.
    expect((await adoptDraft(d, people.coordinator)).ok).toBe(true)
  })
})
