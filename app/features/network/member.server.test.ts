import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvent, member, memberIdentifier, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { addActor, auditOf, rowCount } from './audit.test-helpers'
import { createMember, updateMember, type MemberInput } from './member.server'

const addParliament = (nameEn: string) =>
  getDb().insert(parliament).values({ kind: 'assembly', nameEn, region: 'europe' }).returning().get().id

const input = (nameEn: string): MemberInput => ({
  nameEn,
  nameAr: '',
  position: 'member',
  committees: '',
  gender: null,
  birthYear: null,
  languages: '',
  bioEn: '',
  bioAr: '',
  email: null,
  phone: null,
  website: null,
  visibility: 'public',
})

/** A profile that must be added (the parliament exists): its id. */
function added(...args: Parameters<typeof createMember>) {
  const result = createMember(...args)
  if (!result.ok) throw new Error(result.error)
  return result.value
}

describe('moving a member to another parliament', () => {
  const north = addParliament('North')
  const south = addParliament('South')
  const identify = (memberId: number, parliamentId: number, value: string) =>
    getDb()
      .insert(memberIdentifier)
      .values({ memberId, scheme: 'everypolitician_legacy', identifier: value, scopeParliamentId: parliamentId })
      .run()

  it('takes its local identifiers along', () => {
    const { id } = added({ ...input('Mover'), parliamentId: north }, null)
    identify(id, north, '100')
    expect(updateMember(id, { ...input('Mover'), parliamentId: south }, null)).toEqual({ ok: true })
    const row = getDb().select().from(memberIdentifier).where(eq(memberIdentifier.memberId, id)).get()
    expect(row?.scopeParliamentId).toBe(south)
  })

  it('is refused, writing nothing, when one of them already belongs to a member there', () => {
    const { id } = added({ ...input('Blocked'), parliamentId: north }, null)
    identify(id, north, '200')
    const { id: other } = added({ ...input('Resident'), parliamentId: south }, null)
    identify(other, south, '200')
    expect(updateMember(id, { ...input('Renamed'), parliamentId: south }, null)).toEqual({
      ok: false,
      error: 'identifierTaken',
    })
    const row = getDb().select().from(member).where(eq(member.id, id)).get()
    expect(row).toMatchObject({ nameEn: 'Blocked', parliamentId: north })
    expect(auditOf('member', id).map((r) => r.action)).toEqual(['member.created'])
  })
})

describe('the audit rows', () => {
  const home = addParliament('Home')

  it('are written with the profile, by whoever added or saved it', () => {
    const editor = addActor()
    const { id } = added({ ...input('Audited'), parliamentId: home }, { id: editor })
    expect(updateMember(id, { ...input('Audited again') }, { id: editor })).toEqual({ ok: true })
    expect(getDb().select().from(member).where(eq(member.id, id)).get()?.nameEn).toBe('Audited again')
    expect(auditOf('member', id)).toEqual([
      { actorId: editor, action: 'member.created', details: null },
      { actorId: editor, action: 'member.updated', details: null },
    ])
  })

  it('are not written, nor the profile, when the parliament does not exist', () => {
    const [members, audits] = [rowCount(member), rowCount(auditEvent)]
    expect(createMember({ ...input('Nowhere'), parliamentId: 999999 }, null)).toEqual({
      ok: false,
      error: 'invalidChoice',
    })
    expect(rowCount(member)).toBe(members)
    const { id } = added({ ...input('Staying'), parliamentId: home }, null)
    expect(updateMember(id, { ...input('Moved away'), parliamentId: 999999 }, null)).toEqual({
      ok: false,
      error: 'invalidChoice',
    })
    expect(getDb().select().from(member).where(eq(member.id, id)).get()).toMatchObject({
      nameEn: 'Staying',
      parliamentId: home,
    })
    expect(rowCount(auditEvent)).toBe(audits + 1)
    expect(auditOf('member', id).map((row) => row.action)).toEqual(['member.created'])
  })
})
