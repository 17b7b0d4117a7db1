import fs from 'node:fs'
import path from 'node:path'
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, member, memberIdentifier, parliament, user } from '#db/schema/index'
import { normalizeForSearch, searchTerms } from '~/utils/arabic'
import { getDb } from '~/utils/db.server'
import {
  PopoloImportError,
  commitPopoloImport,
  parsePopoloJson,
  planPopoloImport,
  type PopoloImportOptions,
} from './import.server'

const fixturePath = path.resolve('app/features/network/popolo/fixtures/popolo-sample.json')
const fixtureText = fs.readFileSync(fixturePath, 'utf8')

type Doc = {
  persons: { id: string; name?: string; email?: string; identifiers?: { scheme: string; identifier: string }[] }[]
  memberships: { person_id: string; on_behalf_of_id?: string }[]
}

/**
 * The sample with its Popolo ids and identifiers prefixed: Popolo ids and identifiers are unique across the
 * database, so each test that wants a fresh start imports its own copy of the same people.
 */
function sample(prefix: string): Doc {
  const doc = JSON.parse(fixtureText) as Doc
  for (const p of doc.persons) {
    p.id = `${prefix}-${p.id}`
    for (const i of p.identifiers ?? []) i.identifier = `${prefix}-${i.identifier}`
  }
  for (const m of doc.memberships) m.person_id = `${prefix}-${m.person_id}`
  return doc
}

let countrySeq = 0
function addParliament(nameEn: string, nameAr = '') {
  countrySeq += 1
  // User-assigned ISO codes (XA…XZ) cannot collide with the real files' KW, IQ, AU.
  const countryCode = `X${String.fromCharCode(64 + countrySeq)}`
  return getDb()
    .insert(parliament)
    .values({ kind: 'national', countryCode, nameEn, nameAr, region: 'europe', searchText: normalizeForSearch(nameEn) })
    .returning()
    .get()
}

function memberCount(parliamentId?: number) {
  const q = getDb().select({ n: count() }).from(member)
  return (parliamentId === undefined ? q : q.where(eq(member.parliamentId, parliamentId))).get()!.n
}

function membersOf(parliamentId: number) {
  return getDb().select().from(member).where(eq(member.parliamentId, parliamentId)).orderBy(member.id).all()
}

/** Every row an import can touch, to prove that "unchanged" and "refused" write nothing. */
function snapshot() {
  const sqlite = getDb().$client
  return ['member', 'member_identifier', 'parliament', 'audit_event'].map((t) =>
    sqlite.prepare(`select * from ${t} order by rowid`).all(),
  )
}

