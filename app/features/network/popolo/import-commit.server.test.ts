// Committing an import: exact counts and every mapped field, a re-import that writes nothing, updates, what a
// member with an account keeps, and a failure that rolls the whole transaction back.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, member, memberIdentifier, user } from '#db/schema/index'
import { searchTerms } from '~/utils/arabic'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport } from './import.server'
import { addParliament, importSample, membersOf, sample, snapshot, type Doc } from './import.test-helpers'

describe('the sample file', () => {
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
})

describe('a broken file is refused with a clear message and the database unchanged', () => {
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
