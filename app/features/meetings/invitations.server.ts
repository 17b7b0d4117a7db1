import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm'
import { meeting, meetingInvitation, meetingRegistration, parliament, user } from '#db/schema/index'
import type { RegistrationState } from '#db/enums'
import { getDb, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { siteBaseUrl } from '~/utils/links.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { MeetingsError } from './errors'
import { auditMeeting } from './meeting-audit.server'
import { sendParticipationMail } from './participation-mail.server'

/** Registrations that count as an answer that still stands (the member takes part or waits to). */
export const activeRegistrationStates = ['confirmed', 'pending', 'waitlisted'] as const satisfies RegistrationState[]

export type InviteeUser = { id: number; email: string; name: string; locale: 'en' | 'ar'; parliamentId: number | null }

const inviteeColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  parliamentId: user.parliamentId,
}

/** SQL: the user `user.id` is invited to the meeting, directly or through their parliament. */
function invitedUserSql(meetingId: number) {
  return sql`exists (select 1 from ${meetingInvitation} where ${meetingInvitation.meetingId} = ${meetingId} and (${meetingInvitation.userId} = ${user.id} or ${meetingInvitation.parliamentId} = ${user.parliamentId}))`
}

/** Every active account invited to the meeting (directly or through its parliament), each once, by name. */
export function listInviteeUsers(meetingId: number, db: Tx = getDb()): InviteeUser[] {
  return db
    .select(inviteeColumns)
    .from(user)
    .where(and(eq(user.isActive, true), invitedUserSql(meetingId)))
    .orderBy(asc(sql`lower(${user.name})`), asc(user.id))
    .all()
}

/** Whether this account is invited (itself or through its parliament). */
export function isInvited(meetingId: number, who: { id: number; parliamentId: number | null }, db: Tx = getDb()) {
  const target = who.parliamentId
    ? or(eq(meetingInvitation.userId, who.id), eq(meetingInvitation.parliamentId, who.parliamentId))
    : eq(meetingInvitation.userId, who.id)
  return Boolean(
    db
      .select({ id: meetingInvitation.id })
      .from(meetingInvitation)
      .where(and(eq(meetingInvitation.meetingId, meetingId), target))
      .get(),
  )
}

export type InvitationSummary = {
  id: number
  parliamentId: number | null
  userId: number | null
  /** The parliament's names, or the invited account's name and email. */
  nameEn: string
  nameAr: string
  email: string | null
  createdAt: Date
  invitees: number
  registered: number
  notAnswered: number
}

/**
 * The meeting's invitations with their figures: invitees (active accounts), registered (a standing
 * registration: confirmed, pending or waitlisted) and not answered (no registration at all).
 */
export function listInvitations(meetingId: number) {
  const db = getDb()
  const rows = db
    .select({
      id: meetingInvitation.id,
      parliamentId: meetingInvitation.parliamentId,
      userId: meetingInvitation.userId,
      createdAt: meetingInvitation.createdAt,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      userName: user.name,
      userEmail: user.email,
    })
    .from(meetingInvitation)
    .leftJoin(parliament, eq(parliament.id, meetingInvitation.parliamentId))
    .leftJoin(user, eq(user.id, meetingInvitation.userId))
    .where(eq(meetingInvitation.meetingId, meetingId))
    .orderBy(asc(meetingInvitation.id))
    .all()
  const invitees = listInviteeUsers(meetingId)
  const states = new Map(
    db
      .select({ userId: meetingRegistration.userId, state: meetingRegistration.state })
      .from(meetingRegistration)
      .where(eq(meetingRegistration.meetingId, meetingId))
      .all()
      .map((r) => [r.userId, r.state]),
  )
  const figures = (people: InviteeUser[]) => ({
    invitees: people.length,
    registered: people.filter((p) => (activeRegistrationStates as readonly string[]).includes(states.get(p.id) ?? ''))
      .length,
    notAnswered: people.filter((p) => !states.has(p.id)).length,
  })
  const invitations: InvitationSummary[] = rows.map((r) => ({
    id: r.id,
    parliamentId: r.parliamentId,
    userId: r.userId,
    nameEn: r.parliamentId ? (r.parliamentNameEn ?? '') : (r.userName ?? ''),
    nameAr: r.parliamentId ? (r.parliamentNameAr ?? '') : (r.userName ?? ''),
    email: r.userId ? (r.userEmail ?? null) : null,
    createdAt: r.createdAt,
    ...figures(invitees.filter((p) => (r.parliamentId ? p.parliamentId === r.parliamentId : p.id === r.userId))),
  }))
  return { invitations, totals: figures(invitees) }
}

export type InviteResult = Result<{ added: number; mailed: number }, Extract<MeetingsError, 'notFound' | 'closed'>>

/** Whether invitations can still be made: the meeting is neither cancelled nor held, and has not ended. */
export function isInvitationOpen(m: { state: string; endsAt: Date }, now = new Date()) {
  return m.state !== 'cancelled' && m.state !== 'completed' && m.endsAt > now
}

/** The users with a standing registration (confirmed, pending or waitlisted): they need no invitation mail. */
function standingRegistrants(db: Tx, meetingId: number) {
  return new Set(
    db
      .select({ userId: meetingRegistration.userId })
      .from(meetingRegistration)
      .where(
        and(
          eq(meetingRegistration.meetingId, meetingId),
          inArray(meetingRegistration.state, [...activeRegistrationStates]),
        ),
      )
      .all()
      .map((r) => r.userId),
  )
}

