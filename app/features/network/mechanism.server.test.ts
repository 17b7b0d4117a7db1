import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, mechanism, mechanismPillar, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { MechanismQuerySchema, type MechanismInput } from './mechanism-schemas'
import { canEditMechanism } from './access.server'
import { addActor, auditOf, rowCount } from './audit.test-helpers'
import {
  createMechanism,
  getMechanism,
  listMechanismCountries,
  listParliamentMechanisms,
  MECHANISM_PAGE_SIZE,
  searchMechanisms,
  updateMechanism,
} from './mechanism.server'
import { parliamentSearchText } from './parliament.server'

function addParliament(p: {
  nameEn: string
  nameAr: string
  kind?: 'national' | 'assembly'
  countryCode?: string | null
  region: 'middle_east_north_africa' | 'europe' | 'africa'
}) {
  const row = {
    kind: p.kind ?? 'national',
    countryCode: p.countryCode ?? null,
    nameEn: p.nameEn,
    nameAr: p.nameAr,
    region: p.region,
  }
  return getDb()
    .insert(parliament)
    .values({ ...row, searchText: parliamentSearchText(row) })
    .returning()
    .get()
}

function input(overrides: Partial<MechanismInput> = {}): MechanismInput {
  return {
    kind: 'committee',
    nameEn: '',
    nameAr: '',
    descriptionEn: '',
    descriptionAr: '',
    year: null,
    url: null,
    pillars: [2],
    ...overrides,
  }
}

/** A mechanism that must be added (the parliament exists): its id. */
function added(...args: Parameters<typeof createMechanism>) {
  const result = createMechanism(...args)
  if (!result.ok) throw new Error(result.error)
  return result.value.id
}

const search = (q: Record<string, string>, lang: 'en' | 'ar' = 'en') =>
  searchMechanisms(MechanismQuerySchema.parse(q), lang)
const names = (q: Record<string, string>, lang: 'en' | 'ar' = 'en') =>
  search(q, lang).rows.map((r) => r.nameEn || r.nameAr)

let qatar: typeof parliament.$inferSelect
let egypt: typeof parliament.$inferSelect
let pace: typeof parliament.$inferSelect
let committeeId: number

beforeAll(() => {
  qatar = addParliament({
    nameEn: 'Shura Council of Qatar',
    nameAr: 'مجلس الشورى القطري',
    countryCode: 'QA',
    region: 'middle_east_north_africa',
  })
  egypt = addParliament({
    nameEn: 'House of Representatives of Egypt',
    nameAr: 'مجلس النواب المصري',
    countryCode: 'EG',
    region: 'middle_east_north_africa',
  })
  pace = addParliament({
    nameEn: 'Parliamentary Assembly of the Council of Europe',
    nameAr: 'الجمعية البرلمانية لمجلس أوروبا',
    kind: 'assembly',
    region: 'europe',
  })
  committeeId = added(
    input({
      nameEn: 'Committee on National Security',
      nameAr: 'لجنةُ الأمنِ الوطنيّ',
      year: 2019,
      pillars: [4, 2],
      url: 'https://www.shura.qa',
    }),
    { parliamentId: qatar.id, createdById: null },
  )
  createMechanism(input({ kind: 'law', nameAr: 'قانون مكافحة الإرهاب', year: 2015, pillars: [2] }), {
    parliamentId: egypt.id,
    createdById: null,
  })
  createMechanism(input({ kind: 'caucus', nameEn: 'Group on Human Rights', year: 2010, pillars: [4] }), {
    parliamentId: pace.id,
    createdById: null,
  })
  createMechanism(input({ kind: 'national_strategy', nameEn: 'Strategy 100% prevention', pillars: [1, 3] }), {
    parliamentId: qatar.id,
    createdById: null,
  })
})

describe('createMechanism and getMechanism', () => {
  it('stores the fields and the pillars, sorted, without duplicates', () => {
    const m = getMechanism(committeeId)!
    expect(m).toMatchObject({
      parliamentId: qatar.id,
      kind: 'committee',
      nameEn: 'Committee on National Security',
      year: 2019,
      url: 'https://www.shura.qa',
      pillars: [2, 4],
    })
    expect(getMechanism(987654)).toBeUndefined()
  })

  it('refuses a mechanism without a pillar, and stores nothing', () => {
    const before = getDb().select({ n: count() }).from(mechanism).get()!.n
    expect(() =>
      createMechanism(input({ nameEn: 'No pillar', pillars: [] }), { parliamentId: qatar.id, createdById: null }),
    ).toThrow()
    expect(getDb().select({ n: count() }).from(mechanism).get()!.n).toBe(before)
  })

  it('is listed on its parliament, newest first', () => {
    expect(listParliamentMechanisms(qatar.id).map((m) => m.nameEn)).toEqual([
      'Committee on National Security',
      'Strategy 100% prevention',
    ])
  })
})

