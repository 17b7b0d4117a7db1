import { and, asc, eq, sql } from 'drizzle-orm'
import { memberGroups } from '#db/enums'
import { member, memberGroupMembership, parliament, user, type MemberGroup } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { pickLanguage } from '~/utils/bilingual'
import { getDb } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { atomically } from '~/utils/transaction.server'

/** Joins the women's or the young parliamentarians' group, with its audit row; false (nothing written) when already in it. */
export function joinGroup(userId: number, group: MemberGroup) {
  return atomically((tx) => {
    const result = tx.insert(memberGroupMembership).values({ userId, group }).onConflictDoNothing().run()
    if (result.changes === 0) return false
    recordAuditEvent({ actorId: userId, action: 'member_group.join', targetType: 'member_group', targetId: group }, tx)
    return true
  })
}

/** Leaves a group, with its audit row; false (nothing written) when not in it. */
export function leaveGroup(userId: number, group: MemberGroup) {
  return atomically((tx) => {
    const result = tx
      .delete(memberGroupMembership)
      .where(and(eq(memberGroupMembership.userId, userId), eq(memberGroupMembership.group, group)))
      .run()
    if (result.changes === 0) return false
    recordAuditEvent({ actorId: userId, action: 'member_group.leave', targetType: 'member_group', targetId: group }, tx)
    return true
  })
}

/** The groups a user has joined. */
export function groupsOf(userId: number): MemberGroup[] {
  return getDb()
    .select({ group: memberGroupMembership.group })
    .from(memberGroupMembership)
    .where(eq(memberGroupMembership.userId, userId))
    .orderBy(asc(memberGroupMembership.group))
    .all()
    .map((r) => r.group)
}

export type GroupMember = {
  userId: number
  /** The member profile's names when the account has a profile, else the account's name in both. */
  nameEn: string
  nameAr: string
  /** The member profile to link to, if any. */
  memberId: number | null
  parliamentNameEn: string | null
  parliamentNameAr: string | null
  joinedAt: Date
}

/**
 * Who is in a group (active accounts), by name in `lang`. For members only: the caller checks the viewer is
 * signed in. The parliament is the profile's, else the account's.
 */
export function listGroupMembers(group: MemberGroup, lang: Language = 'en'): GroupMember[] {
  const rows = getDb()
    .select({
      userId: user.id,
      userName: user.name,
      memberId: member.id,
      memberNameEn: member.nameEn,
      memberNameAr: member.nameAr,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      joinedAt: memberGroupMembership.joinedAt,
    })
    .from(memberGroupMembership)
    .innerJoin(user, eq(user.id, memberGroupMembership.userId))
    .leftJoin(member, eq(member.userId, user.id))
    .leftJoin(parliament, sql`${parliament.id} = coalesce(${member.parliamentId}, ${user.parliamentId})`)
    .where(and(eq(memberGroupMembership.group, group), eq(user.isActive, true)))
    .orderBy(asc(user.id))
    .all()
  const list = rows.map((r): GroupMember => {
    const hasNames = r.memberId !== null && Boolean(r.memberNameEn || r.memberNameAr)
    return {
      userId: r.userId,
      nameEn: hasNames ? r.memberNameEn! : r.userName,
      nameAr: hasNames ? r.memberNameAr! : r.userName,
      memberId: r.memberId,
      parliamentNameEn: r.parliamentNameEn,
      parliamentNameAr: r.parliamentNameAr,
      joinedAt: r.joinedAt,
    }
  })
  // Sorted here, with the language's collation, so the page never reorders what the server rendered.
  const collator = new Intl.Collator(lang)
  const nameIn = (m: GroupMember) => pickLanguage({ en: m.nameEn, ar: m.nameAr }, lang).text
  return list.sort((a, b) => collator.compare(nameIn(a), nameIn(b)))
}

/** What the space's page shows of a group member: no account id, only a key for the list. */
export type ShownGroupMember = Omit<GroupMember, 'userId'> & { key: number }

/**
 * The groups as a signed-in member sees them on the space's page: those they joined, and each group's members
 * by name in `lang`. Never for a visitor: the page holds no name from these lists then.
 */
export function listGroupsForMember(userId: number, lang: Language) {
  const shown = ({ userId: key, ...m }: GroupMember): ShownGroupMember => ({ key, ...m })
  return {
    mine: groupsOf(userId),
    lists: Object.fromEntries(memberGroups.map((g) => [g, listGroupMembers(g, lang).map(shown)])) as Record<
      MemberGroup,
      ShownGroupMember[]
    >,
  }
}
