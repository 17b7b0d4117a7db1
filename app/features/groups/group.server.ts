// Working groups (issue 17): creating and editing them, the list (mine first), and a group's overview. Each change
// commits with its audit row in one transaction; a refusal writes nothing.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { groupMember, groupThread, user, workGroup } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { canReadThreads, canRunGroup, type GroupRow, type GroupViewer, type Membership } from './access.server'
import { asGroupsError, type GroupsError } from './errors'
import { GroupFormSchema } from './group-schemas'
import type { GroupAccess, MembershipRole, MembershipState } from './vocabulary'

export type GroupActor = { id: number }

/** A coordinator creates a group; nobody is in it yet (people join or ask, a coordinator names the facilitator). */
export function createGroup(raw: unknown, by: GroupActor): Result<{ id: number }, GroupsError> {
  const parsed = GroupFormSchema.safeParse(raw)
  if (!parsed.success) return fail(asGroupsError(parsed.error.issues[0]?.message))
  const id = atomically((tx) => {
    const row = tx
      .insert(workGroup)
      .values({ ...parsed.data, createdById: by.id })
      .returning({ id: workGroup.id })
      .get()
    recordAuditEvent({ actorId: by.id, action: 'group.create', targetType: 'work_group', targetId: row.id }, tx)
    return row.id
  })
  return ok({ id })
}

/** The group's name, purpose and access (a closed group made open keeps its pending requests for a decision). */
export function updateGroup(g: GroupRow, raw: unknown, by: GroupActor): Result<undefined, GroupsError> {
  if (g.archivedAt) return fail('groupArchived')
  const parsed = GroupFormSchema.safeParse(raw)
  if (!parsed.success) return fail(asGroupsError(parsed.error.issues[0]?.message))
  atomically((tx) => {
    tx.update(workGroup)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(workGroup.id, g.id))
      .run()
    recordAuditEvent({ actorId: by.id, action: 'group.update', targetType: 'work_group', targetId: g.id }, tx)
  })
  return ok()
}

export type GroupListItem = {
  id: number
  nameEn: string
  nameAr: string
  purposeEn: string
  purposeAr: string
  access: GroupAccess
  members: number
  myState: MembershipState | null
  myRole: MembershipRole | null
}

/** Every group that is not archived, with its active members' count; the viewer's own first, then by name. */
export function listGroups(viewer: { id: number }): GroupListItem[] {
  const mine = getDb()
    .select({ groupId: groupMember.groupId, state: groupMember.state, role: groupMember.role })
    .from(groupMember)
    .where(eq(groupMember.userId, viewer.id))
    .as('mine')
  const rows = getDb()
    .select({
      id: workGroup.id,
      nameEn: workGroup.nameEn,
      nameAr: workGroup.nameAr,
      purposeEn: workGroup.purposeEn,
      purposeAr: workGroup.purposeAr,
      access: workGroup.access,
      members: sql<number>`(SELECT count(*) FROM ${groupMember} m WHERE m.group_id = ${workGroup.id} AND m.state = 'active')`,
      myState: mine.state,
      myRole: mine.role,
    })
    .from(workGroup)
    .leftJoin(mine, eq(mine.groupId, workGroup.id))
    .where(isNull(workGroup.archivedAt))
    .orderBy(
      sql`CASE ${mine.state} WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END`,
      sql`lower(coalesce(nullif(${workGroup.nameEn}, ''), ${workGroup.nameAr}))`,
      asc(workGroup.id),
    )
    .all()
  return rows.map((r) => ({ ...r, myState: r.myState ?? null, myRole: r.myRole ?? null }))
}

export type GroupPerson = { userId: number; name: string; role: MembershipRole; state: MembershipState }

/** The people of a group in one state, facilitators first, then by name. */
export function listPeople(groupId: number, state: MembershipState): GroupPerson[] {
  return getDb()
    .select({ userId: groupMember.userId, name: user.name, role: groupMember.role, state: groupMember.state })
    .from(groupMember)
    .innerJoin(user, eq(user.id, groupMember.userId))
    .where(and(eq(groupMember.groupId, groupId), eq(groupMember.state, state)))
    .orderBy(sql`CASE ${groupMember.role} WHEN 'facilitator' THEN 0 ELSE 1 END`, asc(user.name))
    .all()
}

export type ThreadSummary = { id: number; title: string; lastPostAt: Date }

/**
 * What a group's overview shows the viewer: its active members (facilitators first), the requests waiting for a
 * decision to those who run it, and its threads only to those who may read them (a closed group's outsiders get none).
 */
export function groupOverview(g: GroupRow, viewer: NonNullable<GroupViewer>, m: Membership) {
  const members = listPeople(g.id, 'active')
  const runs = canRunGroup(viewer, m)
  const readsThreads = canReadThreads(g, viewer, m)
  const threads: ThreadSummary[] = readsThreads
    ? getDb()
        .select({ id: groupThread.id, title: groupThread.title, lastPostAt: groupThread.lastPostAt })
        .from(groupThread)
        .where(eq(groupThread.groupId, g.id))
        .orderBy(desc(groupThread.lastPostAt), desc(groupThread.id))
        .limit(50)
        .all()
    : []
  return {
    members,
    facilitators: members.filter((p) => p.role === 'facilitator'),
    pending: runs ? listPeople(g.id, 'pending').length : 0,
    runs,
    readsThreads,
    threads,
  }
}
