import { and, asc, desc, eq, gte, ne, notInArray, sql, type SQL } from 'drizzle-orm'
import { meeting, partner, partnerInitiative, partnerTheme, programme, resource } from '#db/schema/index'
import { partnerKinds, themes, type PartnerKind, type Theme } from '#db/enums'
import { listedMeetingsWhere, type MeetingViewer } from '~/features/meetings'
import { meetingCardColumns } from '~/features/meetings'
import { listedResourcesWhere } from '~/features/library'
import { hasRole } from '~/utils/auth.server'
import { getDb, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import type { InitiativeKind, PartnerInput } from './schemas'
import { resourceCardColumns } from '~/features/library'

/** Who is looking at a partner's initiatives: null for a visitor (meetings need the parliament too). */
export type PartnerViewer = MeetingViewer

/** group_concat's "women,youth" as themes in the enum's order (a stable order for the badges). */
function themeList(concatenated: string | null): Theme[] {
  if (!concatenated) return []
  const set = new Set(concatenated.split(','))
  return themes.filter((t) => set.has(t))
}

const themesOfPartner = sql<
  string | null
>`(select group_concat(${partnerTheme.theme}) from ${partnerTheme} where ${partnerTheme.partnerId} = ${partner.id})`

/** The kinds in the enum's order (UN entities first), for ORDER BY. */
const kindOrder = sql`case ${partner.kind} ${sql.join(
  partnerKinds.map((k, i) => sql`when ${k} then ${i}`),
  sql` `,
)} else ${partnerKinds.length} end`

/** Names in `lang` first, in their order, then those only named in the other language. */
function byName(lang: Language) {
  const [own, other] = lang === 'ar' ? [partner.nameAr, partner.nameEn] : [partner.nameEn, partner.nameAr]
  return [asc(sql`${own} = ''`), asc(sql`coalesce(nullif(${own}, ''), ${other})`)]
}

const partnerColumns = {
  id: partner.id,
  kind: partner.kind,
  nameEn: partner.nameEn,
  nameAr: partner.nameAr,
  acronym: partner.acronym,
  descriptionEn: partner.descriptionEn,
  descriptionAr: partner.descriptionAr,
  website: partner.website,
  position: partner.position,
}

/**
 * Every partner (or those with a focus), ordered by kind (the enum's order), position and name, each with its
 * themes, in one query: ready to be grouped by kind.
 */
export function listPartners({ theme, lang = 'en' }: { theme?: Theme; lang?: Language } = {}) {
  const where = theme
    ? sql`exists (select 1 from ${partnerTheme} where ${partnerTheme.partnerId} = ${partner.id} and ${partnerTheme.theme} = ${theme})`
    : undefined
  return getDb()
    .select({ ...partnerColumns, themes: themesOfPartner })
    .from(partner)
    .where(where)
    .orderBy(kindOrder, asc(partner.position), ...byName(lang), asc(partner.id))
    .all()
    .map((p) => ({ ...p, themes: themeList(p.themes) }))
}

export type PartnerListItem = ReturnType<typeof listPartners>[number]

/** Partners grouped by kind, in the enum's order; kinds without partners are left out. */
export function groupPartnersByKind<T extends { kind: PartnerKind }>(rows: T[]) {
  return partnerKinds
    .map((kind) => ({ kind, partners: rows.filter((p) => p.kind === kind) }))
    .filter((g) => g.partners.length > 0)
}

/** One partner with its themes, or undefined. */
export function getPartner(id: number) {
  const row = getDb()
    .select({ ...partnerColumns, themes: themesOfPartner })
    .from(partner)
    .where(eq(partner.id, id))
    .get()
  return row ? { ...row, themes: themeList(row.themes) } : undefined
}

export type PartnerDetail = NonNullable<ReturnType<typeof getPartner>>

/** The form's values of a stored partner (strings, as conform keeps them). */
export function partnerFormValues(p: PartnerDetail) {
  return {
    kind: p.kind,
    nameEn: p.nameEn,
    nameAr: p.nameAr,
    acronym: p.acronym,
    descriptionEn: p.descriptionEn,
    descriptionAr: p.descriptionAr,
    website: p.website ?? '',
    themes: p.themes as string[],
    position: String(p.position),
  }
}

function columns(input: PartnerInput) {
  return {
    kind: input.kind,
    nameEn: input.nameEn,
    nameAr: input.nameAr,
    acronym: input.acronym,
    descriptionEn: input.descriptionEn,
    descriptionAr: input.descriptionAr,
    website: input.website,
    position: input.position,
  }
}

function replaceThemes(tx: Tx, partnerId: number, list: Theme[]) {
  tx.delete(partnerTheme).where(eq(partnerTheme.partnerId, partnerId)).run()
  if (list.length)
    tx.insert(partnerTheme)
      .values(list.map((theme) => ({ partnerId, theme })))
      .run()
}

/** Adds a partner and its focus together: both or neither. */
export function createPartner(input: PartnerInput) {
  return getDb().transaction((tx) => {
    const { id } = tx.insert(partner).values(columns(input)).returning({ id: partner.id }).get()
    replaceThemes(tx, id, input.themes)
    return { id }
  })
}

/** Saves a partner's fields and replaces its focus in one transaction; false when there is no such partner. */
export function updatePartner(id: number, input: PartnerInput) {
  return getDb().transaction((tx) => {
    const changed = tx
      .update(partner)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(partner.id, id))
      .run().changes
    if (!changed) return false
    replaceThemes(tx, id, input.themes)
    return true
  })
}

