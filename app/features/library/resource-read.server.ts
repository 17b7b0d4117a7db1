// Reading resources: one resource with everything its page shows (and its form's values), and the lists (a user's
// own, the review queue, the cards of the home page and of a parliament's page).
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { parliament, resource, resourceFile, resourceParliament, user } from '#db/schema/index'
import { listedResourcesWhere, listedResourcesWhereFor, listingShape, type Viewer } from './access.server'
import { getDb, preparedQuery } from '~/utils/db.server'
import { fileSummaryColumns } from './resource-file.server'
import { readTaxonomies } from './taxonomy.server'

/** The resource with everything its page shows, or undefined. */
export function getResource(id: number) {
  const db = getDb()
  const row = db
    .select({ resource, authorName: user.name, authorLocale: user.locale, authorEmail: user.email })
    .from(resource)
    .leftJoin(user, eq(user.id, resource.authorId))
    .where(eq(resource.id, id))
    .get()
  if (!row) return undefined
  const files = db
    .select(fileSummaryColumns)
    .from(resourceFile)
    .where(eq(resourceFile.resourceId, id))
    .orderBy(asc(resourceFile.position), asc(resourceFile.id))
    .all()
  return {
    ...row.resource,
    author: row.resource.authorId
      ? {
          id: row.resource.authorId,
          name: row.authorName ?? '',
          locale: row.authorLocale ?? 'en',
          email: row.authorEmail ?? '',
        }
      : null,
    ...readTaxonomies(id),
    files,
  }
}
export type ResourceDetail = NonNullable<ReturnType<typeof getResource>>

/** The form's values for an existing resource (strings, as the form holds them). */
export function resourceFormValues(r: ResourceDetail) {
  return {
    type: r.type,
    titleEn: r.titleEn,
    titleAr: r.titleAr,
    summaryEn: r.summaryEn,
    summaryAr: r.summaryAr,
    transcriptEn: r.transcriptEn,
    transcriptAr: r.transcriptAr,
    publisher: r.publisher,
    authors: r.authors,
    tags: r.tags,
    publishedOn: r.publishedOn ?? '',
    region: r.region ?? '',
    countries: r.countries,
    parliamentIds: r.parliaments.map((p) => String(p.id)),
    pillars: r.pillars.map(String),
    resolutions: r.resolutions,
    themes: r.themes,
    languages: r.languages,
    licence: r.licence,
    visibility: r.visibility,
    externalUrl: r.externalUrl ?? '',
  }
}

/** The columns every row of a ResourceTable shows (a user's own resources, the review queue). */
const tableColumns = {
  id: resource.id,
  type: resource.type,
  titleEn: resource.titleEn,
  titleAr: resource.titleAr,
  visibility: resource.visibility,
}

/** A user's own resources, newest first, with their state. */
export function listAuthoredResources(authorId: number) {
  return getDb()
    .select({
      ...tableColumns,
      state: resource.state,
      returnReason: resource.returnReason,
      updatedAt: resource.updatedAt,
    })
    .from(resource)
    .where(eq(resource.authorId, authorId))
    .orderBy(desc(resource.updatedAt), desc(resource.id))
    .all()
}

/** What waits for a coordinator: submitted resources, oldest first. */
export function listResourcesToReview() {
  return getDb()
    .select({
      ...tableColumns,
      submittedAt: resource.submittedAt,
      authorName: user.name,
    })
    .from(resource)
    .leftJoin(user, eq(user.id, resource.authorId))
    .where(eq(resource.state, 'submitted'))
    .orderBy(asc(resource.submittedAt), asc(resource.id))
    .all()
}

/** The columns a ResourceCard shows: every list of resources selects these. */
export const resourceCardColumns = {
  id: resource.id,
  type: resource.type,
  titleEn: resource.titleEn,
  titleAr: resource.titleAr,
  summaryEn: resource.summaryEn,
  summaryAr: resource.summaryAr,
  publishedOn: resource.publishedOn,
  publishedAt: resource.publishedAt,
  visibility: resource.visibility,
}

/** The latest published resources the viewer may see (the home page). */
export function listLatestResources(viewer: Viewer, limit = 6) {
  return latestResources(listingShape(viewer)).all({ limit })
}

// The home page's reads, built once (per kind of viewer).
const latestResources = preparedQuery((db, shape: ReturnType<typeof listingShape>) =>
  db
    .select(resourceCardColumns)
    .from(resource)
    .where(listedResourcesWhereFor(shape))
    .orderBy(desc(resource.publishedAt), desc(resource.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
)
const publicResourceCount = preparedQuery((db) =>
  db.select({ n: count() }).from(resource).where(listedResourcesWhereFor('visitor')).prepare(),
)

/** Published resources related to a parliament that the viewer may see, newest first (its page). */
export function listParliamentResources(parliamentId: number, viewer: Viewer, limit = 6) {
  return getDb()
    .select(resourceCardColumns)
    .from(resourceParliament)
    .innerJoin(resource, eq(resource.id, resourceParliament.resourceId))
    .where(and(eq(resourceParliament.parliamentId, parliamentId), listedResourcesWhere(viewer)))
    .orderBy(desc(resource.publishedAt), desc(resource.id))
    .limit(limit)
    .all()
}

/** Which of these parliament ids exist (a forged id is dropped by the caller's validation). */
export function existingParliamentIds(ids: number[]) {
  if (!ids.length) return []
  return getDb()
    .select({ id: parliament.id })
    .from(parliament)
    .where(inArray(parliament.id, ids))
    .all()
    .map((r) => r.id)
}

/** The published resources everyone may see (the home page's count). */
export function countPublicResources() {
  return publicResourceCount().get()?.n ?? 0
}

/** A slice (by id) of the published resources everyone may see, with when each last changed: the sitemap's. */
export function listPublicResourcesForSitemap(offset: number, limit: number) {
  return getDb()
    .select({ id: resource.id, updatedAt: resource.updatedAt })
    .from(resource)
    .where(listedResourcesWhere(null))
    .orderBy(asc(resource.id))
    .limit(limit)
    .offset(offset)
    .all()
}
