import { and, asc, desc, eq, gte, ne, notInArray, type SQL } from 'drizzle-orm'
import { meeting, partner, partnerInitiative, programme, resource } from '#db/schema/index'
import { listedResourcesWhere, resourceCardColumns } from '~/features/library'
import { listedMeetingsWhere, meetingCardColumns, type MeetingViewer } from '~/features/meetings'
import { programmeCardColumns } from '~/features/programmes'
import { recordAuditEvent } from '~/utils/audit.server'
import { hasRole } from '~/utils/auth.server'
import { getDb, type Tx } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { PartnersError } from './errors'
import type { InitiativeKind } from './schemas'

// A partner's joint initiatives: the meetings, programmes and resources linked to it (partner_initiative rows).

/** Who is looking at a partner's initiatives: null for a visitor (meetings need the parliament too). */
export type PartnerViewer = MeetingViewer

/** What a link points to: exactly one of the three is set. */
const targetColumns = {
  meetingId: partnerInitiative.meetingId,
  programmeId: partnerInitiative.programmeId,
  resourceId: partnerInitiative.resourceId,
}

/**
 * A partner's joint initiatives as this viewer may see them, each with the id of its link (for unlinking):
 * meetings the viewer could list (listedMeetingsWhere), newest first; programmes of the catalogue (retired
 * ones for coordinators only); resources the viewer could list (listedResourcesWhere), newest first.
 * Three queries whatever their number.
 */
export function listPartnerInitiatives(partnerId: number, viewer: PartnerViewer) {
  const db = getDb()
  const linkOf = eq(partnerInitiative.partnerId, partnerId)
  const meetings = db
    .select({ ...meetingCardColumns, initiativeId: partnerInitiative.id })
    .from(partnerInitiative)
    .innerJoin(meeting, eq(meeting.id, partnerInitiative.meetingId))
    .where(and(linkOf, listedMeetingsWhere(viewer)))
    .orderBy(desc(meeting.startsAt), desc(meeting.id))
    .all()
  const programmes = db
    .select({ ...programmeCardColumns, isActive: programme.isActive, initiativeId: partnerInitiative.id })
    .from(partnerInitiative)
    .innerJoin(programme, eq(programme.id, partnerInitiative.programmeId))
    .where(hasRole(viewer, 'coordinator') ? linkOf : and(linkOf, eq(programme.isActive, true)))
    .orderBy(asc(programme.position), asc(programme.id))
    .all()
  const resources = db
    .select({ ...resourceCardColumns, initiativeId: partnerInitiative.id })
    .from(partnerInitiative)
    .innerJoin(resource, eq(resource.id, partnerInitiative.resourceId))
    .where(and(linkOf, listedResourcesWhere(viewer)))
    .orderBy(desc(resource.publishedAt), desc(resource.id))
    .all()
  return { meetings, programmes, resources }
}

export type InitiativeTarget = { meetingId: number } | { programmeId: number } | { resourceId: number }

/** The kind and id of a target, whichever key it has. */
export function initiativeTarget(kind: InitiativeKind, id: number): InitiativeTarget {
  return kind === 'meeting' ? { meetingId: id } : kind === 'programme' ? { programmeId: id } : { resourceId: id }
}

/** What the audit row of a link says it linked: `{ meeting: 12 }`, `{ programme: 3 }` or `{ resource: 5 }`. */
function auditDetails(target: Partial<Record<keyof typeof targetColumns, number | null>>) {
  if (target.meetingId) return { meeting: target.meetingId }
  if (target.programmeId) return { programme: target.programmeId }
  return { resource: target.resourceId }
}

/** Why a target cannot be linked to this partner, or null when it can. */
function refusal(tx: Tx, partnerId: number, target: InitiativeTarget): PartnersError | null {
  if (!tx.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId)).get()) return 'unknown'
  let existing: SQL
  if ('meetingId' in target) {
    if (!tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, target.meetingId)).get()) return 'unknown'
    existing = eq(partnerInitiative.meetingId, target.meetingId)
  } else if ('programmeId' in target) {
    if (!tx.select({ id: programme.id }).from(programme).where(eq(programme.id, target.programmeId)).get())
      return 'unknown'
    existing = eq(partnerInitiative.programmeId, target.programmeId)
  } else {
    const r = tx.select({ state: resource.state }).from(resource).where(eq(resource.id, target.resourceId)).get()
    if (!r) return 'unknown'
    if (r.state !== 'published') return 'unpublished'
    existing = eq(partnerInitiative.resourceId, target.resourceId)
  }
  const linked = tx
    .select({ id: partnerInitiative.id })
    .from(partnerInitiative)
    .where(and(eq(partnerInitiative.partnerId, partnerId), existing))
    .get()
  return linked ? 'duplicate' : null
}

