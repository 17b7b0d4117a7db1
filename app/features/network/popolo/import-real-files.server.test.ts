// The real EveryPolitician files (Kuwait, Iraq, Australia's Senate), when they are beside the repository: every
// person imports, a second import says 0 new, and names, parties and contacts land where a reader expects.
import fs from 'node:fs'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { member, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport, parsePopoloJson } from './import.server'
import { memberCount, membersOf } from './import.test-helpers'

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
