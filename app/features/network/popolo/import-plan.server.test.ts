// Planning and matching: the preview, matching stored members by Popolo id and identifiers, the reasons a person
// is rejected, and finding the target parliament.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport, planPopoloImport } from './import.server'
import { addParliament, importSample, memberCount, membersOf, sample, snapshot, type Doc } from './import.test-helpers'

describe('the sample file', () => {
  it('previews a new parliament and its people without writing anything', () => {
    const before = snapshot()
    const plan = planPopoloImport(sample('preview'), { countryCode: 'XZ', region: 'europe' })
    expect(plan.parliament).toEqual({
      match: 'new',
      kind: 'national',
      nameEn: 'House of Examples',
      nameAr: 'مجلس الأمثلة',
      countryCode: 'XZ',
      region: 'europe',
    })
    expect(plan.persons).toMatchObject({ total: 4, new: 3, updated: 0, unchanged: 0 })
    expect(plan.writes.inserts.map((i) => i.popoloId)).toEqual([
      'preview-p-amina-haddad',
      'preview-p-khalid-al-hashimi',
      'preview-p-omar-farouk',
    ])
    expect(snapshot()).toEqual(before)
  })

  it('matches a member by identifier and records the Popolo id on it', () => {
    const p = addParliament('House of Examples E')
    const known = getDb()
      .insert(member)
      .values({ parliamentId: p.id, nameEn: 'Omar F.', searchText: 'omar f' })
      .returning()
      .get()
    getDb()
      .insert(memberIdentifier)
      .values({ memberId: known.id, scheme: 'example_registry', identifier: 'e-R-900', scopeParliamentId: p.id })
      .run()
    const doc = sample('e')
    doc.persons[3]!.identifiers = [{ scheme: 'example_registry', identifier: 'e-R-900' }]

    const result = commitPopoloImport(doc, { parliamentId: p.id })
    expect(result.persons).toMatchObject({ new: 2, updated: 1 })
    expect(membersOf(p.id)).toHaveLength(3)
    expect(getDb().select().from(member).where(eq(member.id, known.id)).get()).toMatchObject({
      popoloId: 'e-p-omar-farouk',
      nameEn: 'Omar Farouk',
      position: 'speaker',
    })
  })

  it('rejects a person whose identifier belongs to another member, and one who is a member elsewhere', () => {
    const p = addParliament('House of Examples F')
    const elsewhere = addParliament('Another House')
    importSample('f', { parliamentId: p.id })
    const other = getDb()
      .insert(member)
      .values({ parliamentId: elsewhere.id, nameEn: 'Someone Else', searchText: 'someone else' })
      .returning()
      .get()
    // A global scheme (Wikidata) matches across parliaments; a legislature's own scheme would not.
    getDb().insert(memberIdentifier).values({ memberId: other.id, scheme: 'wikidata', identifier: 'f-Q2000' }).run()
    const before = snapshot()

    const doc = sample('f')
    doc.persons[3]!.identifiers = [{ scheme: 'wikidata', identifier: 'f-Q2000' }]
    const result = commitPopoloImport(doc, { parliamentId: p.id })
    expect(result.persons.rejected.map((r) => [r.id, r.reason])).toEqual([
      ['f-p-layla-rahman', expect.stringContaining('is also given to person')],
      ['f-p-omar-farouk', `identifier wikidata:f-Q2000 already belongs to another member (#${other.id})`],
    ])
    expect(result.persons).toMatchObject({ new: 0, updated: 0, unchanged: 2 })
    expect(snapshot()).toEqual(before)

    // The same file aimed at another parliament: its people are members of p, and are not moved.
    const moved = commitPopoloImport(sample('f'), { parliamentId: elsewhere.id })
    expect(moved.persons.new + moved.persons.updated).toBe(0)
    expect(moved.persons.rejected.filter((r) => r.reason.includes('of another parliament'))).toHaveLength(3)
    expect(memberCount(elsewhere.id)).toBe(1)
  })

  it('rejects, with a reason each, a person without id, a repeated id, a nameless one and a non-member', () => {
    const p = addParliament('House of Examples I')
    const doc = sample('i') as Doc & { persons: Record<string, unknown>[] }
    doc.persons.push(
      { name: 'No Id' },
      { id: 'i-p-omar-farouk', name: 'Omar Again' },
      { id: 'i-nameless', name: '  ', other_names: [] },
      { id: 'i-visitor', name: 'Visiting Guest' },
    )
    const result = commitPopoloImport(doc, { parliamentId: p.id })
    expect(result.persons.new).toBe(3)
    expect(result.persons.rejected.map((r) => [r.id, r.reason])).toEqual([
      ['i-p-layla-rahman', expect.stringContaining('is also given to')],
      ['persons[4]', 'has no id'],
      ['i-p-omar-farouk', 'has the same id as an earlier person in the file'],
      ['i-nameless', 'has no name'],
      ['i-visitor', 'is not a member of the legislature "House of Examples" in the file'],
    ])
    expect(membersOf(p.id).map((m) => m.nameEn)).toEqual(['Amina Haddad', 'Khalid bin Saeed Al-Hashimi', 'Omar Farouk'])
  })

  it('finds the parliament by name, and refuses when it cannot tell which one', () => {
    const p = addParliament('House of Examples', 'مجلس الأمثلة')
    const byName = planPopoloImport(sample('g'))
    expect(byName.parliament).toMatchObject({ match: p.id, matchedBy: 'name' })

    getDb().delete(parliament).where(eq(parliament.id, p.id)).run()
    expect(() => planPopoloImport(sample('g'))).toThrow(
      'the legislature "House of Examples" matches no parliament; choose it with --parliament ID, or create it with --country CC --region REGION',
    )
    expect(() => planPopoloImport(sample('g'), { parliamentId: 999_999 })).toThrow(
      'there is no parliament with id 999999',
    )
    const noLegislature = { ...sample('g'), organizations: [] as unknown[] }
    expect(() => planPopoloImport(noLegislature)).toThrow('no organization with classification "legislature"')
  })
})