/** Removes a partner (its focus and links go with it, by cascade); false when there was none. */
export function deletePartner(id: number) {
  return getDb().delete(partner).where(eq(partner.id, id)).run().changes > 0
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
    .select({
      id: programme.id,
      kind: programme.kind,
      titleEn: programme.titleEn,
      titleAr: programme.titleAr,
      summaryEn: programme.summaryEn,
      summaryAr: programme.summaryAr,
      isActive: programme.isActive,
      initiativeId: partnerInitiative.id,
    })
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

export type LinkResult = { ok: true; id: number } | { ok: false; reason: 'unknown' | 'unpublished' | 'duplicate' }

/**
 * Links a meeting, programme or resource to a partner. Refused when the partner or the target does not exist,
 * when a resource is not published (nobody would see it on the partner's page), or when it is linked already.
 */
export function linkInitiative(partnerId: number, target: InitiativeTarget): LinkResult {
  const db = getDb()
  return db.transaction((tx): LinkResult => {
    if (!tx.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId)).get())
      return { ok: false, reason: 'unknown' }
    let existing: SQL
    if ('meetingId' in target) {
      if (!tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, target.meetingId)).get())
        return { ok: false, reason: 'unknown' }
      existing = eq(partnerInitiative.meetingId, target.meetingId)
    } else if ('programmeId' in target) {
      if (!tx.select({ id: programme.id }).from(programme).where(eq(programme.id, target.programmeId)).get())
        return { ok: false, reason: 'unknown' }
      existing = eq(partnerInitiative.programmeId, target.programmeId)
    } else {
      const r = tx.select({ state: resource.state }).from(resource).where(eq(resource.id, target.resourceId)).get()
      if (!r) return { ok: false, reason: 'unknown' }
      if (r.state !== 'published') return { ok: false, reason: 'unpublished' }
      existing = eq(partnerInitiative.resourceId, target.resourceId)
    }
    if (
      tx
        .select({ id: partnerInitiative.id })
        .from(partnerInitiative)
        .where(and(eq(partnerInitiative.partnerId, partnerId), existing))
        .get()
    ) {
      return { ok: false, reason: 'duplicate' }
    }
    const { id } = tx
      .insert(partnerInitiative)
      .values({ partnerId, meetingId: null, programmeId: null, resourceId: null, ...target })
      .returning({ id: partnerInitiative.id })
      .get()
    return { ok: true, id }
  })
}

/** Removes one link of this partner; what it linked, or null when the partner has no such link. */
export function unlinkInitiative(partnerId: number, initiativeId: number) {
  const row = getDb()
    .delete(partnerInitiative)
    .where(and(eq(partnerInitiative.id, initiativeId), eq(partnerInitiative.partnerId, partnerId)))
    .returning({
      meetingId: partnerInitiative.meetingId,
      programmeId: partnerInitiative.programmeId,
      resourceId: partnerInitiative.resourceId,
    })
    .get()
  return row ?? null
}

const CHOICES = 100

/**
 * What a coordinator can link to a partner from selects: recent (last two years) and upcoming meetings that are
 * not cancelled, active programmes and published resources — newest first, those already linked left out.
 */
export function listInitiativeChoices(partnerId: number) {
  const db = getDb()
  const linked = db
    .select({
      meetingId: partnerInitiative.meetingId,
      programmeId: partnerInitiative.programmeId,
      resourceId: partnerInitiative.resourceId,
    })
    .from(partnerInitiative)
    .where(eq(partnerInitiative.partnerId, partnerId))
    .all()
  const ids = (key: 'meetingId' | 'programmeId' | 'resourceId') =>
    linked.map((l) => l[key]).filter((v): v is number => v != null)
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

/** The partners taking part in a meeting (for the meeting's page), in the partners page's order. */
export function listPartnersOfMeeting(meetingId: number, lang: Language = 'en') {
  return getDb()
    .select({
      id: partner.id,
      kind: partner.kind,
      nameEn: partner.nameEn,
      nameAr: partner.nameAr,
      acronym: partner.acronym,
    })
    .from(partnerInitiative)
    .innerJoin(partner, eq(partner.id, partnerInitiative.partnerId))
    .where(eq(partnerInitiative.meetingId, meetingId))
    .orderBy(kindOrder, asc(partner.position), ...byName(lang), asc(partner.id))
    .all()
}
