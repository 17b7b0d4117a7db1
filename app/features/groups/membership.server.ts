// Who is in a working group (issue 17): joining an open group, asking to join a closed one, leaving; and, for those
// who run it, accepting or declining requests, naming facilitators and removing members. A decision on a request
// notifies the person (kind 'membership') in the same transaction; the caller mails after the commit.
import { and, eq } from 'drizzle-orm'
import { groupMember } from '#db/schema/index'
import { mailImmediately, notify } from '~/features/notifications'
import { recordAuditEvent } from '~/utils/audit.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically, type Tx } from '~/utils/transaction.server'
import type { GroupRow } from './access.server'
import type { GroupsError } from './errors'
import type { MembershipRole } from './vocabulary'

type Actor = { id: number }

function current(tx: Tx, groupId: number, userId: number) {
  return tx
    .select({ role: groupMember.role, state: groupMember.state })
    .from(groupMember)
    .where(and(eq(groupMember.groupId, groupId), eq(groupMember.userId, userId)))
    .get()
}

const audit = (tx: Tx, by: Actor, action: string, g: GroupRow, userId: number) =>
  recordAuditEvent({ actorId: by.id, action, targetType: 'work_group', targetId: g.id, details: { userId } }, tx)

/** An open group takes the member at once; a closed one records the request (asked again after a refusal). */
export function joinGroup(g: GroupRow, me: Actor): Result<'joined' | 'asked', GroupsError> {
  if (g.archivedAt) return fail('groupArchived')
  const done = atomically((tx) => {
    const was = current(tx, g.id, me.id)
    if (was?.state === 'active') return fail('alreadyMember')
    if (was?.state === 'pending') return fail('alreadyAsked')
    const state = g.access === 'open' ? ('active' as const) : ('pending' as const)
    const now = new Date()
    const decided = state === 'active' ? { decidedAt: now, decidedById: me.id } : { decidedAt: null, decidedById: null }
    tx.insert(groupMember)
      .values({ groupId: g.id, userId: me.id, state, role: 'member', requestedAt: now, ...decided })
      .onConflictDoUpdate({
        target: [groupMember.groupId, groupMember.userId],
        set: { state, role: 'member', requestedAt: now, ...decided },
      })
      .run()
    audit(tx, me, state === 'active' ? 'group.join' : 'group.ask', g, me.id)
    // A request waits for a decision: the group's facilitators are told (coordinators see it on the members page).
    const ids = state === 'pending' ? notify(tx, facilitatorsOf(tx, g.id), askedNotice(g, me.id)) : []
    return ok({ ids, outcome: state === 'active' ? ('joined' as const) : ('asked' as const) })
  })
  if (!done.ok) return done
  mailImmediately(done.value.ids)
  return ok(done.value.outcome)
}

function facilitatorsOf(tx: Tx, groupId: number) {
  return tx
    .select({ userId: groupMember.userId })
    .from(groupMember)
    .where(and(eq(groupMember.groupId, groupId), eq(groupMember.state, 'active'), eq(groupMember.role, 'facilitator')))
    .all()
    .map((r) => r.userId)
}

const askedNotice = (g: GroupRow, userId: number) => ({
  kind: 'membership' as const,
  actorId: userId,
  groupId: g.id,
  subjectType: 'work_group',
  subjectId: g.id,
  titleEn: `A request to join ${nameOf(g, 'en')}`,
  titleAr: `طلب انضمام إلى ${nameOf(g, 'ar')}`,
  path: `/groups/${g.id}/members`,
})

/** A member leaves (or withdraws a request); nothing to do for someone not in the group. */
export function leaveGroup(g: GroupRow, me: Actor): Result<undefined, GroupsError> {
  return atomically((tx) => {
    const was = current(tx, g.id, me.id)
    if (!was || was.state === 'declined') return fail('memberNotFound')
    tx.delete(groupMember)
      .where(and(eq(groupMember.groupId, g.id), eq(groupMember.userId, me.id)))
      .run()
    audit(tx, me, 'group.leave', g, me.id)
    return ok()
  })
}

const nameOf = (g: GroupRow, lang: 'en' | 'ar') => (lang === 'en' ? g.nameEn || g.nameAr : g.nameAr || g.nameEn)

/** Accepts or declines a pending request and tells the person; refused if there is no such request. */
export function decideRequest(
  g: GroupRow,
  userId: number,
  accept: boolean,
  by: Actor,
): Result<'accepted' | 'declined', GroupsError> {
  const done = atomically((tx) => {
    const was = current(tx, g.id, userId)
    if (was?.state !== 'pending') return fail('requestNotFound')
    tx.update(groupMember)
      .set({ state: accept ? 'active' : 'declined', decidedAt: new Date(), decidedById: by.id })
      .where(and(eq(groupMember.groupId, g.id), eq(groupMember.userId, userId)))
      .run()
    audit(tx, by, accept ? 'group.accept' : 'group.decline', g, userId)
    const ids = notify(tx, [userId], {
      kind: 'membership',
      actorId: by.id,
      groupId: g.id,
      subjectType: 'work_group',
      subjectId: g.id,
      titleEn: accept ? `Accepted into ${nameOf(g, 'en')}` : `Request to join ${nameOf(g, 'en')} declined`,
      titleAr: accept ? `قُبل انضمامك إلى ${nameOf(g, 'ar')}` : `رُفض طلب انضمامك إلى ${nameOf(g, 'ar')}`,
      path: `/groups/${g.id}`,
    })
    return ok({ ids, outcome: accept ? ('accepted' as const) : ('declined' as const) })
  })
  if (!done.ok) return done
  mailImmediately(done.value.ids)
  return ok(done.value.outcome)
}

/** Makes an active member a facilitator, or a facilitator a member again. */
export function setMemberRole(
  g: GroupRow,
  userId: number,
  role: MembershipRole,
  by: Actor,
): Result<undefined, GroupsError> {
  return atomically((tx) => {
    const was = current(tx, g.id, userId)
    if (was?.state !== 'active') return fail('memberNotFound')
    tx.update(groupMember)
      .set({ role })
      .where(and(eq(groupMember.groupId, g.id), eq(groupMember.userId, userId)))
      .run()
    audit(tx, by, role === 'facilitator' ? 'group.facilitator' : 'group.member', g, userId)
    return ok()
  })
}

/** Removes an active member from the group (they may ask again). */
export function removeMember(g: GroupRow, userId: number, by: Actor): Result<undefined, GroupsError> {
  return atomically((tx) => {
    const was = current(tx, g.id, userId)
    if (was?.state !== 'active') return fail('memberNotFound')
    tx.delete(groupMember)
      .where(and(eq(groupMember.groupId, g.id), eq(groupMember.userId, userId)))
      .run()
    audit(tx, by, 'group.remove', g, userId)
    return ok()
  })
}
