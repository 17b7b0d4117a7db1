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
import { getDb, type Tx } from '~/utils/db.server'
import type { ProgrammeInput } from './schemas'

/** A stored comma-separated list as its known values, in the enum's order (anything else is dropped). */
function listOf<T extends string>(stored: string, known: readonly T[]): T[] {
  const values = new Set(stored.split(','))
  return known.filter((v) => values.has(v))
}

const columns = {
  id: programme.id,
  kind: programme.kind,
  titleEn: programme.titleEn,
  titleAr: programme.titleAr,
  summaryEn: programme.summaryEn,
  summaryAr: programme.summaryAr,
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

/** Adds a programme and its themes together: both or neither. */
export function createProgramme(input: ProgrammeInput, actorId: number | null) {
  return getDb().transaction((tx) => {
    const { id } = tx
      .insert(programme)
      .values({ ...toRow(input), createdById: actorId })
      .returning({ id: programme.id })
      .get()
    insertThemes(tx, id, input.themes)
    return { id }
  })
}

/** Saves a programme's fields and replaces its themes in one transaction; false when there is no such programme. */
export function updateProgramme(id: number, input: ProgrammeInput) {
  return getDb().transaction((tx) => {
    const updated = tx
      .update(programme)
      .set({ ...toRow(input), updatedAt: new Date() })
      .where(eq(programme.id, id))
      .returning({ id: programme.id })
      .all()
    if (updated.length === 0) return false
    tx.delete(programmeTheme).where(eq(programmeTheme.programmeId, id)).run()
    insertThemes(tx, id, input.themes)
    return true
  })
}

/**
 * Retires a programme (it leaves the catalogue, its requests stay) or brings it back. True when this changed
 * something, so a second click writes no second audit event.
 */
export function setProgrammeActive(id: number, active: boolean) {
  const changed = getDb()
    .update(programme)
    .set({ isActive: active, updatedAt: new Date() })
    .where(and(eq(programme.id, id), eq(programme.isActive, !active)))
    .returning({ id: programme.id })
    .all()
  return changed.length > 0
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
