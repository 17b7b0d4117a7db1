// Working groups, part 1: creating and editing with an audit row, the list (mine first), joining an open group,
// asking to join a closed one, decisions that notify the person, facilitators; every refusal writes nothing.
import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvent, groupMember, groupThread, notification, user, workGroup } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { getGroup, membershipOf } from './access.server'
import { createGroup, groupOverview, listGroups, updateGroup } from './group.server'
import { decideRequest, joinGroup, leaveGroup, removeMember, setMemberRole } from './membership.server'

let n = 0
function addUser(role: 'member' | 'coordinator' = 'member') {
  n++
  return getDb()
    .insert(user)
    .values({
      email: `grouper${n}@example.org`,
      name: `Grouper ${n}`,
      role,
      locale: 'en',
      isActive: true,
      passwordHash: 'x',
    })
    .returning({ id: user.id, role: user.role })
    .get()
}

const count = (table: typeof auditEvent | typeof groupMember | typeof notification | typeof workGroup) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n

let coordinator: { id: number; role: 'member' | 'coordinator' | 'admin' }
beforeAll(() => {
  coordinator = addUser('coordinator')
})

function makeGroup(access: 'open' | 'closed', nameEn = 'Sahel government–parliament dialogue') {
  const made = createGroup(
    { nameEn, nameAr: 'حوار الحكومات والبرلمانات في الساحل', purposeEn: 'Talk', access },
    coordinator,
  )
  if (!made.ok) throw new Error(made.error)
  return getGroup(made.value.id)!
}

describe('createGroup / updateGroup', () => {
  it('creates a group with its audit row', () => {
    const g = makeGroup('closed')
    expect(g.access).toBe('closed')
    const a = getDb().select().from(auditEvent).where(eq(auditEvent.action, 'group.create')).all()
    expect(a.some((r) => r.targetId === String(g.id) && r.actorId === coordinator.id)).toBe(true)
  })

  it('refuses a group without a name, or with an unknown access, writing nothing', () => {
    const before = [count(workGroup), count(auditEvent)]
    expect(createGroup({ nameEn: ' ', nameAr: '', access: 'closed' }, coordinator)).toEqual({
      ok: false,
      error: 'titleOneLanguage',
    })
    expect(createGroup({ nameEn: 'X', access: 'secret' }, coordinator)).toEqual({ ok: false, error: 'invalidChoice' })
    expect(createGroup({ nameEn: 'x'.repeat(201), access: 'open' }, coordinator)).toEqual({
      ok: false,
      error: 'tooLong',
    })
    expect([count(workGroup), count(auditEvent)]).toEqual(before)
  })

  it('edits the name, purpose and access', () => {
    const g = makeGroup('closed')
    expect(updateGroup(g, { nameEn: 'Renamed', nameAr: '', purposeAr: 'غرض', access: 'open' }, coordinator).ok).toBe(
      true,
    )
    const after = getGroup(g.id)!
    expect([after.nameEn, after.nameAr, after.purposeAr, after.access]).toEqual(['Renamed', '', 'غرض', 'open'])
  })
})

