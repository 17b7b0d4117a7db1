import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm'
import { member } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

/** IPU's cut-offs for "young" parliamentarians. */
export const youthCutoffs = [30, 40, 45] as const

/** What a viewer may see: visitors only public profiles, signed-in users all of them. */
function visibleTo(signedIn: boolean): SQL | undefined {
  return signedIn ? undefined : eq(member.visibility, 'public')
}

export function listParliamentMembers(parliamentId: number, signedIn: boolean) {
  return getDb()
    .select({
      id: member.id,
      nameEn: member.nameEn,
      nameAr: member.nameAr,
      position: member.position,
      isFocalPoint: member.isFocalPoint,
      visibility: member.visibility,
    })
    .from(member)
    .where(and(eq(member.parliamentId, parliamentId), visibleTo(signedIn)))
    .orderBy(asc(sql`coalesce(nullif(${member.nameEn}, ''), ${member.nameAr})`))
    .limit(500)
    .all()
}

/**
 * Women and young members among a parliament's members in the network (all profiles: the figures are
 * aggregates, no one is identified). Young = under 30, 40, 45 years in `year`.
 */
export function getMemberShares(parliamentId: number, year = new Date().getUTCFullYear()) {
  const row = getDb()
    .select({
      total: count(),
      women: sql<number>`sum(${member.gender} = 'female')`,
      withGender: sql<number>`sum(${member.gender} IS NOT NULL)`,
      withAge: sql<number>`sum(${member.birthYear} IS NOT NULL)`,
      under30: sql<number>`sum(${year} - ${member.birthYear} < 30)`,
      under40: sql<number>`sum(${year} - ${member.birthYear} < 40)`,
      under45: sql<number>`sum(${year} - ${member.birthYear} < 45)`,
    })
    .from(member)
    .where(eq(member.parliamentId, parliamentId))
    .get()
  return {
    total: row?.total ?? 0,
    women: row?.women ?? 0,
    withGender: row?.withGender ?? 0,
    withAge: row?.withAge ?? 0,
    under30: row?.under30 ?? 0,
    under40: row?.under40 ?? 0,
    under45: row?.under45 ?? 0,
  }
}
