import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
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

describe('moving a member to another parliament', () => {
  const north = addParliament('North')
  const south = addParliament('South')
  const identify = (memberId: number, parliamentId: number, value: string) =>
    getDb()
      .insert(memberIdentifier)
      .values({ memberId, scheme: 'everypolitician_legacy', identifier: value, scopeParliamentId: parliamentId })
      .run()

  it('takes its local identifiers along', () => {
    const { id } = createMember({ ...input('Mover'), parliamentId: north })
    identify(id, north, '100')
    expect(updateMember(id, { ...input('Mover'), parliamentId: south })).toEqual({ ok: true })
    const row = getDb().select().from(memberIdentifier).where(eq(memberIdentifier.memberId, id)).get()
    expect(row?.scopeParliamentId).toBe(south)
  })

  it('is refused, writing nothing, when one of them already belongs to a member there', () => {
    const { id } = createMember({ ...input('Blocked'), parliamentId: north })
    identify(id, north, '200')
    const { id: other } = createMember({ ...input('Resident'), parliamentId: south })
    identify(other, south, '200')
    expect(updateMember(id, { ...input('Renamed'), parliamentId: south })).toEqual({
      ok: false,
      error: 'identifierTaken',
    })
    const row = getDb().select().from(member).where(eq(member.id, id)).get()
    expect(row).toMatchObject({ nameEn: 'Blocked', parliamentId: north })
  })
})