function importSample(prefix: string, options: PopoloImportOptions) {
  return commitPopoloImport(sample(prefix), options)
}

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

  it('imports exact counts, maps every field and rejects the conflicting identifier with its reason', () => {
    const p = addParliament('House of Examples A')
    const result = importSample('a', { parliamentId: p.id })

    expect(result.parliament).toMatchObject({ match: p.id, matchedBy: 'option' })
    expect(result.written).toBe(true)
    expect(result.persons).toEqual({
      total: 4,
      new: 3,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          id: 'a-p-layla-rahman',
          name: 'Layla Rahman',
          reason: 'identifier example_registry:a-R-001 is also given to person "a-p-amina-haddad" in the file',
        },
      ],
      unreadGenders: [],
    })
    expect(result.memberships).toEqual({
      total: 7,
      new: 4,
      updated: 0,
      unchanged: 0,
      ignored: 1, // the budget committee
      rejected: [
        {
          id: 'memberships[2]',
          personId: 'a-p-layla-rahman',
          organizationId: 'legislature',
          reason: 'its person is rejected',
        },
        {
          id: 'memberships[6]',
          personId: 'a-p-nobody',
          organizationId: 'legislature',
          reason: 'names a person who is not in the file ("a-p-nobody")',
        },
      ],
    })

    const [amina, khalid, omar] = membersOf(p.id)
    expect(amina).toMatchObject({
      popoloId: 'a-p-amina-haddad',
      nameEn: 'Amina Haddad',
      nameAr: 'أمينة حداد',
      gender: 'female',
      birthYear: 1980,
      imageUrl: 'https://example.org/photos/amina.jpg',
      email: 'amina.haddad@example.org',
      phone: '+000 555 0101',
      website: 'https://amina.example.org/',
      groupName: 'Green Future',
      position: 'member',
    })
    // The Arabic name keeps its diacritics for display; the search text is folded.
    expect(khalid).toMatchObject({
      nameEn: 'Khalid bin Saeed Al-Hashimi',
      nameAr: 'خَالِدُ بْنُ سَعِيدٍ الْهَاشِمِيّ',
      searchText: 'khalid bin saeed al hashimi خالد بن سعيد الهاشمي coastal party',
      gender: 'male',
      birthYear: 1975,
      groupName: 'Coastal Party', // the party's English other name
      imageUrl: null, // javascript: is never stored
    })
    // Typed without diacritics and with ى for ي, the name is still found.
    expect(searchTerms('خالد الهاشمى').every((term) => khalid!.searchText.includes(term))).toBe(true)
    expect(omar).toMatchObject({
      nameEn: 'Omar Farouk',
      nameAr: '',
      gender: 'male',
      position: 'speaker',
      groupName: 'Green Future', // from the membership of the party itself
      email: 'omar.farouk@example.org',
      imageUrl: 'https://example.org/photos/omar.png',
    })
    const identifiers = getDb()
      .select({
        memberId: memberIdentifier.memberId,
        scheme: memberIdentifier.scheme,
        identifier: memberIdentifier.identifier,
      })
      .from(memberIdentifier)
      .where(eq(memberIdentifier.memberId, amina!.id))
      .all()
    expect(identifiers).toEqual([
      { memberId: amina!.id, scheme: 'example_registry', identifier: 'a-R-001' },
      { memberId: amina!.id, scheme: 'example_wiki', identifier: 'a-X-1001' },
    ])
    const audit = getDb().select().from(auditEvent).where(eq(auditEvent.action, 'popolo.imported')).all().at(-1)!
    expect(audit.targetId).toBe(String(p.id))
    expect(JSON.parse(audit.details!)).toMatchObject({
      persons: { new: 3, rejected: 1 },
      memberships: { new: 4, rejected: 2 },
    })
  })

  it('re-imports the same file as 0 new, 0 updated, writing no row (not even an audit row)', () => {
    const p = addParliament('House of Examples B')
    importSample('b', { parliamentId: p.id })
    const before = snapshot()

    const again = importSample('b', {}) // found through its people: no option needed
    expect(again.parliament).toMatchObject({ match: p.id, matchedBy: 'members' })
    expect(again.persons).toMatchObject({ new: 0, updated: 0, unchanged: 3 })
    expect(again.persons.rejected).toHaveLength(1)
    expect(again.memberships).toMatchObject({ new: 0, updated: 0, unchanged: 4, ignored: 1 })
    expect(again.written).toBe(false)
    expect(snapshot()).toEqual(before)
  })

  it('counts a modified person as 1 updated, and a changed party as an updated membership', () => {
    const p = addParliament('House of Examples C')
    importSample('c', { parliamentId: p.id })

    const emailChanged = sample('c')
    emailChanged.persons[0]!.email = 'amina@new.example.org'
    const first = commitPopoloImport(emailChanged, { parliamentId: p.id })
    expect(first.persons).toMatchObject({ new: 0, updated: 1, unchanged: 2 })
    expect(first.memberships).toMatchObject({ new: 0, updated: 0, unchanged: 4 })
    expect(membersOf(p.id)[0]!.email).toBe('amina@new.example.org')

    const partyChanged = sample('c')
    partyChanged.persons[0]!.email = 'amina@new.example.org'
    partyChanged.memberships[1]!.on_behalf_of_id = 'party/green-future'
    const second = commitPopoloImport(partyChanged, { parliamentId: p.id })
    expect(second.persons).toMatchObject({ new: 0, updated: 1, unchanged: 2 })
    expect(second.memberships).toMatchObject({ new: 0, updated: 1, unchanged: 3 })
    expect(membersOf(p.id)[1]!.groupName).toBe('Green Future')
  })

  it('keeps what the file does not say, and only fills the empty fields of a member with an account', () => {
    const p = addParliament('House of Examples D')
    importSample('d', { parliamentId: p.id })
    const [amina, khalid] = membersOf(p.id)
    const account = getDb()
      .insert(user)
      .values({ email: 'khalid@example.org', name: 'Khalid', passwordHash: 'not-a-real-hash' })
      .returning()
      .get()
    getDb()
      .update(member)
      .set({ userId: account.id, nameEn: 'Khalid Al-Hashimi', website: null })
      .where(eq(member.id, khalid!.id))
      .run()

    const doc = sample('d')
    delete doc.persons[0]!.email // absent: Amina's stored email stays
    const khalidInFile = doc.persons[1] as Doc['persons'][number] & {
      other_names: { lang: string; name: string }[]
      links?: unknown
    }
    khalidInFile.other_names = [{ lang: 'en', name: 'K. S. Al-Hashimi' }]
    khalidInFile.links = [{ note: 'website', url: 'https://khalid.example.org/' }]
    const result = commitPopoloImport(doc, { parliamentId: p.id })

    expect(membersOf(p.id)[0]!.email).toBe(amina!.email)
    const after = membersOf(p.id)[1]!
    expect(after.nameEn).toBe('Khalid Al-Hashimi') // his own edit wins
    expect(after.website).toBe('https://khalid.example.org/') // an empty field is filled
    expect(result.persons).toMatchObject({ updated: 1, unchanged: 2 })
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

describe('genders in the languages of the files', () => {
  const values = {
    male: ['male', 'Homme', 'HOMBRE', 'masculino', 'ذكر', ' M '],
    female: ['Female', 'femme', 'Mujer', 'FEMENINO', 'أنثى', 'f'],
    unread: ['Hombres', 'x', 'Mann'],
  }
  function genderDoc(prefix: string, genders: (string | undefined)[]) {
    return {
      persons: genders.map((gender, i) => ({ id: `${prefix}-${i}`, name: `Person ${prefix} ${i}`, gender })),
      organizations: [{ id: 'leg', name: 'House of Genders', classification: 'legislature' }],
      memberships: genders.map((_, i) => ({ person_id: `${prefix}-${i}`, organization_id: 'leg' })),
    }
  }

  it('maps English, French, Spanish and Arabic values, case-insensitive, and never guesses "other"', () => {
    const p = addParliament('House of Genders')
    const genders = [...values.male, ...values.female, ...values.unread, undefined, 'unknown']
    const plan = planPopoloImport(genderDoc('gd', genders), { parliamentId: p.id })
    // Each value the import cannot read is named in the preview with how many persons have it.
    expect(plan.persons.unreadGenders).toEqual([
      { value: 'Hombres', persons: 1 },
      { value: 'x', persons: 1 },
      { value: 'Mann', persons: 1 },
    ])
    commitPopoloImport(plan, { parliamentId: p.id })
    const stored = membersOf(p.id).map((m) => m.gender)
    expect(stored).toEqual([
      ...values.male.map(() => 'male'),
      ...values.female.map(() => 'female'),
      null,
      null,
      null,
      null,
      null,
    ])
    expect(stored).not.toContain('other')
  })

  it('corrects a gender stored from a value it now reads, and counts repeated unread values once per value', () => {
    const p = addParliament('House of Genders B')
    const doc = genderDoc('gr', ['Homme', 'Femme', 'Mann', 'Mann'])
    commitPopoloImport(doc, { parliamentId: p.id })
    getDb().update(member).set({ gender: 'other' }).where(eq(member.parliamentId, p.id)).run()
    const again = commitPopoloImport(doc, {})
    expect(again.persons).toMatchObject({ updated: 4, unreadGenders: [{ value: 'Mann', persons: 2 }] })
    expect(membersOf(p.id).map((m) => m.gender)).toEqual(['male', 'female', null, null])
  })
})

describe('a broken file is refused with a clear message and the database unchanged', () => {
  function expectRefused(action: () => unknown, message: RegExp | string) {
    const before = snapshot()
    const members = memberCount()
    expect(action).toThrow(PopoloImportError)
    expect(action).toThrow(message)
    expect(memberCount()).toBe(members)
    expect(snapshot()).toEqual(before)
  }

  it('bad JSON gives the JSON error', () => {
    expectRefused(
      () => commitPopoloImport(parsePopoloJson('{"persons": [{"id": "x",}]}')),
      /^the file is not valid JSON: .+/,
    )
  })

  it('a wrong shape gives the first issues with their paths', () => {
    expectRefused(
      () =>
        commitPopoloImport({
          persons: [
            { id: 'x', name: 'Fine' },
            { id: 7, name: ['not', 'a', 'name'] },
          ],
        }),
      /^the file is not a Popolo document the import can read: persons\[1\]\.id: .*expected string.*; persons\[1\]\.name: /,
    )
    expectRefused(() => planPopoloImport([1, 2, 3]), /\(document\): .*expected object/)
    expectRefused(() => planPopoloImport({ organizations: [] }), /persons: .*expected array/)
    expectRefused(
      () => planPopoloImport({ persons: [{ id: 'x', birth_date: '12/05/1980' }] }),
      /persons\[0\]\.birth_date: expected a date/,
    )
    expectRefused(
      () => planPopoloImport({ persons: [{ id: 'x', name: 'n'.repeat(501) }] }),
      /persons\[0\]\.name: Too big/,
    )
    expectRefused(
      () => planPopoloImport({ persons: [], memberships: Array.from({ length: 200_001 }, () => ({})) }),
      /memberships: Too big: expected array to have <=200000 items/,
    )
  })

  it('an oversized file is refused before parsing', () => {
    expectRefused(
      () => parsePopoloJson(fixtureText, { maxBytes: 1024 }),
      /^the file is \d+\.\d kB, larger than the 1\.0 kB an import accepts/,
    )
    // Bytes, not characters: Arabic letters take two bytes each.
    expect(() => parsePopoloJson('"' + 'ع'.repeat(600) + '"', { maxBytes: 1000 })).toThrow(PopoloImportError)
    expect(parsePopoloJson('\uFEFF{"persons": []}')).toEqual({ persons: [] })
  })

  it('a failure in the middle of a commit rolls everything back, the new parliament included', () => {
    const sqlite = getDb().$client
    sqlite.exec(`CREATE TRIGGER fail_on_omar BEFORE INSERT ON member WHEN NEW.name_en = 'Omar Farouk'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`)
    try {
      const before = snapshot()
      expect(() => importSample('h', { countryCode: 'XY', region: 'europe' })).toThrow('simulated failure')
      expect(snapshot()).toEqual(before)
    } finally {
      sqlite.exec('DROP TRIGGER fail_on_omar')
    }
  })
})

// The real EveryPolitician files are not part of the repository (no licence to ship them): read them beside it.
const realDir = path.resolve('..', 'shared', 'data', 'popolo')
const hasRealFiles = fs.existsSync(realDir)
if (!hasRealFiles) console.log(`popolo-import: skipping the real-file tests, ${realDir} is absent`)

describe.skipIf(!hasRealFiles)('the real EveryPolitician files', () => {
  const files = [
    {
      file: 'Kuwait-ep-popolo-v1.0.json',
      nameEn: 'National Assembly of Kuwait',
      nameAr: 'مجلس الأمة الكويتي',
      countryCode: 'KW',
      position: 'member',
    },
    {
      file: 'Iraq-ep-popolo-v1.0.json',
      nameEn: 'Council of Representatives of Iraq',
      nameAr: 'مجلس النواب العراقي',
      countryCode: 'IQ',
      position: 'member',
    },
    {
      file: 'Australia-Senate-ep-popolo-v1.0.json',
      nameEn: 'Australian Senate',
      nameAr: 'مجلس الشيوخ الأسترالي',
      countryCode: 'AU',
      position: 'senator',
    },
  ] as const

  for (const f of files) {
    it(`${f.file}: every person imports, and a second import says 0 new`, () => {
      const p = getDb()
        .insert(parliament)
        .values({ kind: 'national', countryCode: f.countryCode, nameEn: f.nameEn, nameAr: f.nameAr, region: 'global' })
        .returning()
        .get()
      const text = fs.readFileSync(path.join(realDir, f.file))
      const persons = (JSON.parse(text.toString('utf8')) as { persons: unknown[] }).persons.length

      let started = performance.now()
      const first = commitPopoloImport(parsePopoloJson(text), { parliamentId: p.id, source: f.file })
      const firstMs = Math.round(performance.now() - started)
      started = performance.now()
      const second = commitPopoloImport(parsePopoloJson(text), {})
      const secondMs = Math.round(performance.now() - started)
      console.log(
        `popolo-import: ${f.file}: ${persons} persons, ${first.persons.new} new, ${first.persons.rejected.length} rejected, ` +
          `${first.memberships.new} memberships (${firstMs} ms); again: ${second.persons.new} new, ${second.persons.updated} updated (${secondMs} ms)`,
      )

      expect(first.persons.rejected).toEqual([])
      expect(first.persons.new).toBe(persons - first.persons.rejected.length)
      expect(memberCount(p.id)).toBe(first.persons.new)
      expect(first.memberships.rejected).toEqual([])
      expect(second.parliament).toMatchObject({ match: p.id, matchedBy: 'members' })
      expect(second).toMatchObject({ written: false, persons: { new: 0, updated: 0, unchanged: persons } })
      expect(second.memberships).toMatchObject({ new: 0, updated: 0 })

      const rows = membersOf(p.id)
      expect(rows.every((m) => m.position === f.position)).toBe(true)
      expect(rows.every((m) => (m.nameEn || m.nameAr) && m.searchText && m.groupName)).toBe(true)
    })
  }

  it('maps the languages and parties of each file as a reader would expect', () => {
    const byPopoloId = (id: string) => getDb().select().from(member).where(eq(member.popoloId, id)).get()
    // Kuwait: an English name with its Arabic other name.
    expect(byPopoloId('8c5139b8-26bd-4aef-bd8c-792bb6665db5')).toMatchObject({
      nameEn: 'Abdullah Al Adwani',
      nameAr: 'عبد الله مرزوق ناهي العدواني',
      groupName: 'Independent',
    })
    // Iraq: the Arabic name only, with the gender, birth year and the Arabic party name.
    expect(byPopoloId('e0af8adc-e150-44db-84d4-7c42831da6e7')).toMatchObject({
      nameEn: '',
      nameAr: 'ئارام محمد على',
      gender: 'male',
      birthYear: 1975,
    })
    // Australia: e-mail from `email`, website from the links.
    expect(byPopoloId('b6b705a5-0355-4f1c-8951-273aed19156d')).toMatchObject({
      nameEn: 'Senator Alan Eggleston',
      email: 'senator.eggleston@aph.gov.au',
      website: 'http://www.senatoralaneggleston.com/',
      position: 'senator',
    })
  })
})