/**
 * Links a meeting, programme or resource to a partner, with its audit row (`partner.initiative_link`), in one
 * transaction. Refused when the partner or the target does not exist, when a resource is not published (nobody
 * would see it on the partner's page), or when it is linked already; then nothing is written.
 */
export function linkInitiative(
  partnerId: number,
  target: InitiativeTarget,
  actor: { id: number },
): Result<{ id: number }, PartnersError> {
  return atomically((tx) => {
    const refused = refusal(tx, partnerId, target)
    if (refused) return fail(refused)
    const { id } = tx
      .insert(partnerInitiative)
      .values({ partnerId, meetingId: null, programmeId: null, resourceId: null, ...target })
      .returning({ id: partnerInitiative.id })
      .get()
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'partner.initiative_link',
        targetType: 'partner',
        targetId: partnerId,
        details: auditDetails(target),
      },
      tx,
    )
    return ok({ id })
  })
}

/**
 * Removes one link of this partner, with its audit row (`partner.initiative_unlink`); what it linked, or null
 * (nothing written) when the partner has no such link.
 */
export function unlinkInitiative(partnerId: number, initiativeId: number, actor: { id: number }) {
  return atomically((tx) => {
    const row = tx
      .delete(partnerInitiative)
      .where(and(eq(partnerInitiative.id, initiativeId), eq(partnerInitiative.partnerId, partnerId)))
      .returning(targetColumns)
      .get()
    if (!row) return null
    recordAuditEvent(
      {
        actorId: actor.id,
        action: 'partner.initiative_unlink',
        targetType: 'partner',
        targetId: partnerId,
        details: auditDetails(row),
      },
      tx,
    )
    return row
  })
}

const CHOICES = 100

/**
 * What a coordinator can link to a partner from selects: recent (last two years) and upcoming meetings that are
 * not cancelled, active programmes and published resources — newest first, those already linked left out.
 */
export function listInitiativeChoices(partnerId: number) {
  const db = getDb()
  const linked = db
    .select(targetColumns)
    .from(partnerInitiative)
    .where(eq(partnerInitiative.partnerId, partnerId))
    .all()
  const ids = (key: keyof typeof targetColumns) => linked.map((l) => l[key]).filter((v): v is number => v != null)
  const notIn = (column: typeof meeting.id | typeof programme.id | typeof resource.id, list: number[]) =>
    list.length ? notInArray(column, list) : undefined
  const since = new Date(Date.now() - 2 * 365 * 86_400_000)
  return {
    meetings: db
      .select({
        id: meeting.id,
        titleEn: meeting.titleEn,
        titleAr: meeting.titleAr,
        startsAt: meeting.startsAt,
        timeZone: meeting.timeZone,
        state: meeting.state,
      })
      .from(meeting)
      .where(and(ne(meeting.state, 'cancelled'), gte(meeting.endsAt, since), notIn(meeting.id, ids('meetingId'))))
      .orderBy(desc(meeting.startsAt), desc(meeting.id))
      .limit(CHOICES)
      .all(),
    programmes: db
      .select({ id: programme.id, titleEn: programme.titleEn, titleAr: programme.titleAr })
      .from(programme)
      .where(and(eq(programme.isActive, true), notIn(programme.id, ids('programmeId'))))
      .orderBy(asc(programme.position), asc(programme.id))
      .limit(CHOICES)
      .all(),
    resources: db
      .select({
        id: resource.id,
        titleEn: resource.titleEn,
        titleAr: resource.titleAr,
        publishedOn: resource.publishedOn,
      })
      .from(resource)
      .where(and(eq(resource.state, 'published'), notIn(resource.id, ids('resourceId'))))
      .orderBy(desc(resource.publishedAt), desc(resource.id))
      .limit(CHOICES)
      .all(),
  }
}
