import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { auditEvent, member, parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { groupsOf, joinGroup, leaveGroup, listGroupMembers, listGroupsForMember } from './member-group.server'

let amina = 0
let layla = 0
let omar = 0
let memberId = 0

beforeAll(() => {
  const db = getDb()
  const qatar = db
    .insert(parliament)
    .values({
      kind: 'national',
      countryCode: 'QA',
      nameEn: 'Shura Council',
      nameAr: 'مجلس الشورى',
      region: 'middle_east_north_africa',
    })
    .returning()
    .get().id
  const ipu = db
    .insert(parliament)
    .values({ kind: 'union', nameEn: 'Inter-Parliamentary Union', region: 'global' })
    .returning()
    .get().id
  const add = (email: string, name: string, parliamentId: number | null, isActive = true) =>
    db.insert(user).values({ email, name, passwordHash: 'x', parliamentId, isActive }).returning().get().id
  amina = add('amina@x.org', 'amina account name', qatar)
  layla = add('layla@x.org', 'Layla Haddad', ipu)
  omar = add('omar@x.org', 'Omar Inactive', qatar, false)
  memberId = db
    .insert(member)
    .values({ parliamentId: qatar, userId: amina, nameEn: 'Amina Al-Sayed', nameAr: 'أمينة السيد' })
    .returning()
    .get().id
})

describe('member groups', () => {
  it('joins once, is audited once, and lists the groups of a user', () => {
    expect(joinGroup(amina, 'women')).toBe(true)
    expect(joinGroup(amina, 'women')).toBe(false)
    expect(joinGroup(amina, 'youth')).toBe(true)
    expect(groupsOf(amina)).toEqual(['women', 'youth'])
    expect(groupsOf(layla)).toEqual([])
    const joins = getDb().select().from(auditEvent).where(eq(auditEvent.action, 'member_group.join')).all()
    expect(joins.map((e) => [e.actorId, e.targetId])).toEqual([
      [amina, 'women'],
      [amina, 'youth'],
    ])
  })

  it('lists members with their profile names, else the account name, and their parliament; not inactive accounts', () => {
    joinGroup(layla, 'women')
    joinGroup(omar, 'women')
    const list = listGroupMembers('women')
    expect(list.map((m) => [m.nameEn, m.nameAr, m.memberId, m.parliamentNameEn, m.parliamentNameAr])).toEqual([
      ['Amina Al-Sayed', 'أمينة السيد', memberId, 'Shura Council', 'مجلس الشورى'],
      ['Layla Haddad', 'Layla Haddad', null, 'Inter-Parliamentary Union', ''],
    ])
    expect(list[0]!.joinedAt).toBeInstanceOf(Date)
    expect(listGroupMembers('youth').map((m) => m.userId)).toEqual([amina])
  })

  it('orders by the name in the page language', () => {
    joinGroup(layla, 'youth')
    // English: "Amina" before "Layla"; Arabic collation: Arabic names first, then Layla's Latin one (she has no Arabic name).
    expect(listGroupMembers('youth', 'en').map((m) => m.userId)).toEqual([amina, layla])
    expect(listGroupMembers('youth', 'ar').map((m) => m.nameAr)).toEqual(['أمينة السيد', 'Layla Haddad'])
  })

  it('leaves, audited; leaving twice changes nothing', () => {
    expect(leaveGroup(amina, 'women')).toBe(true)
    expect(leaveGroup(amina, 'women')).toBe(false)
    expect(groupsOf(amina)).toEqual(['youth'])
    expect(leaveGroup(layla, 'youth')).toBe(true)
    expect(listGroupMembers('women').map((m) => m.userId)).toEqual([layla])
    const leaves = getDb().select().from(auditEvent).where(eq(auditEvent.action, 'member_group.leave')).all()
    expect(leaves.map((e) => [e.actorId, e.targetId])).toEqual([
      [amina, 'women'],
      [layla, 'youth'],
    ])
  })

  it('writes no audit row when joining or leaving changes nothing', () => {
    const audited = () => getDb().select().from(auditEvent).all().length
    const before = audited()
    expect(joinGroup(amina, 'youth')).toBe(false)
    expect(leaveGroup(amina, 'women')).toBe(false)
    expect(audited()).toBe(before)
  })

  it("gives a member's page their groups and each group's members, keyed without the account id", () => {
    const page = listGroupsForMember(amina, 'en')
    expect(page.mine).toEqual(groupsOf(amina))
    expect(Object.keys(page.lists)).toEqual(['women', 'youth'])
    expect(page.lists.youth.map((m) => m.key)).toEqual(listGroupMembers('youth').map((m) => m.userId))
    expect(page.lists.youth.every((m) => !('userId' in m))).toBe(true)
    expect(page.lists.women[0]).toMatchObject({ nameEn: 'Layla Haddad', memberId: null })
  })
})
