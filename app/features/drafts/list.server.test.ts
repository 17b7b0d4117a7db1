// The list of drafts (issue 15): what each viewer sees (the same rule as canViewDraft), its filters, its counts,
// in one query; and a draft started from an Akoma Ntoso file, all of it or nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { countQueries } from '~/utils/db.server'
import { canViewDraft } from './access.server'
import { exportAkomaNtoso } from './akn-export.server'
import { AKN_MAX_BYTES, readAknForm, startDraftFromAkn } from './akn-start.server'
import { getDraft } from './draft.server'
import { addDraft, addPeople, counts, forceStage } from './drafts.test-helpers'
import { DRAFTS_PAGE_SIZE, listDraftPeople, listDrafts, readDraftListFilter } from './list.server'
import { sampleSnapshot } from './fixtures/snapshots'
import { addProvision, addProvisionTree } from './provision.server'
import { countToTranslate } from './tree.server'

let people: ReturnType<typeof addPeople>
const LATER = new Date('2099-06-30T12:00:00Z')
const ids: Record<string, number> = {}

beforeAll(() => {
  people = addPeople()
  const make = (name: string, overrides: Record<string, unknown> = {}) => {
    const d = addDraft(people.coordinator, {
      coordinatorId: people.coordinator.id,
      leadParliamentIds: [people.jordan, people.iraq],
      titleEn: `List ${name}`,
      titleAr: '',
      ...overrides,
    })
    ids[name] = d.id
    return d
  }
  make('preparation', { editorIds: [people.editor.id] })
  forceStage(make('publicConsultation', { visibility: 'public', kind: 'model_policy' }).id, 'consultation', LATER)
  forceStage(make('membersConsultation').id, 'consultation', LATER)
  forceStage(make('publicAdopted', { visibility: 'public' }).id, 'adopted', LATER)
  forceStage(make('publicRevision', { visibility: 'public' }).id, 'revision', LATER)
  forceStage(make('withdrawnEarly').id, 'withdrawn', null)
})

const listed = (viewer: Parameters<typeof listDrafts>[0], filter = {}) =>
  listDrafts(viewer, filter)
    .rows.map((r) => r.id)
    .filter((id) => Object.values(ids).includes(id))
const named = (...names: string[]) => names.map((n) => ids[n]!).sort((a, b) => a - b)
const sorted = (list: number[]) => [...list].sort((a, b) => a - b)

describe('listDrafts', () => {
  it('lists for each viewer exactly the drafts canViewDraft lets them see', () => {
    expect(sorted(listed(null))).toEqual(named('publicConsultation', 'publicAdopted'))
    expect(sorted(listed(people.otherMember))).toEqual(
      named('publicConsultation', 'membersConsultation', 'publicAdopted', 'publicRevision'),
    )
    expect(sorted(listed(people.editor))).toEqual(
      named('preparation', 'publicConsultation', 'membersConsultation', 'publicAdopted', 'publicRevision'),
    )
    expect(sorted(listed(people.coordinator))).toEqual(named(...Object.keys(ids)))
    for (const viewer of [null, people.otherMember, people.editor, people.coordinator]) {
      for (const id of Object.values(ids)) {
        expect(listed(viewer).includes(id), `${viewer?.id ?? 'visitor'} / ${id}`).toBe(
          canViewDraft(getDraft(id)!, viewer),
        )
      }
    }
  })

  it('filters by stage and kind, and ignores values that are not in the lists', () => {
    expect(listed(people.coordinator, { stage: 'consultation' }).sort()).toEqual(
      named('publicConsultation', 'membersConsultation'),
    )
    expect(listed(people.coordinator, { stage: 'consultation', kind: 'model_policy' })).toEqual(
      named('publicConsultation'),
    )
    expect(readDraftListFilter(new URLSearchParams('stage=nope&kind=model_law&page=-3'))).toEqual({
      stage: undefined,
      kind: 'model_law',
      page: undefined,
    })
    expect(readDraftListFilter(new URLSearchParams('stage=adopted&kind=%27%20OR%201&page=2'))).toEqual({
      stage: 'adopted',
      kind: undefined,
      page: 2,
    })
  })

  it('gives each draft its leads, provision count and "to translate" count, in one query', () => {
    const d = getDraft(ids.preparation!)!
    const chapter = addProvision(d, { kind: 'chapter', texts: { en: { heading: 'One', body: '' } } }, people.editor)
    if (!chapter.ok) throw new Error(chapter.error)
    const both = { en: { heading: 'Scope', body: 'This law applies.' }, ar: { heading: 'النطاق', body: 'يسري.' } }
    expect(
      addProvisionTree(
        d,
        [
          { kind: 'article', texts: both, children: [] },
          { kind: 'article', texts: { ar: { heading: '', body: 'نص بالعربية فقط.' } }, children: [] },
        ],
        people.editor,
      ).ok,
    ).toBe(true)
    const { result, queries } = countQueries(() => listDrafts(people.coordinator))
    expect(queries).toBe(1)
    const row = result.rows.find((r) => r.id === d.id)!
    expect(row).toMatchObject({ provisions: 3, toTranslate: 2, stage: 'preparation', titleEn: 'List preparation' })
    expect(row.leads.map((l) => l.id).sort()).toEqual([people.jordan, people.iraq].sort())
    expect(result.rows.find((r) => r.id === ids.publicAdopted)).toMatchObject({ provisions: 0, toTranslate: 0 })
    expect(result.total).toBeGreaterThanOrEqual(Object.keys(ids).length)
  })

  it('pages through the drafts, the total the same on every page', () => {
    const first = listDrafts(people.coordinator, { page: 1 })
    expect(first.rows.length).toBeLessThanOrEqual(DRAFTS_PAGE_SIZE)
    const far = listDrafts(people.coordinator, { page: 999 })
    expect(far.rows).toEqual([])
    expect(far.total).toBe(first.total)
  })
})