describe('searchMechanisms', () => {
  it('lists every mechanism with its parliament and all its pillars, by parliament name in the language', () => {
    const { rows, total } = search({})
    expect(total).toBe(4)
    expect(rows.map((r) => r.parliamentNameEn)).toEqual([
      'House of Representatives of Egypt',
      'Parliamentary Assembly of the Council of Europe',
      'Shura Council of Qatar',
      'Shura Council of Qatar',
    ])
    // Within a parliament: newest year first, undated last.
    expect(rows.slice(2).map((r) => r.nameEn)).toEqual(['Committee on National Security', 'Strategy 100% prevention'])
    expect(rows[2]).toMatchObject({ countryCode: 'QA', region: 'middle_east_north_africa', pillars: [2, 4] })
    // Arabic order: الجمعية… < مجلس الشورى… < مجلس النواب…
    expect(search({}, 'ar').rows.map((r) => r.parliamentId)).toEqual([pace.id, qatar.id, qatar.id, egypt.id])
  })

  it('finds names however they are spelled: diacritics, hamza and taa marbuta folded, in either language', () => {
    expect(names({ q: 'لجنة الامن' })).toEqual(['Committee on National Security'])
    expect(names({ q: 'الأَمْن' })).toEqual(['Committee on National Security'])
    expect(names({ q: 'قانون مكافحه' })).toEqual(['قانون مكافحة الإرهاب'])
    expect(names({ q: 'SECURITY committee' })).toEqual(['Committee on National Security'])
    // The parliament's names count too.
    expect(names({ q: 'shura security' })).toEqual(['Committee on National Security'])
    expect(names({ q: 'الشوري' })).toHaveLength(2)
    expect(names({ q: 'nothing like this' })).toEqual([])
  })

  it('ignores punctuation, LIKE wildcards included, without failing', () => {
    expect(names({ q: '100%' })).toEqual(['Strategy 100% prevention'])
    for (const q of ['%', '_', '"', "'", '\\', '(*)']) expect(search({ q }).total, q).toBe(search({}).total)
  })

  it('filters by kind, pillar, region, country and parliament', () => {
    expect(names({ kind: 'law' })).toEqual(['قانون مكافحة الإرهاب'])
    // A pillar filter keeps every pillar of what it finds.
    const byPillar = search({ pillar: '4' }).rows
    expect(byPillar.map((r) => r.nameEn)).toEqual(['Group on Human Rights', 'Committee on National Security'])
    expect(byPillar[1]!.pillars).toEqual([2, 4])
    expect(names({ pillar: '3' })).toEqual(['Strategy 100% prevention'])
    expect(names({ region: 'europe' })).toEqual(['Group on Human Rights'])
    expect(names({ country: 'EG' })).toEqual(['قانون مكافحة الإرهاب'])
    expect(names({ parliament: String(qatar.id), pillar: '2' })).toEqual(['Committee on National Security'])
    expect(names({ kind: 'law', country: 'QA' })).toEqual([])
  })

  it('pages the results and counts them all', () => {
    const many = addParliament({
      nameEn: 'Zz Many Mechanisms',
      nameAr: 'ي برلمان',
      countryCode: 'KE',
      region: 'africa',
    })
    for (let i = 0; i < MECHANISM_PAGE_SIZE + 3; i++) {
      added(input({ nameEn: `Paged ${i}`, year: 2000 + i }), { parliamentId: many.id, createdById: null })
    }
    const first = search({ parliament: String(many.id) })
    const second = search({ parliament: String(many.id), page: '2' })
    expect(first.total).toBe(MECHANISM_PAGE_SIZE + 3)
    expect(first.rows).toHaveLength(MECHANISM_PAGE_SIZE)
    expect(second.rows.map((r) => r.nameEn)).toEqual(['Paged 2', 'Paged 1', 'Paged 0'])
    expect(listMechanismCountries().sort()).toEqual(['EG', 'KE', 'QA'])
  })
})

