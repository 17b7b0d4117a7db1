import fs from 'node:fs'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport, parsePopoloJson, type PopoloImportResult } from './import.server'

// Every file imported one after another into this file's one database, as a network would: a legislature's own
// identifiers (everypolitician_legacy:320) name different people in different parliaments (docs/decisions/021).

const fixtures = path.resolve('app/features/network/popolo/fixtures')
const realDir = path.resolve('..', 'shared', 'data', 'popolo')
const hasRealFiles = fs.existsSync(realDir)
if (!hasRealFiles)
  console.log(`popolo-import (one database): ${realDir} is absent, importing the project's fixtures only`)

type ImportFile = {
  path: string
  nameEn: string
  nameAr: string
  countryCode: string
  region: 'global' | 'middle_east_north_africa'
}
const files: ImportFile[] = [
  {
    path: path.join(fixtures, 'popolo-sample.json'),
    nameEn: 'House of Examples',
    nameAr: 'مجلس الأمثلة',
    countryCode: 'XA',
    region: 'global',
  },
  {
    path: path.join(fixtures, 'popolo-assembly-north.json'),
    nameEn: 'Northern Assembly',
    nameAr: 'مجلس الشمال',
    countryCode: 'XB',
    region: 'middle_east_north_africa',
  },
  {
    path: path.join(fixtures, 'popolo-assembly-south.json'),
    nameEn: 'Southern Assembly',
    nameAr: 'مجلس الجنوب',
    countryCode: 'XC',
    region: 'middle_east_north_africa',
  },
  ...(hasRealFiles
    ? [
        {
          file: 'Kuwait-ep-popolo-v1.0.json',
          nameEn: 'National Assembly of Kuwait',
          nameAr: 'مجلس الأمة الكويتي',
          countryCode: 'KW',
        },
        {
          file: 'Iraq-ep-popolo-v1.0.json',
          nameEn: 'Council of Representatives of Iraq',
          nameAr: 'مجلس النواب العراقي',
          countryCode: 'IQ',
        },
        {
          file: 'Australia-Senate-ep-popolo-v1.0.json',
          nameEn: 'Australian Senate',
          nameAr: 'مجلس الشيوخ الأسترالي',
          countryCode: 'AU',
        },
      ].map((f) => ({
        ...f,
        path: path.join(realDir, f.file),
        region: 'global' as const,
      }))
    : []),
]

/** The sample's one deliberate conflict inside the file (two people share example_registry:R-001), not a cross-file one. */
const inFileRejections: Record<string, string[]> = {
  'popolo-sample.json': ['p-layla-rahman'],
}

function addParliament(f: ImportFile) {
  return getDb()
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: f.countryCode,
      nameEn: f.nameEn,
      nameAr: f.nameAr,
      region: f.region,
      searchText: normalizeForSearch(f.nameEn),
    })
    .returning()
    .get()
}

function ownersOf(scheme: string, identifier: string) {
  return getDb()
    .select({ parliamentId: member.parliamentId, name: member.nameEn })
    .from(memberIdentifier)
    .innerJoin(member, eq(member.id, memberIdentifier.memberId))
    .where(and(eq(memberIdentifier.scheme, scheme), eq(memberIdentifier.identifier, identifier)))
    .orderBy(member.parliamentId)
    .all()
}

describe('every Popolo file into one database', () => {
  const parliamentIds = new Map<string, number>()

  it('imports each file one after another with 0 rejected', () => {
    for (const f of files) {
      const p = addParliament(f)
      parliamentIds.set(f.path, p.id)
      const result: PopoloImportResult = commitPopoloImport(parsePopoloJson(fs.readFileSync(f.path)), {
        parliamentId: p.id,
      })
      const expected = inFileRejections[path.basename(f.path)] ?? []
      expect(
        result.persons.rejected.map((r) => r.id),
        path.basename(f.path),
      ).toEqual(expected)
      expect(result.persons.rejected.every((r) => r.reason.includes('in the file'))).toBe(true)
      expect(result.persons.new, path.basename(f.path)).toBe(result.persons.total - expected.length)
    }
    // The same legacy identifier is now two people, one in each assembly.
    const north = parliamentIds.get(files[1]!.path)!
    const south = parliamentIds.get(files[2]!.path)!
    expect(ownersOf('everypolitician_legacy', '320')).toEqual(
      expect.arrayContaining([
        { parliamentId: north, name: 'Hana Saleh' },
        { parliamentId: south, name: 'Karim Benali' },
      ]),
    )
  })

  it('finds every person again on a second round, without --parliament: 0 new, 0 updated', () => {
    for (const f of files) {
      const again = commitPopoloImport(parsePopoloJson(fs.readFileSync(f.path)), {})
      const expected = inFileRejections[path.basename(f.path)] ?? []
      expect(again.parliament, path.basename(f.path)).toMatchObject({
        match: parliamentIds.get(f.path),
        matchedBy: 'members',
      })
      expect(again.persons.rejected.map((r) => r.id)).toEqual(expected)
      expect(again).toMatchObject({
        written: false,
        persons: { new: 0, updated: 0 },
      })
    }
  })

  it('still matches a global identifier across parliaments, and refuses to move its member', () => {
    const south = files[2]!
    const doc = JSON.parse(fs.readFileSync(south.path, 'utf8')) as {
      persons: {
        id: string
        identifiers: { scheme: string; identifier: string }[]
      }[]
      memberships: { person_id: string }[]
    }
    // A new person of the south whose Wikidata item is the north's Hana Saleh: the same human, not a new member.
    doc.memberships[2]!.person_id = doc.persons[2]!.id = 'someone-new'
    doc.persons[2]!.identifiers = [{ scheme: 'wikidata', identifier: 'Q99000001' }]
    const result = commitPopoloImport(doc, {
      parliamentId: parliamentIds.get(south.path)!,
    })
    expect(result.persons.rejected).toEqual([
      {
        id: 'someone-new',
        name: 'Samir Haddad',
        reason: expect.stringContaining('wikidata:Q99000001 already belongs to member #'),
      },
    ])
  })

  it('matches a legislature-local identifier within the target parliament only', () => {
    const north = files[1]!
    const doc = JSON.parse(fs.readFileSync(north.path, 'utf8')) as {
      persons: {
        id: string
        name: string
        identifiers: { scheme: string; identifier: string }[]
      }[]
    }
    // Another file for the north naming its people by the legacy ids alone (a new Popolo id): they are matched.
    for (const p of doc.persons) {
      p.id = `renamed-${p.id}`
      p.identifiers = p.identifiers.filter((i) => i.scheme === 'everypolitician_legacy')
    }
    const memberships = (
      JSON.parse(fs.readFileSync(north.path, 'utf8')) as {
        memberships: { person_id: string }[]
      }
    ).memberships
    const result = commitPopoloImport(
      {
        ...doc,
        memberships: memberships.map((m) => ({
          ...m,
          person_id: `renamed-${m.person_id}`,
        })),
      },
      { parliamentId: parliamentIds.get(north.path)! },
    )
    expect(result.persons.rejected.map((r) => r.reason)).toEqual([
      expect.stringContaining('everypolitician_legacy:320 already belongs to member #'),
      expect.stringContaining('everypolitician_legacy:321 already belongs to member #'),
      expect.stringContaining('everypolitician_legacy:322 already belongs to member #'),
    ])
    expect(result.persons.new).toBe(0)
  })
})