describe('membership', () => {
  it('an open group takes a member at once; twice is refused', () => {
    const g = makeGroup('open')
    const m = addUser()
    expect(joinGroup(g, m)).toEqual({ ok: true, value: 'joined' })
    expect(membershipOf(g.id, m.id)).toEqual({ role: 'member', state: 'active' })
    expect(joinGroup(g, m)).toEqual({ ok: false, error: 'alreadyMember' })
    expect(leaveGroup(g, m).ok).toBe(true)
    expect(membershipOf(g.id, m.id)).toBeNull()
  })

  it('a closed group records a request; accepting it notifies the person once', () => {
    const g = makeGroup('closed')
    const m = addUser()
    expect(joinGroup(g, m)).toEqual({ ok: true, value: 'asked' })
    expect(joinGroup(g, m)).toEqual({ ok: false, error: 'alreadyAsked' })
    expect(membershipOf(g.id, m.id)?.state).toBe('pending')
    expect(decideRequest(g, m.id, true, coordinator)).toEqual({ ok: true, value: 'accepted' })
    expect(membershipOf(g.id, m.id)).toEqual({ role: 'member', state: 'active' })
    const rows = getDb().select().from(notification).where(eq(notification.userId, m.id)).all()
    expect(rows.map((r) => [r.kind, r.groupId, r.path])).toEqual([['membership', g.id, `/groups/${g.id}`]])
    // No request is left to decide: nothing more is written.
    const before = [count(groupMember), count(notification), count(auditEvent)]
    expect(decideRequest(g, m.id, false, coordinator)).toEqual({ ok: false, error: 'requestNotFound' })
    expect([count(groupMember), count(notification), count(auditEvent)]).toEqual(before)
  })

  it('a declined person may ask again', () => {
    const g = makeGroup('closed')
    const m = addUser()
    joinGroup(g, m)
    expect(decideRequest(g, m.id, false, coordinator)).toEqual({ ok: true, value: 'declined' })
    expect(membershipOf(g.id, m.id)?.state).toBe('declined')
    expect(joinGroup(g, m)).toEqual({ ok: true, value: 'asked' })
  })

  it('names a facilitator, who then runs the group; removes a member', () => {
    const g = makeGroup('open')
    const f = addUser()
    const m = addUser()
    joinGroup(g, f)
    joinGroup(g, m)
    expect(setMemberRole(g, f.id, 'facilitator', coordinator).ok).toBe(true)
    const overview = groupOverview(g, f, membershipOf(g.id, f.id))
    expect(overview.runs).toBe(true)
    expect(overview.facilitators.map((p) => p.userId)).toEqual([f.id])
    // A request to join now tells the facilitator.
    const closed = makeGroup('closed')
    joinGroup(closed, f)
    decideRequest(closed, f.id, true, coordinator)
    setMemberRole(closed, f.id, 'facilitator', coordinator)
    const asker = addUser()
    joinGroup(closed, asker)
    const told = getDb().select().from(notification).where(eq(notification.userId, f.id)).all()
    expect(told.map((r) => [r.kind, r.actorId, r.path])).toContainEqual([
      'membership',
      asker.id,
      `/groups/${closed.id}/members`,
    ])
    expect(removeMember(g, m.id, f).ok).toBe(true)
    expect(removeMember(g, m.id, f)).toEqual({ ok: false, error: 'memberNotFound' })
    expect(setMemberRole(g, m.id, 'facilitator', f)).toEqual({ ok: false, error: 'memberNotFound' })
  })
})

describe('listGroups / groupOverview', () => {
  it("lists the viewer's groups first", () => {
    const m = addUser()
    const a = makeGroup('open', 'Aaa first by name')
    const z = makeGroup('closed', 'Zzz last by name')
    joinGroup(z, m)
    decideRequest(z, m.id, true, coordinator)
    const ids = listGroups(m).map((g) => g.id)
    expect(ids[0]).toBe(z.id)
    expect(ids).toContain(a.id)
    expect(listGroups(m)[0]).toMatchObject({ myState: 'active', members: 1 })
  })

  it("shows a closed group's threads to its members and coordinators only", () => {
    const g = makeGroup('closed')
    const m = addUser()
    const outsider = addUser()
    joinGroup(g, m)
    decideRequest(g, m.id, true, coordinator)
    getDb().insert(groupThread).values({ groupId: g.id, title: 'Agenda for Niamey', authorId: m.id }).run()
    expect(groupOverview(g, m, membershipOf(g.id, m.id)).threads.map((t) => t.title)).toEqual(['Agenda for Niamey'])
    expect(groupOverview(g, coordinator, null).threads).toHaveLength(1)
    const seen = groupOverview(g, outsider, membershipOf(g.id, outsider.id))
    expect([seen.readsThreads, seen.threads.length, seen.runs, seen.pending]).toEqual([false, 0, false, 0])
    // An asked-but-not-accepted person sees none either.
    const asker = addUser()
    joinGroup(g, asker)
    expect(groupOverview(g, asker, membershipOf(g.id, asker.id)).threads).toEqual([])
    expect(
      getDb()
        .select()
        .from(groupMember)
        .where(and(eq(groupMember.groupId, g.id), eq(groupMember.state, 'pending')))
        .all(),
    ).toHaveLength(1)
  })
})
