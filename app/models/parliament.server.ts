import { asc, count, eq, sql } from 'drizzle-orm'
import { normalizeForSearch } from '~/utils/arabic'
import { parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'

export function countParliaments() {
  return getDb().select({ n: count() }).from(parliament).get()?.n ?? 0
}

/** Every parliament and assembly, sorted by its name in the viewer's language. */
export function listParliaments(lang: Language) {
  const name = lang === 'ar' ? parliament.nameAr : parliament.nameEn
  const other = lang === 'ar' ? parliament.nameEn : parliament.nameAr
  return getDb()
    .select({
      id: parliament.id,
      kind: parliament.kind,
      countryCode: parliament.countryCode,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      region: parliament.region,
      website: parliament.website,
      joinedAt: parliament.joinedAt,
    })
    .from(parliament)
    .orderBy(asc(sql`coalesce(nullif(${name}, ''), ${other})`))
    .all()
}

/** Choices for a form's "parliament" select. */
export function listParliamentOptions(lang: Language) {
  return listParliaments(lang).map((p) => ({ id: p.id, nameEn: p.nameEn, nameAr: p.nameAr }))
}

export function parliamentExists(id: number) {
  return Boolean(getDb().select({ id: parliament.id }).from(parliament).where(eq(parliament.id, id)).get())
}

export function getParliamentName(id: number) {
  return getDb()
    .select({ id: parliament.id, nameEn: parliament.nameEn, nameAr: parliament.nameAr })
    .from(parliament)
    .where(eq(parliament.id, id))
    .get()
}

/** What the directory searches: both names, folded (app/utils/arabic.ts). */
export function parliamentSearchText(p: { nameEn: string; nameAr: string; countryCode?: string | null }) {
  return normalizeForSearch([p.nameEn, p.nameAr, p.countryCode ?? ''].join(' '))
}

/** Fills the search text of rows written before it existed (or by SQL alone); cheap when none is missing. */
export function refreshParliamentSearchText() {
  const db = getDb()
  const stale = db
    .select({ id: parliament.id, nameEn: parliament.nameEn, nameAr: parliament.nameAr, countryCode: parliament.countryCode })
    .from(parliament)
    .where(eq(parliament.searchText, ''))
    .all()
  db.transaction((tx) => {
    for (const p of stale) {
      tx.update(parliament).set({ searchText: parliamentSearchText(p) }).where(eq(parliament.id, p.id)).run()
    }
  })
  return stale.length
}
