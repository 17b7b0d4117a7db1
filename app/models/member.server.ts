import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm'
import { member, parliament } from '#db/schema/index'
import { normalizeForSearch, searchTerms } from '~/utils/arabic'
import { getDb } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'

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

export const MEMBERS_PAGE_SIZE = 30

export type MemberQuery = {
  q: string
  parliament?: number
  position?: (typeof member.$inferSelect)['position']
  gender?: (typeof member.$inferSelect)['gender'] & string
  focal: boolean
  page: number
}

/** The members directory; visitors see public profiles only (in the WHERE clause, not by hiding rows). */
export function searchMembers(query: MemberQuery, signedIn: boolean, lang: Language) {
  const db = getDb()
  const where: (SQL | undefined)[] = searchTerms(query.q).map(
    (term) => sql`${member.searchText} LIKE ${`%${term}%`}`,
  )
  where.push(visibleTo(signedIn))
  if (query.parliament) where.push(eq(member.parliamentId, query.parliament))
  if (query.position) where.push(eq(member.position, query.position))
  if (query.gender) where.push(eq(member.gender, query.gender))
  if (query.focal) where.push(eq(member.isFocalPoint, true))
  const filter = and(...where)
  const name = sql`coalesce(nullif(${lang === 'ar' ? member.nameAr : member.nameEn}, ''), ${lang === 'ar' ? member.nameEn : member.nameAr})`
  const rows = db
    .select({
      id: member.id,
      nameEn: member.nameEn,
      nameAr: member.nameAr,
      position: member.position,
      isFocalPoint: member.isFocalPoint,
      parliamentId: parliament.id,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
    })
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(filter)
    .orderBy(asc(name), asc(member.id))
    .limit(MEMBERS_PAGE_SIZE)
    .offset((query.page - 1) * MEMBERS_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(member).where(filter).get()?.n ?? 0
  return { rows, total }
}

/** One profile as the viewer may see it: null when it does not exist or is members-only for a visitor. */
export function getMemberProfile(id: number, signedIn: boolean) {
  const row = getDb()
    .select({ member, parliamentNameEn: parliament.nameEn, parliamentNameAr: parliament.nameAr })
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(and(eq(member.id, id), visibleTo(signedIn)))
    .get()
  if (!row) return null
  const { birthYear: _private, searchText: _search, ...m } = row.member
  // Contact details are for signed-in users only: they never leave the server for a visitor.
  const contact = signedIn ? { email: m.email, phone: m.phone, website: m.website } : null
  return {
    ...m,
    email: undefined,
    phone: undefined,
    website: undefined,
    contact,
    parliamentNameEn: row.parliamentNameEn,
    parliamentNameAr: row.parliamentNameAr,
  }
}

export function getMemberForEdit(id: number) {
  return getDb().select().from(member).where(eq(member.id, id)).get()
}

export function getMemberByUserId(userId: number) {
  return getDb().select({ id: member.id }).from(member).where(eq(member.userId, userId)).get()
}

/** Coordinators edit any profile; a member edits the profile linked to their account. */
export function canEditMember(user: { id: number; role: string } | null, target: { userId: number | null }) {
  if (!user) return false
  return user.role === 'coordinator' || user.role === 'admin' || target.userId === user.id
}

export type MemberInput = {
  nameEn: string
  nameAr: string
  position: (typeof member.$inferInsert)['position']
  committees: string
  groupName?: string
  gender: (typeof member.$inferInsert)['gender']
  birthYear: number | null
  languages: string
  bioEn: string
  bioAr: string
  email: string | null
  phone: string | null
  website: string | null
  visibility: (typeof member.$inferInsert)['visibility']
}

export function memberSearchText(m: { nameEn: string; nameAr: string; groupName?: string }) {
  return normalizeForSearch([m.nameEn, m.nameAr, m.groupName ?? ''].join(' '))
}

export function updateMember(id: number, input: MemberInput & { parliamentId?: number; isFocalPoint?: boolean }) {
  getDb()
    .update(member)
    .set({ ...input, searchText: memberSearchText(input), updatedAt: new Date() })
    .where(eq(member.id, id))
    .run()
}

export function createMember(input: MemberInput & { parliamentId: number; isFocalPoint?: boolean; userId?: number | null }) {
  return getDb()
    .insert(member)
    .values({ ...input, searchText: memberSearchText(input) })
    .returning({ id: member.id })
    .get()
}