/** The ids among `ids` of rows that exist in `table` (active accounts only for users). */
function existingIds(tx: Tx, table: 'parliament' | 'user', ids: number[]) {
  if (!ids.length) return []
  const rows =
    table === 'parliament'
      ? tx.select({ id: parliament.id }).from(parliament).where(inArray(parliament.id, ids)).all()
      : tx
          .select({ id: user.id })
          .from(user)
          .where(and(inArray(user.id, ids), eq(user.isActive, true)))
          .all()
  return rows.map((r) => r.id)
}

/**
 * Invites parliaments (every active account of theirs) and member accounts. Invitations already made are
 * kept; unknown ids are ignored. Each NEW invitee of a published meeting gets the invitation mail in their
 * language; a draft's invitees get theirs when it is published (mailInvitees). The invitations, their audit row
 * and their mails commit together (the mails are delivered after the commit).
 */
export function inviteToMeeting(
  meetingId: number,
  targets: { parliamentIds: number[]; userIds: number[] },
  actor: { id: number },
  options: { baseUrl?: string; now?: Date } = {},
): InviteResult {
  const now = options.now ?? new Date()
  return atomically((tx) => {
    const m = tx.select().from(meeting).where(eq(meeting.id, meetingId)).get()
    if (!m) return fail('notFound')
    if (!isInvitationOpen(m, now)) return fail('closed')
    const parliamentIds = existingIds(tx, 'parliament', targets.parliamentIds)
    const userIds = existingIds(tx, 'user', targets.userIds)
    const before = new Set(listInviteeUsers(meetingId, tx).map((u) => u.id))
    const values = [
      ...parliamentIds.map((id) => ({ meetingId, parliamentId: id, userId: null, invitedById: actor.id })),
      ...userIds.map((id) => ({ meetingId, parliamentId: null, userId: id, invitedById: actor.id })),
    ]
    const added = values.length ? tx.insert(meetingInvitation).values(values).onConflictDoNothing().run().changes : 0
    const registered = standingRegistrants(tx, meetingId)
    const fresh = listInviteeUsers(meetingId, tx).filter((u) => !before.has(u.id) && !registered.has(u.id))
    auditMeeting(tx, actor.id, 'meeting.invite', meetingId, {
      parliamentIds,
      userIds,
      added,
      newInvitees: fresh.length,
    })
    let mailed = 0
    if (m.state === 'published') {
      for (const invitee of fresh) {
        sendParticipationMail(tx, 'invitation', invitee, m, options.baseUrl ?? siteBaseUrl())
        mailed++
      }
    }
    return ok({ added, mailed })
  })
}

/**
 * Sends the invitation mail to every invitee without a standing registration. For the lead's publish
 * action: invitations made while the meeting was a draft are mailed when it is published.
 */
export function mailInvitees(meetingId: number, options: { baseUrl?: string } = {}) {
  return atomically((tx) => {
    const m = tx.select().from(meeting).where(eq(meeting.id, meetingId)).get()
    if (!m || m.state !== 'published') return 0
    const registered = standingRegistrants(tx, meetingId)
    let mailed = 0
    for (const invitee of listInviteeUsers(meetingId, tx)) {
      if (registered.has(invitee.id)) continue
      sendParticipationMail(tx, 'invitation', invitee, m, options.baseUrl ?? siteBaseUrl())
      mailed++
    }
    return mailed
  })
}

/** Withdraws one invitation (registrations already made are kept); false when the meeting has no such one. */
export function uninvite(meetingId: number, invitationId: number, actor: { id: number }) {
  return atomically((tx) => {
    const removed = tx
      .delete(meetingInvitation)
      .where(and(eq(meetingInvitation.id, invitationId), eq(meetingInvitation.meetingId, meetingId)))
      .returning({ parliamentId: meetingInvitation.parliamentId, userId: meetingInvitation.userId })
      .get()
    if (!removed) return false
    auditMeeting(tx, actor.id, 'meeting.uninvite', meetingId, removed)
    return true
  })
}

/**
 * The parliaments a coordinator can invite: the network's own and any other that has accounts, with their
 * number of active accounts and whether they are already invited; sorted by name in the page's language.
 */
export function listInvitableParliaments(meetingId: number, lang: Language) {
  const name = lang === 'ar' ? parliament.nameAr : parliament.nameEn
  const other = lang === 'ar' ? parliament.nameEn : parliament.nameAr
  // Written out with aliases: drizzle leaves columns unqualified in a single-table select list.
  const accounts = sql<number>`(select count(*) from "user" as u where u."parliament_id" = "parliament"."id" and u."is_active" = 1)`
  const invitationId = sql<
    number | null
  >`(select mi."id" from "meeting_invitation" as mi where mi."meeting_id" = ${meetingId} and mi."parliament_id" = "parliament"."id")`
  return getDb()
    .select({
      id: parliament.id,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      kind: parliament.kind,
      accounts,
      invitationId,
    })
    .from(parliament)
    .where(or(isNotNull(parliament.joinedAt), sql`${accounts} > 0`))
    .orderBy(asc(sql`coalesce(nullif(${name}, ''), ${other})`))
    .all()
}

/** Active accounts whose name or email contains the text (at most `limit`), marked when invited directly. */
export function searchInvitableUsers(meetingId: number, text: string, limit = 20) {
  const q = text.trim().toLowerCase()
  if (q.length < 2) return []
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const invitationId = sql<
    number | null
  >`(select mi."id" from "meeting_invitation" as mi where mi."meeting_id" = ${meetingId} and mi."user_id" = "user"."id")`
  return getDb()
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      invitationId,
    })
    .from(user)
    .leftJoin(parliament, eq(parliament.id, user.parliamentId))
    .where(
      and(
        eq(user.isActive, true),
        or(sql`lower(${user.name}) like ${like} escape '\\'`, sql`${user.email} like ${like} escape '\\'`),
      ),
    )
    .orderBy(asc(sql`lower(${user.name})`), asc(user.id))
    .limit(limit)
    .all()
}
