import fs from 'node:fs'
import path from 'node:path'
import { Validator } from 'jsonschema'
import { beforeAll, describe, expect, it } from 'vitest'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { exportMembersCsv, exportPopolo } from './export.server'

const specDir = path.resolve('..', 'shared', 'data', 'popolo', 'popolo-spec', 'schemas')
const haveSpec = fs.existsSync(specDir)
if (!haveSpec) console.log(`popolo-export: ${specDir} is absent; the schema validation test is skipped`)

beforeAll(() => {
  const db = getDb()
  const p = db
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: 'KW',
      nameEn: 'National Assembly of Kuwait',
      nameAr: 'مجلس الأمة',
      region: 'middle_east_north_africa',
    })
    .returning()
    .get()
  const pub = db
    .insert(member)
    .values({
      parliamentId: p.id,
      nameEn: 'Marzouq Al-Ghanim',
      nameAr: 'مرزوق الغانم',
      gender: 'male',
      groupName: 'Independent',
      email: 'secret@example.org',
      birthYear: 1968,
      position: 'speaker',
    })
    .returning()
    .get()
  db.insert(memberIdentifier).values({ memberId: pub.id, scheme: 'wikidata', identifier: 'Q123' }).run()
  db.insert(member)
    .values({
      parliamentId: p.id,
      nameEn: '=HYPERLINK("http://evil")',
      nameAr: 'نورة, "الاسم"',
      gender: 'female',
      position: 'member',
    })
    .run()
  db.insert(member)
    .values({ parliamentId: p.id, nameEn: 'Hidden Person', visibility: 'members', position: 'staff' })
    .run()
})

describe('Popolo export', () => {
  it('has public profiles only, with no contact details or birth years', () => {
    const doc = exportPopolo()
    expect(doc.persons.map((p) => p.name)).toEqual(['Marzouq Al-Ghanim', '=HYPERLINK("http://evil")'])
    const text = JSON.stringify(doc)
    expect(text).not.toContain('secret@example.org')
    expect(text).not.toContain('1968')
    expect(text).not.toContain('Hidden Person')
    expect(doc.persons[0]!.other_names).toEqual([
      { name: 'Marzouq Al-Ghanim', lang: 'en' },
      { name: 'مرزوق الغانم', lang: 'ar' },
    ])
    expect(doc.persons[0]!.identifiers).toContainEqual({ scheme: 'wikidata', identifier: 'Q123' })
    expect(doc.organizations.map((o) => o.classification)).toEqual(['legislature', 'party'])
    expect(doc.memberships).toContainEqual(
      expect.objectContaining({ role: 'speaker', organization_id: doc.organizations[0]!.id }),
    )
  })

  it.skipIf(!haveSpec)('is valid against the Popolo JSON Schemas', () => {
    const v = new Validator()
    for (const file of fs.readdirSync(specDir)) {
      const schema = JSON.parse(fs.readFileSync(path.join(specDir, file), 'utf8'))
      v.addSchema(schema, schema.id)
    }
    const schemaOf = (name: string) => JSON.parse(fs.readFileSync(path.join(specDir, `${name}.json`), 'utf8'))
    // The validator does reject a wrong document (so the check below can fail).
    expect(v.validate({ name: 5, other_names: [{ name: 7 }] }, schemaOf('person')).errors.length).toBeGreaterThan(1)
    const doc = exportPopolo()
    const check = (items: unknown[], name: string) => {
      for (const item of items) expect(v.validate(item, schemaOf(name)).errors.map(String), name).toEqual([])
    }
    check(doc.persons, 'person')
    check(doc.organizations, 'organization')
    check(doc.memberships, 'membership')
  })
})

describe('members CSV', () => {
  it('quotes, keeps Arabic, starts with a BOM and defuses formulas', () => {
    const csv = exportMembersCsv()
    expect(csv.startsWith('\uFEFFid,name_en,name_ar,')).toBe(true)
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('مرزوق الغانم')
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(lines[2]).toContain('"نورة, ""الاسم"""')
    expect(csv).not.toContain('Hidden Person')
  })
})
