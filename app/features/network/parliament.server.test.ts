import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addActor, auditOf, rowCount } from './audit.test-helpers'
import {
  createParliament,
  findParliamentConflict,
  getParliament,
  parliamentExists,
  updateParliament,
  type ParliamentInput,
} from './parliament.server'

const input = (overrides: Partial<ParliamentInput> = {}): ParliamentInput => ({
  kind: 'national',
  countryCode: 'JO',
  chamber: 'lower',
  nameEn: 'House of Representatives of Jordan',
  nameAr: 'مجلس النواب الأردني',
  region: 'middle_east_north_africa',
  website: null,
  ...overrides,
})

function added(...args: Parameters<typeof createParliament>) {
  const result = createParliament(...args)
  if (!result.ok) throw new Error(result.error)
  return result.value.id
}

describe('createParliament', () => {
  it('adds the parliament, searchable, with its audit row', () => {
    const editor = addActor()
    const id = added(input(), { id: editor })
    expect(parliamentExists(id)).toBe(true)
    expect(getParliament(id)).toMatchObject({ nameEn: 'House of Representatives of Jordan', countryCode: 'JO' })
    expect(getParliament(id)).not.toHaveProperty('searchText')
    const row = getDb().select().from(parliament).where(eq(parliament.id, id)).get()!
    expect(row.searchText).toContain('jordan')
    expect(auditOf('parliament', id)).toEqual([{ actorId: editor, action: 'parliament.created', details: null }])
  })

  it('refuses a taken English name or chamber, and writes nothing', () => {
    const [parliaments, audits] = [rowCount(parliament), rowCount(auditEvent)]
    expect(createParliament(input({ countryCode: 'LB' }), null)).toEqual({ ok: false, error: 'nameTaken' })
    expect(createParliament(input({ nameEn: 'Another name', nameAr: '' }), null)).toEqual({
      ok: false,
      error: 'chamberTaken',
    })
    expect(rowCount(parliament)).toBe(parliaments)
    expect(rowCount(auditEvent)).toBe(audits)
  })

  it('keeps a country and chamber only for national chambers', () => {
    const id = added(input({ kind: 'assembly', nameEn: 'An Assembly', countryCode: 'JO', chamber: 'upper' }), null)
    expect(getParliament(id)).toMatchObject({ kind: 'assembly', countryCode: null, chamber: null })
  })
})

describe('updateParliament', () => {
  it('saves the parliament with its audit row; its own name is not a conflict', () => {
    const editor = addActor()
    const id = added(input({ nameEn: 'Senate of Jordan', chamber: 'upper' }), null)
    expect(findParliamentConflict(input({ nameEn: 'Senate of Jordan', chamber: 'upper' }), id)).toBeNull()
    const saved = updateParliament(
      id,
      input({ nameEn: 'Senate of Jordan', chamber: 'upper', joinedAt: '2021-05-01' }),
      {
        id: editor,
      },
    )
    expect(saved).toEqual({ ok: true })
    expect(getParliament(id)?.joinedAt).toBe('2021-05-01')
    expect(auditOf('parliament', id).map((row) => row.action)).toEqual(['parliament.created', 'parliament.updated'])
    expect(auditOf('parliament', id)[1]?.actorId).toBe(editor)
  })

  it("refuses another parliament's name or chamber, and writes nothing", () => {
    const id = added(input({ nameEn: 'Council of Jordan', countryCode: 'JO', chamber: 'single' }), null)
    const audits = rowCount(auditEvent)
    expect(
      updateParliament(id, input({ nameEn: 'House of Representatives of Jordan', chamber: 'single' }), null),
    ).toEqual({ ok: false, error: 'nameTaken' })
    expect(updateParliament(id, input({ nameEn: 'Council of Jordan', chamber: 'lower' }), null)).toEqual({
      ok: false,
      error: 'chamberTaken',
    })
    expect(getParliament(id)).toMatchObject({ nameEn: 'Council of Jordan', chamber: 'single' })
    expect(rowCount(auditEvent)).toBe(audits)
  })
})