describe('listDraftPeople', () => {
  it('offers coordinators (and admins) to be in charge, members and coordinators to edit', () => {
    const { coordinators, editors } = listDraftPeople()
    const coordinatorIds = coordinators.map((p) => p.id)
    expect(coordinatorIds).toEqual(expect.arrayContaining([people.coordinator.id, people.admin.id]))
    expect(coordinatorIds).not.toContain(people.editor.id)
    const editorIds = editors.map((p) => p.id)
    expect(editorIds).toEqual(expect.arrayContaining([people.editor.id, people.coordinator.id]))
    expect(editorIds).not.toContain(people.admin.id)
    expect(editors.find((p) => p.id === people.editor.id)?.parliamentNameAr).toBe('مجلس النواب الأردني')
  })
})

describe('startDraftFromAkn', () => {
  const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'commonwealth-act.xml'))
  const form = () => ({
    kind: undefined,
    coordinatorId: people.coordinator.id,
    leadParliamentIds: [people.jordan],
    visibility: 'members' as const,
    consultationScope: 'members' as const,
  })

  it('creates the draft and its provisions from the file', () => {
    const started = startDraftFromAkn(new Uint8Array(fixture), form(), people.coordinator)
    if (!started.ok) throw new Error(started.error)
    const d = getDraft(started.value.id)!
    expect(d).toMatchObject({ kind: 'model_law', titleEn: 'Sample Act', stage: 'preparation' })
    expect(d.leadParliamentIds).toEqual([people.jordan])
    expect(started.value.added).toBeGreaterThan(0)
    expect(listDrafts(people.coordinator).rows.find((r) => r.id === d.id)?.provisions).toBe(started.value.added)
  })

  it('takes the English and the Arabic expression of one work together', () => {
    const sample = sampleSnapshot()
    const files = sample.languages.map((l) => new TextEncoder().encode(exportAkomaNtoso(sample, l)))
    const started = startDraftFromAkn(files, form(), people.coordinator)
    if (!started.ok) throw new Error(started.error)
    const d = getDraft(started.value.id)!
    expect(d.titleEn).toBe(sample.titles.en)
    expect(d.titleAr).toBe(sample.titles.ar)
    expect(d.originalLanguage).toBe(sample.languages[0])
    const row = listDrafts(people.coordinator).rows.find((r) => r.id === d.id)!
    expect(row.provisions).toBe(started.value.added)
    expect(row.toTranslate).toBe(countToTranslate(sample))
  })

  it('refuses a file that is not XML, or not Akoma Ntoso, writing nothing', () => {
    const before = counts()
    expect(startDraftFromAkn(new TextEncoder().encode('%PDF-1.4 not xml'), form(), people.coordinator)).toEqual({
      ok: false,
      field: 'file',
      error: 'aknNotXml',
    })
    expect(
      startDraftFromAkn(new TextEncoder().encode('<html><body>hi</body></html>'), form(), people.coordinator),
    ).toMatchObject({ ok: false, field: 'file', error: 'aknNotAkomaNtoso' })
    expect(counts()).toEqual(before)
  })

  it('writes nothing when the draft is refused after the file was read', () => {
    const before = counts()
    expect(
      startDraftFromAkn(new Uint8Array(fixture), { ...form(), coordinatorId: people.editor.id }, people.coordinator),
    ).toEqual({ ok: false, field: 'coordinatorId', error: 'coordinatorUnknown' })
    // A provision the tree refuses comes after the draft is written: that draft is rolled back too.
    const bad = fixture.toString('utf8').replace('<akn:heading>Definitions</akn:heading>', '')
    const tooDeep = bad.replace(/<akn:content>[\s\S]*?<\/akn:content>/, '<akn:content><akn:p></akn:p></akn:content>')
    const refused = startDraftFromAkn(new TextEncoder().encode(tooDeep), form(), people.coordinator)
    if (!refused.ok) expect(refused.field).toBe('file')
    else throw new Error('an empty provision was imported')
    expect(counts()).toEqual(before)
  })
})

describe('readAknForm', () => {
  const post = (body: FormData) => new Request('http://localhost/en/drafts/new', { method: 'POST', body })

  it('reads the fields and the file of the import form', async () => {
    const body = new FormData()
    body.set('intent', 'import')
    body.append('leadParliamentIds', '3')
    body.set('file', new File(['<akomaNtoso/>'], 'act.xml', { type: 'text/xml' }))
    const read = await readAknForm(post(body))
    expect(read.fileError).toBeNull()
    expect(read.formData.get('intent')).toBe('import')
    expect(read.files.map((f) => new TextDecoder().decode(f))).toEqual(['<akomaNtoso/>'])
  })

  it('stops reading a file larger than 5 MB and says so', async () => {
    const body = new FormData()
    body.set('intent', 'import')
    body.set('file', new File([new Uint8Array(AKN_MAX_BYTES + 1).fill(60)], 'big.xml', { type: 'text/xml' }))
    const read = await readAknForm(post(body))
    expect(read).toMatchObject({ files: [], fileError: 'aknTooLarge' })
  })

  it('reads a form that is not multipart (the fields form) as it is', async () => {
    const request = new Request('http://localhost/en/drafts/new', {
      method: 'POST',
      body: new URLSearchParams({ intent: 'create', titleEn: 'x' }),
    })
    const read = await readAknForm(request)
    expect(read).toMatchObject({ files: [], fileError: null })
    expect(read.formData.get('titleEn')).toBe('x')
  })
})
