import { and, asc, count, eq, isNotNull, ne, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { member, memberIdentifier, parliament } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { Actor } from './access.server'
import { parliamentExists } from './parliament.server'
import { everyTermIn } from './search-sql.server'

/** IPU's cut-offs for "young" parliamentarians. */
export const youthCutoffs = [30, 40, 45] as const

/** What a viewer may see: visitors only public profiles, signed-in users all of them. */
export function visibleTo(signedIn: boolean): SQL | undefined {
  return signedIn ? undefined : eq(member.visibility, 'public')
}

/** What a member's line in a list shows. */
const listedColumns = {
  id: member.id,
  nameEn: member.nameEn,
  nameAr: member.nameAr,
  position: member.position,
  isFocalPoint: member.isFocalPoint,
}

export function listParliamentMembers(parliamentId: number, signedIn: boolean) {
  return getDb()
    .select({ ...listedColumns, visibility: member.visibility })
    .from(member)
    .where(and(eq(member.parliamentId, parliamentId), visibleTo(signedIn)))
    .orderBy(asc(sql`coalesce(nullif(${member.nameEn}, ''), ${member.nameAr})`))
    .limit(500)
    .all()
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
  const where: (SQL | undefined)[] = everyTermIn(member.searchText, query.q)
  where.push(visibleTo(signedIn))
  if (query.parliament) where.push(eq(member.parliamentId, query.parliament))
  if (query.position) where.push(eq(member.position, query.position))
  if (query.gender) where.push(eq(member.gender, query.gender))
  if (query.focal) where.push(eq(member.isFocalPoint, true))
  const filter = and(...where)
  const name = sql`coalesce(nullif(${lang === 'ar' ? member.nameAr : member.nameEn}, ''), ${lang === 'ar' ? member.nameEn : member.nameAr})`
  const rows = db
    .select({
      ...listedColumns,
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

/**
 * One profile as the viewer may see it: null when it does not exist or is members-only for a visitor. `profile`
 * is what the page may send (named fields only: the account id, birth year and import keys never leave the
 * server); `userId` stays on the server, for deciding who may edit.
 */
export function getMemberProfile(id: number, signedIn: boolean) {
  const row = getDb()
    .select({
      id: member.id,
      userId: member.userId,
      parliamentId: member.parliamentId,
      nameEn: member.nameEn,
      nameAr: member.nameAr,
      position: member.position,
      committees: member.committees,
      groupName: member.groupName,
      languages: member.languages,
      photo: member.photo,
      bioEn: member.bioEn,
      bioAr: member.bioAr,
      email: member.email,
      phone: member.phone,
      website: member.website,
      visibility: member.visibility,
      isFocalPoint: member.isFocalPoint,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
    })
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(and(eq(member.id, id), visibleTo(signedIn)))
    .get()
  if (!row) return null
  const { userId, email, phone, website, ...profile } = row
  // Contact details are for signed-in users only: they never leave the server for a visitor.
  const contact = signedIn ? { email, phone, website } : null
  return { profile: { ...profile, contact }, userId }
}

export function getMemberForEdit(id: number) {
  return getDb().select().from(member).where(eq(member.id, id)).get()
}

export function getMemberByUserId(userId: number) {
  return getDb().select({ id: member.id }).from(member).where(eq(member.userId, userId)).get()
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

/**
 * Saves a profile and its audit row in one transaction. Moving it to another parliament takes its local
 * identifiers along; it is refused, nothing written, when that parliament does not exist ('invalidChoice') or one
 * of them already belongs to a member there ('identifierTaken'). Who may move it is the route's to decide.
 */
export function updateMember(
  id: number,
  input: MemberInput & { parliamentId?: number; isFocalPoint?: boolean },
  actor: Actor,
): Result<undefined, 'invalidChoice' | 'identifierTaken'> {
  return atomically((tx) => {
    if (input.parliamentId !== undefined) {
      if (!parliamentExists(input.parliamentId, tx)) return fail('invalidChoice')
      const other = alias(memberIdentifier, 'other')
      const taken = tx
        .select({ scheme: memberIdentifier.scheme })
        .from(memberIdentifier)
        .innerJoin(
          other,
          and(
            eq(other.scheme, memberIdentifier.scheme),
            eq(other.identifier, memberIdentifier.identifier),
            eq(other.scopeParliamentId, input.parliamentId),
            ne(other.memberId, id),
          ),
        )
        .where(and(eq(memberIdentifier.memberId, id), isNotNull(memberIdentifier.scopeParliamentId)))
        .get()
      if (taken) return fail('identifierTaken')
    }
    tx.update(member)
      .set({ ...input, searchText: memberSearchText(input), updatedAt: new Date() })
      .where(eq(member.id, id))
      .run()
    // A legislature's own identifiers are unique within the member's parliament: they move with the member.
    if (input.parliamentId !== undefined) {
      tx.update(memberIdentifier)
        .set({ scopeParliamentId: input.parliamentId })
        .where(and(eq(memberIdentifier.memberId, id), isNotNull(memberIdentifier.scopeParliamentId)))
        .run()
    }
    recordAuditEvent({ actorId: actor?.id ?? null, action: 'member.updated', targetType: 'member', targetId: id }, tx)
    return ok()
  })
}

/** Adds a profile and its audit row together; refused ('invalidChoice', nothing written) for a parliament that does not exist. */
export function createMember(
  input: MemberInput & { parliamentId: number; isFocalPoint?: boolean; userId?: number | null },
  actor: Actor,
): Result<{ id: number }, 'invalidChoice'> {
  return atomically((tx) => {
    if (!parliamentExists(input.parliamentId, tx)) return fail('invalidChoice')
    const created = tx
      .insert(member)
      .values({ ...input, searchText: memberSearchText(input) })
      .returning({ id: member.id })
      .get()
    recordAuditEvent(
      { actorId: actor?.id ?? null, action: 'member.created', targetType: 'member', targetId: created.id },
      tx,
    )
    return ok(created)
  })
}
