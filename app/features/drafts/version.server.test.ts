// Versions: the working text frozen with a note, numbered 1, 2… within the draft, listed and loaded back whole
// (issue 15); and the structure and stage tables they rest on.
import { desc, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, draftVersion } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addDraft, addPeople, counts, forceStage } from './drafts.test-helpers'
import { addProvision, addProvisionTree, saveProvisionText } from './provision.server'
import type { ProvisionTreeNode } from './schemas'
import { provisionKinds } from './snapshot'
import { canMoveStage, isFinalStage, needsClosingDate, stageMoves } from './stages'
import { childKinds, mayContain } from './structure'
import { loadWorkingTree } from './tree.server'
import { getVersion, listVersions, packSnapshot, saveVersion } from './version.server'

let people: ReturnType<typeof addPeople>
beforeAll(() => {
  people = addPeople()
})
const newDraft = () =>
  addDraft(people.coordinator, {
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    editorIds: [people.editor.id],
  })
const T1 = new Date('2030-01-01T10:00:00Z')
const T2 = new Date('2030-01-02T10:00:00Z')

describe('saveVersion, listVersions, getVersion', () => {
  it('numbers versions 1, 2… per draft, freezes the text, lists newest first, loads one back', () => {
    const d = newDraft()
    const other = newDraft()
    const p = addProvision(
      d,
      { kind: 'article', texts: { en: { heading: 'Purpose', body: 'First words.' } } },
      people.editor,
    )
    if (!p.ok) throw new Error(p.error)
    expect(saveVersion(d, { note: 'First reading' }, people.editor, T1)).toMatchObject({
      ok: true,
      value: { number: 1 },
    })
    expect(saveVersion(other, {}, people.editor, T1)).toMatchObject({ ok: true, value: { number: 1 } })
    expect(lastAudit()).toMatchObject({ action: 'draft.version', targetId: String(other.id) })
    saveProvisionText(
      d,
      p.value.id,
      { baseRevision: 1, texts: { en: { heading: 'Purpose', body: 'Second words.' } } },
      people.editor,
    )
    expect(saveVersion(d, { note: '  After the workshop  ' }, people.editor, T2)).toMatchObject({
      ok: true,
      value: { number: 2 },
    })

    expect(listVersions(d.id)).toMatchObject([
      { number: 2, note: 'After the workshop', createdAt: T2, provisionCount: 1, createdBy: people.editor.name },
      { number: 1, note: 'First reading', createdAt: T1, provisionCount: 1 },
    ])
    const v1 = getVersion(d.id, 1)!
    expect(v1.snapshot).toMatchObject({ draftId: d.id, version: 1, takenAt: T1.toISOString() })
    expect(v1.snapshot.provisions[0]!.texts.en!.body).toBe('First words.')
    expect(getVersion(d.id, 2)!.snapshot.provisions[0]!.texts.en!.body).toBe('Second words.')
    expect(getVersion(d.id, 3)).toBeNull()
    expect(getVersion(other.id, 2)).toBeNull()
  })

  it('refuses a note too long and a final draft, writing nothing', () => {
    const d = newDraft()
    const before = counts()
    expect(saveVersion(d, { note: 'x'.repeat(1001) }, people.editor)).toEqual({ ok: false, error: 'tooLong' })
    expect(saveVersion(forceStage(d.id, 'adopted', new Date()), {}, people.editor)).toEqual({
      ok: false,
      error: 'draftClosed',
    })
    expect(counts()).toEqual(before)
  })

  it('keeps a 400-provision bilingual draft small: gzipped JSON (sizes in decision 025)', () => {
    const d = newDraft()
    const body = (c: number, a: number, lang: 'en' | 'ar') =>
      lang === 'en'
        ? `Each State Party shall adopt such legislative and other measures as may be necessary to establish as a criminal offence, under its domestic law, the provision or collection of funds (chapter ${c}, article ${a}).`
        : `تعتمد كل دولة طرف ما قد يلزم من تدابير تشريعية وغير تشريعية لتجريم توفير الأموال أو جمعها بموجب قانونها الداخلي (الفصل ${c}، المادة ${a}).`
    const chapters: ProvisionTreeNode[] = Array.from({ length: 20 }, (_, c) => ({
      kind: 'chapter',
      texts: { en: { heading: `Chapter ${c + 1}`, body: '' }, ar: { heading: `الفصل ${c + 1}`, body: '' } },
      children: Array.from({ length: 19 }, (_, a) => ({
        kind: 'article' as const,
        texts: {
          en: { heading: `Article ${a + 1}`, body: body(c, a, 'en') },
          ar: { heading: `المادة ${a + 1}`, body: body(c, a, 'ar') },
        },
        children: [],
      })),
    }))
    expect(addProvisionTree(d, chapters, people.editor)).toEqual({ ok: true, value: { added: 400 } })
    const saved = saveVersion(d, { note: 'Benchmark' }, people.editor)
    if (!saved.ok) throw new Error(saved.error)
    const row = getDb().select().from(draftVersion).where(eq(draftVersion.id, saved.value.id)).get()!
    const json = Buffer.byteLength(JSON.stringify(loadWorkingTree(d.id)!.snapshot))
    console.info(`400-provision snapshot: ${json} bytes of JSON, ${row.snapshot.length} bytes gzipped`)
    expect(row.provisionCount).toBe(400)
    expect(row.snapshot.length).toBeLessThan(json / 4)
    expect(packSnapshot(getVersion(d.id, 1)!.snapshot).length).toBeGreaterThan(0)
  })
})

const lastAudit = () => getDb().select().from(auditEvent).orderBy(desc(auditEvent.id)).get()!

describe('structure', () => {
  it('an outline from the top level down to points', () => {
    expect(childKinds(null)).toEqual(['preamble', 'definitions', 'part', 'chapter', 'section', 'article'])
    expect(mayContain('part', 'chapter')).toBe(true)
    expect(mayContain('chapter', 'article')).toBe(true)
    expect(mayContain('article', 'paragraph')).toBe(true)
    expect(mayContain('paragraph', 'point')).toBe(true)
    expect(mayContain('chapter', 'part')).toBe(false)
    expect(mayContain('article', 'article')).toBe(false)
    expect(mayContain(null, 'paragraph')).toBe(false)
    // The preamble and the definitions stand only at the top; a point holds nothing.
    for (const kind of provisionKinds) {
      expect(mayContain(kind, 'preamble')).toBe(false)
      expect(mayContain(kind, 'definitions')).toBe(false)
    }
    expect(childKinds('point')).toEqual([])
  })
})

describe('the table of stage moves', () => {
  it('is the one of the issue, with a closing date to open a consultation', () => {
    expect(stageMoves).toEqual({
      preparation: ['consultation', 'withdrawn'],
      consultation: ['revision', 'withdrawn'],
      revision: ['consultation', 'adopted', 'withdrawn'],
      adopted: [],
      withdrawn: [],
    })
    expect(canMoveStage('preparation', 'adopted')).toBe(false)
    expect(canMoveStage('adopted', 'withdrawn')).toBe(false)
    expect(needsClosingDate('consultation')).toBe(true)
    expect(needsClosingDate('revision')).toBe(false)
    expect(['adopted', 'withdrawn'].every((s) => isFinalStage(s as 'adopted'))).toBe(true)
    expect(isFinalStage('revision')).toBe(false)
  })
})
