import { and, asc, eq, inArray } from 'drizzle-orm'
import { partner, partnerInitiative, programme, programmeTheme } from '#db/schema/index'
import {
  contentLanguages,
  deliveryFormats,
  themes as themeOrder,
  type ContentLanguage,
  type DeliveryFormat,
  type Theme,
} from '#db/enums'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import type { ProgrammeInput } from './schemas'

/** A stored comma-separated list as its known values, in the enum's order (anything else is dropped). */
function listOf<T extends string>(stored: string, known: readonly T[]): T[] {
  const values = new Set(stored.split(','))
  return known.filter((v) => values.has(v))
}

/** What a card or a list item of a programme shows (other features select these for their lists). */
export const programmeCardColumns = {
  id: programme.id,
  kind: programme.kind,
  titleEn: programme.titleEn,
  titleAr: programme.titleAr,
  summaryEn: programme.summaryEn,
  summaryAr: programme.summaryAr,
}

const columns = {
  ...programmeCardColumns,
  descriptionEn: programme.descriptionEn,
  descriptionAr: programme.descriptionAr,
  audienceEn: programme.audienceEn,
  audienceAr: programme.audienceAr,
  formats: programme.formats,
  languages: programme.languages,
  isActive: programme.isActive,
  position: programme.position,
}

type Row = Pick<typeof programme.$inferSelect, keyof typeof columns>

function withLists(row: Row, themes: Theme[]) {
  return {
    ...row,
    formats: listOf<DeliveryFormat>(row.formats, deliveryFormats),
    languages: listOf<ContentLanguage>(row.languages, contentLanguages),
    themes,
  }
}

export type Programme = ReturnType<typeof withLists>

/** The themes of these programmes, by programme: one query whatever their number. */
function themesOf(ids: number[]) {
  const byProgramme = new Map<number, Theme[]>()
  if (ids.length === 0) return byProgramme
  const rows = getDb()
    .select({ programmeId: programmeTheme.programmeId, theme: programmeTheme.theme })
    .from(programmeTheme)
    .where(inArray(programmeTheme.programmeId, ids))
    .all()
  for (const r of rows) {
    const list = byProgramme.get(r.programmeId) ?? []
    list.push(r.theme)
    byProgramme.set(r.programmeId, list)
  }
  // In the enum's order, as the form lists them.
  for (const list of byProgramme.values()) list.sort((a, b) => themeOrder.indexOf(a) - themeOrder.indexOf(b))
  return byProgramme
}

/**
 * The catalogue, in the coordinators' order (position, then id), each programme with its themes: two
 * queries, one per table. Retired programmes only with `includeRetired` (for coordinators).
 */
export function listProgrammes({ includeRetired = false }: { includeRetired?: boolean } = {}) {
  const rows = getDb()
    .select(columns)
    .from(programme)
    .where(includeRetired ? undefined : eq(programme.isActive, true))
    .orderBy(asc(programme.position), asc(programme.id))
    .all()
  const themes = themesOf(rows.map((r) => r.id))
  return rows.map((r) => withLists(r, themes.get(r.id) ?? []))
}

/** One programme with its themes, retired or not (the route decides who may see a retired one). */
export function getProgramme(id: number) {
  const row = getDb().select(columns).from(programme).where(eq(programme.id, id)).get()
  return row ? withLists(row, themesOf([row.id]).get(row.id) ?? []) : undefined
}

function toRow(input: ProgrammeInput) {
  // The form requires both; refusing here too keeps scripts from storing a programme nobody can take part in.
  if (input.formats.length === 0 || input.languages.length === 0) {
    throw new Error('A programme needs at least one format and one language.')
  }
  return {
    kind: input.kind,
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    summaryEn: input.summaryEn,
    summaryAr: input.summaryAr,
    descriptionEn: input.descriptionEn,
    descriptionAr: input.descriptionAr,
    audienceEn: input.audienceEn,
    audienceAr: input.audienceAr,
    formats: input.formats.join(','),
    languages: input.languages.join(','),
    position: input.position,
  }
}

