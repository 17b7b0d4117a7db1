// Shared by the thread tests: people, a group and its members written straight into the test database.
import { sql } from 'drizzle-orm'
import { groupMember, user, workGroup } from '#db/schema/index'
import type { Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import type { GroupAccess, MembershipRole, MembershipState } from './vocabulary'

let people = 0
export function addPerson(name: string, role: Role = 'member') {
  people++
  return getDb()
    .insert(user)
    .values({ email: `threads${people}@example.org`, name, role, locale: 'en', passwordHash: 'x' })
    .returning({ id: user.id, name: user.name, role: user.role })
    .get()
}

export function addGroup(access: GroupAccess = 'closed') {
  return getDb()
    .insert(workGroup)
    .values({ nameEn: 'Sahel dialogue', nameAr: 'حوار الساحل', access })
    .returning({ id: workGroup.id, nameEn: workGroup.nameEn, nameAr: workGroup.nameAr })
    .get()
}

export function addMember(
  groupId: number,
  userId: number,
  role: MembershipRole = 'member',
  state: MembershipState = 'active',
) {
  getDb().insert(groupMember).values({ groupId, userId, role, state }).run()
}

const tables = [
  'group_thread',
  'group_post',
  'group_post_mention',
  'group_post_flag',
  'group_proposal',
  'group_position',
  'notification',
  'follow',
] as const

/** Row counts of every table a thread action may write. */
export function snapshot() {
  return Object.fromEntries(
    tables.map((t) => [t, getDb().get<{ n: number }>(sql.raw(`select count(*) as n from ${t}`)).n]),
  )
}
