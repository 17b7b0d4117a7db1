import { asc, desc, eq, sql } from 'drizzle-orm'
import { mechanism, mechanismPillar } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

/** A parliament's mechanisms, newest first, each with its pillars (one query, grouped). */
export function listParliamentMechanisms(parliamentId: number) {
  return getDb()
    .select({
      id: mechanism.id,
      kind: mechanism.kind,
      nameEn: mechanism.nameEn,
      nameAr: mechanism.nameAr,
      descriptionEn: mechanism.descriptionEn,
      descriptionAr: mechanism.descriptionAr,
      year: mechanism.year,
      url: mechanism.url,
      pillars: sql<string | null>`group_concat(${mechanismPillar.pillar})`,
    })
    .from(mechanism)
    .leftJoin(mechanismPillar, eq(mechanismPillar.mechanismId, mechanism.id))
    .where(eq(mechanism.parliamentId, parliamentId))
    .groupBy(mechanism.id)
    .orderBy(desc(mechanism.year), asc(mechanism.id))
    .all()
    .map((m) => ({ ...m, pillars: m.pillars ? m.pillars.split(',').map(Number).sort() : [] }))
}
