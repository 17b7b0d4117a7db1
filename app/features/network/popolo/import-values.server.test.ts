// Mapping a person's values: genders in the languages of the files, read case-insensitively, never guessed.
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { member } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { commitPopoloImport, planPopoloImport } from './import.server'
import { addParliament, membersOf } from './import.test-helpers'

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