function insertThemes(tx: Tx, programmeId: number, themes: readonly Theme[]) {
  const unique = [...new Set(themes)]
  if (unique.length)
    tx.insert(programmeTheme)
      .values(unique.map((theme) => ({ programmeId, theme })))
      .run()
}

type Actor = { id: number }

/** Adds a programme, its themes and its audit row together: all or nothing. */
export function createProgramme(input: ProgrammeInput, actor: Actor) {
  return atomically((tx) => {
    const { id } = tx
      .insert(programme)
      .values({ ...toRow(input), createdById: actor.id })
      .returning({ id: programme.id })
      .get()
    insertThemes(tx, id, input.themes)
    const details = { title: input.titleEn || input.titleAr, kind: input.kind }
    recordAuditEvent(
      { actorId: actor.id, action: 'programme.create', targetType: 'programme', targetId: id, details },
      tx,
    )
    return { id }
  })
}

/**
 * Saves a programme's fields, replaces its themes and records it, in one transaction; false when there is no such
 * programme.
 */
export function updateProgramme(id: number, input: ProgrammeInput, actor: Actor) {
  return atomically((tx) => {
    const updated = tx
      .update(programme)
      .set({ ...toRow(input), updatedAt: new Date() })
      .where(eq(programme.id, id))
      .returning({ id: programme.id })
      .all()
    if (updated.length === 0) return false
    tx.delete(programmeTheme).where(eq(programmeTheme.programmeId, id)).run()
    insertThemes(tx, id, input.themes)
    recordAuditEvent({ actorId: actor.id, action: 'programme.update', targetType: 'programme', targetId: id }, tx)
    return true
  })
}

/**
 * Retires a programme (it leaves the catalogue, its requests stay) or brings it back, with its audit row
 * (`programme.retire`, `programme.reactivate`). True when this changed something: a second click (or a replayed
 * form) writes nothing.
 */
export function setProgrammeActive(id: number, active: boolean, actor: Actor) {
  return atomically((tx) => {
    const changed = tx
      .update(programme)
      .set({ isActive: active, updatedAt: new Date() })
      .where(and(eq(programme.id, id), eq(programme.isActive, !active)))
      .returning({ id: programme.id })
      .all()
    if (changed.length === 0) return false
    const action = `programme.${active ? 'reactivate' : 'retire'}`
    recordAuditEvent({ actorId: actor.id, action, targetType: 'programme', targetId: id }, tx)
    return true
  })
}

/** The form's values of a stored programme (strings and lists, as conform keeps them). */
export function programmeFormValues(p: Programme) {
  const { id: _id, isActive: _isActive, position, ...fields } = p
  return { ...fields, position: String(position) }
}

/** The active programmes as choices for a select (the request form), in the catalogue's order. */
export function programmeOptions() {
  return getDb()
    .select({ id: programme.id, kind: programme.kind, titleEn: programme.titleEn, titleAr: programme.titleAr })
    .from(programme)
    .where(eq(programme.isActive, true))
    .orderBy(asc(programme.position), asc(programme.id))
    .all()
}

/** The partners with a joint initiative on this programme, in the partners page's order. */
export function listProgrammePartners(programmeId: number) {
  return getDb()
    .select({ id: partner.id, nameEn: partner.nameEn, nameAr: partner.nameAr, acronym: partner.acronym })
    .from(partnerInitiative)
    .innerJoin(partner, eq(partner.id, partnerInitiative.partnerId))
    .where(eq(partnerInitiative.programmeId, programmeId))
    .orderBy(asc(partner.position), asc(partner.id))
    .all()
}

/** The programmes of the catalogue (a retired one is a 404 to visitors), with when each last changed: the sitemap's. */
export function listProgrammesForSitemap() {
  return getDb()
    .select({ id: programme.id, updatedAt: programme.updatedAt })
    .from(programme)
    .where(eq(programme.isActive, true))
    .orderBy(asc(programme.id))
    .all()
}