describe('updateMechanism', () => {
  it('saves the fields and replaces the pillars', () => {
    const id = added(input({ nameEn: 'To edit', pillars: [1, 2] }), {
      parliamentId: egypt.id,
      createdById: null,
    })
    updateMechanism(
      id,
      input({ kind: 'oversight_body', nameEn: 'Edited', nameAr: 'معدّل', year: 2001, pillars: [3] }),
      {},
      null,
    )
    expect(getMechanism(id)).toMatchObject({
      kind: 'oversight_body',
      nameEn: 'Edited',
      nameAr: 'معدّل',
      year: 2001,
      pillars: [3],
      parliamentId: egypt.id,
    })
    updateMechanism(id, input({ nameEn: 'Moved', pillars: [1, 4] }), { parliamentId: pace.id }, null)
    expect(getMechanism(id)).toMatchObject({ nameEn: 'Moved', pillars: [1, 4], parliamentId: pace.id })
  })

  it('changes nothing when part of the update fails (one transaction)', () => {
    const id = added(input({ nameEn: 'Atomic', pillars: [1, 2] }), {
      parliamentId: egypt.id,
      createdById: null,
    })
    // A repeated pillar breaks the primary key on the last statement, after the row and the old pillars changed.
    expect(() => updateMechanism(id, input({ nameEn: 'Half done', pillars: [4, 4] }), {}, null)).toThrow()
    expect(getMechanism(id)).toMatchObject({ nameEn: 'Atomic', pillars: [1, 2], parliamentId: egypt.id })
    expect(updateMechanism(id, input({ nameEn: 'Nowhere', pillars: [3] }), { parliamentId: 999999 }, null)).toEqual({
      ok: false,
      error: 'parliamentRequired',
    })
    expect(getMechanism(id)).toMatchObject({ nameEn: 'Atomic', pillars: [1, 2], parliamentId: egypt.id })
    expect(() => updateMechanism(id, input({ nameEn: 'No pillar', pillars: [] }), {}, null)).toThrow()
    const pillarRows = getDb().select().from(mechanismPillar).where(eq(mechanismPillar.mechanismId, id)).all()
    expect(pillarRows.map((r) => r.pillar).sort()).toEqual([1, 2])
  })
})

describe('the audit rows', () => {
  it('are written with the change: who added it and where, who moved it from where to where', () => {
    const editor = addActor()
    const id = added(input({ nameEn: 'Audited', pillars: [1] }), { parliamentId: egypt.id, createdById: editor })
    expect(getMechanism(id)?.createdById).toBe(editor)
    expect(updateMechanism(id, input({ nameEn: 'Audited again', pillars: [1] }), {}, { id: editor })).toEqual({
      ok: true,
    })
    updateMechanism(id, input({ nameEn: 'Audited', pillars: [2] }), { parliamentId: egypt.id }, { id: editor })
    updateMechanism(id, input({ nameEn: 'Audited', pillars: [2] }), { parliamentId: pace.id }, { id: editor })
    expect(auditOf('mechanism', id)).toEqual([
      { actorId: editor, action: 'mechanism.created', details: { parliamentId: egypt.id } },
      { actorId: editor, action: 'mechanism.updated', details: null },
      { actorId: editor, action: 'mechanism.updated', details: null },
      { actorId: editor, action: 'mechanism.updated', details: { from: egypt.id, to: pace.id } },
    ])
  })

  it('are not written when the change is refused or fails', () => {
    const [before, auditsBefore] = [rowCount(mechanism), rowCount(auditEvent)]
    expect(createMechanism(input({ nameEn: 'Homeless' }), { parliamentId: 999999, createdById: null })).toEqual({
      ok: false,
      error: 'parliamentRequired',
    })
    expect(() =>
      createMechanism(input({ nameEn: 'No pillar', pillars: [] }), { parliamentId: qatar.id, createdById: null }),
    ).toThrow()
    const id = added(input({ nameEn: 'Stays' }), { parliamentId: qatar.id, createdById: null })
    expect(updateMechanism(id, input({ nameEn: 'Moved nowhere' }), { parliamentId: 999999 }, null).ok).toBe(false)
    expect(() => updateMechanism(id, input({ nameEn: 'Twice', pillars: [4, 4] }), {}, null)).toThrow()
    expect(rowCount(mechanism)).toBe(before + 1)
    expect(rowCount(auditEvent)).toBe(auditsBefore + 1)
    expect(auditOf('mechanism', id).map((row) => row.action)).toEqual(['mechanism.created'])
    expect(getMechanism(id)).toMatchObject({ nameEn: 'Stays', parliamentId: qatar.id })
  })
})

describe('canEditMechanism', () => {
  const target = () => ({ parliamentId: qatar.id })
  it('lets coordinators and administrators edit any parliament', () => {
    expect(canEditMechanism({ role: 'coordinator', parliamentId: null }, target())).toBe(true)
    expect(canEditMechanism({ role: 'admin', parliamentId: egypt.id }, target())).toBe(true)
  })
  it("lets a member edit only their own parliament's", () => {
    expect(canEditMechanism({ role: 'member', parliamentId: qatar.id }, target())).toBe(true)
    expect(canEditMechanism({ role: 'member', parliamentId: egypt.id }, target())).toBe(false)
    expect(canEditMechanism({ role: 'member', parliamentId: null }, target())).toBe(false)
  })
  it('refuses visitors', () => {
    expect(canEditMechanism(null, target())).toBe(false)
    expect(canEditMechanism(undefined, target())).toBe(false)
  })
})
