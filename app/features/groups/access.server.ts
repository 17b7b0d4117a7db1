// Who may see and do what in working groups (issue 17). A closed group's threads, posts and decisions are for its
// active members and coordinators only: every loader and action asks here first, and lists repeat the rule in SQL.
import { and, eq } from 'drizzle-orm'
import { groupMember, workGroup } from '#db/schema/index'
import type { Role } from '#db/enums'
import { hasRole } from '~/utils/auth.server'
import { getDb, type Tx } from '~/utils/db.server'
import type { GroupAccess, MembershipRole, MembershipState } from './vocabulary'

export type GroupViewer = { id: number; role: Role } | null
export type GroupRow = typeof workGroup.$inferSelect
export type Membership = { role: MembershipRole; state: MembershipState } | null

export function getGroup(id: number, db: Tx | ReturnType<typeof getDb> = getDb()): GroupRow | undefined {
  return db.select().from(workGroup).where(eq(workGroup.id, id)).get()
}

export function membershipOf(groupId: number, userId: number | null | undefined): Membership {
  if (!userId) return null
  return (
    getDb()
      .select({ role: groupMember.role, state: groupMember.state })
      .from(groupMember)
      .where(and(eq(groupMember.groupId, groupId), eq(groupMember.userId, userId)))
      .get() ?? null
  )
}

export const isCoordinator = (viewer: GroupViewer) => hasRole(viewer, 'coordinator')
export const isActiveMember = (m: Membership) => m?.state === 'active'
export const isFacilitator = (m: Membership) => m?.state === 'active' && m.role === 'facilitator'

/** The group's page (name, purpose, members): anyone signed in sees an open group; a closed one is listed too. */
export function canSeeGroup(_g: { access: GroupAccess }, viewer: GroupViewer) {
  return viewer !== null
}

/** Threads, posts, decisions: an open group's to everyone signed in; a closed group's to its members only. */
export function canReadThreads(g: { access: GroupAccess }, viewer: GroupViewer, m: Membership) {
  if (!viewer) return false
  return g.access === 'open' || isCoordinator(viewer) || isActiveMember(m)
}

/** Writing a thread or a post, taking a position: active members (coordinators too). */
export function canPost(viewer: GroupViewer, m: Membership) {
  return Boolean(viewer) && (isActiveMember(m) || isCoordinator(viewer))
}

/** Accepting members, linking records, recording a decision's outcome: the facilitator and coordinators. */
export function canRunGroup(viewer: GroupViewer, m: Membership) {
  return isCoordinator(viewer) || isFacilitator(m)
}

/** Creating groups, moderating posts: coordinators. */
export function canCreateGroups(viewer: GroupViewer) {
  return isCoordinator(viewer)
}
