import { asc, eq, sql } from 'drizzle-orm'
import { partner, partnerInitiative, partnerTheme } from '#db/schema/index'
import { partnerKinds, themes, type PartnerKind, type Theme } from '#db/enums'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, preparedQuery, type Tx } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'
import { atomically } from '~/utils/transaction.server'
import type { PartnerInput } from './schemas'

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

/** In the partners page's order: by kind (the enum's order), position, then name in `lang`. */
const pageOrder = (lang: Language) => [kindOrder, asc(partner.position), ...byName(lang), asc(partner.id)]

/** What names a partner wherever it is listed. */
const partnerNameColumns = {
  id: partner.id,
  kind: partner.kind,
  nameEn: partner.nameEn,
  nameAr: partner.nameAr,
  acronym: partner.acronym,
}

/** A partner with its focus: its columns, and its themes by one correlated subquery. */
function selectPartners() {
  return getDb()
    .select({
      ...partnerNameColumns,
      descriptionEn: partner.descriptionEn,
      descriptionAr: partner.descriptionAr,
      website: partner.website,
      position: partner.position,
      themes: themesOfPartner,
    })
    .from(partner)
}

/**
 * Every partner (or those with a focus), ordered by kind (the enum's order), position and name, each with its
 * themes, in one query: ready to be grouped by kind.
 */
export function listPartners({ theme, lang = 'en' }: { theme?: Theme; lang?: Language } = {}) {
  const where = theme
    ? sql`exists (select 1 from ${partnerTheme} where ${partnerTheme.partnerId} = ${partner.id} and ${partnerTheme.theme} = ${theme})`
    : undefined
  return selectPartners()
    .where(where)
    .orderBy(...pageOrder(lang))
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
  const row = selectPartners().where(eq(partner.id, id)).get()
  return row ? { ...row, themes: themeList(row.themes) } : undefined
}

export type PartnerDetail = NonNullable<ReturnType<typeof getPartner>>

/** The form's values of a stored partner (strings, as conform keeps them). */
export function partnerFormValues(p: PartnerDetail) {
  const { id: _id, website, themes: focus, position, ...texts } = p
  return { ...texts, website: website ?? '', themes: focus as string[], position: String(position) }
}

/** The partner's own columns of the form (its focus is stored apart). */
function columns({ themes: _themes, ...fields }: PartnerInput) {
  return fields
}

function replaceThemes(tx: Tx, partnerId: number, list: Theme[]) {
  tx.delete(partnerTheme).where(eq(partnerTheme.partnerId, partnerId)).run()
  if (list.length)
    tx.insert(partnerTheme)
      .values(list.map((theme) => ({ partnerId, theme })))
      .run()
}

type Actor = { id: number }

/** Adds a partner, its focus and its audit row (`partner.create`) together: all or nothing. */
export function createPartner(input: PartnerInput, actor: Actor) {
  return atomically((tx) => {
    const { id } = tx.insert(partner).values(columns(input)).returning({ id: partner.id }).get()
    replaceThemes(tx, id, input.themes)
    recordAuditEvent({ actorId: actor.id, action: 'partner.create', targetType: 'partner', targetId: id }, tx)
    return { id }
  })
}

/**
 * Saves a partner's fields, replaces its focus and records it (`partner.update`) in one transaction; false when
 * there is no such partner.
 */
export function updatePartner(id: number, input: PartnerInput, actor: Actor) {
  return atomically((tx) => {
    const changed = tx
      .update(partner)
      .set({ ...columns(input), updatedAt: new Date() })
      .where(eq(partner.id, id))
      .run().changes
    if (!changed) return false
    replaceThemes(tx, id, input.themes)
    recordAuditEvent({ actorId: actor.id, action: 'partner.update', targetType: 'partner', targetId: id }, tx)
    return true
  })
}

/** Removes a partner (its focus and links go with it, by cascade); false when there was none. */
export function deletePartner(id: number) {
  return getDb().delete(partner).where(eq(partner.id, id)).run().changes > 0
}

// Read by every meeting page: built once per language (the order follows the names in it).
const partnersOfMeeting = preparedQuery((db, lang: Language) =>
  db
    .select(partnerNameColumns)
    .from(partnerInitiative)
    .innerJoin(partner, eq(partner.id, partnerInitiative.partnerId))
    .where(eq(partnerInitiative.meetingId, sql.placeholder('meetingId')))
    .orderBy(...pageOrder(lang))
    .prepare(),
)

/** The partners taking part in a meeting (for the meeting's page), in the partners page's order. */
export function listPartnersOfMeeting(meetingId: number, lang: Language = 'en') {
  return partnersOfMeeting(lang).all({ meetingId })
}

/** Every partner's page (all are public), with when it last changed: the sitemap's entries. */
export function listPartnersForSitemap() {
  return getDb().select({ id: partner.id, updatedAt: partner.updatedAt }).from(partner).orderBy(asc(partner.id)).all()
}
