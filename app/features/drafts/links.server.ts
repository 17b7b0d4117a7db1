// What other features show of drafts they link to (a meeting's agenda, a request's outputs, the library's adopted
// resource): a draft's title, kind and stage, only for viewers who may see it (listedDraftsWhere).
import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import { draft } from '#db/schema/index'
import type { Role } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { listedDraftsWhere } from './access.server'
import type { DraftKind } from './snapshot'
import type { DraftStage } from './vocabulary'

/** A viewer as other features hold it (the lists' visibility reads the id and the role only). */
export type DraftLinkViewer = { id: number; role: Role; parliamentId?: number | null } | null

export type DraftSummary = { id: number; kind: DraftKind; titleEn: string; titleAr: string; stage: DraftStage }

const summaryColumns = {
  id: draft.id,
  kind: draft.kind,
  titleEn: draft.titleEn,
  titleAr: draft.titleAr,
  stage: draft.stage,
}

const asDraftViewer = (viewer: DraftLinkViewer) => viewer && { ...viewer, parliamentId: viewer.parliamentId ?? null }

/** The drafts of `ids` this viewer may see, in the order of `ids` (the others are left out). */
export function listDraftSummaries(ids: readonly number[], viewer: DraftLinkViewer): DraftSummary[] {
  if (ids.length === 0) return []
  const rows = getDb()
    .select(summaryColumns)
    .from(draft)
    .where(and(inArray(draft.id, [...ids]), listedDraftsWhere(asDraftViewer(viewer))))
    .all()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** The drafts a coordinator may put on an agenda: those they see but withdrawn ones, newest first. */
export function listDraftChoices(viewer: DraftLinkViewer, limit = 200): DraftSummary[] {
  return getDb()
    .select(summaryColumns)
    .from(draft)
    .where(and(ne(draft.stage, 'withdrawn'), listedDraftsWhere(asDraftViewer(viewer))))
    .orderBy(desc(draft.updatedAt), desc(draft.id))
    .limit(limit)
    .all()
}

/** A draft any member may open (out of preparation): what a request's requester can be given as an output. */
export function isDraftOpenToMembers(id: number): boolean {
  const row = getDb()
    .select({ id: draft.id })
    .from(draft)
    // A member who is neither editor nor in charge: id 0 is nobody's.
    .where(and(eq(draft.id, id), listedDraftsWhere({ id: 0, role: 'member', parliamentId: null })))
    .get()
  return Boolean(row)
}

/** The adopted draft a library resource came from, if this viewer may see it. */
export function findDraftOfResource(resourceId: number, viewer: DraftLinkViewer): DraftSummary | null {
  return (
    getDb()
      .select(summaryColumns)
      .from(draft)
      .where(and(eq(draft.resourceId, resourceId), listedDraftsWhere(asDraftViewer(viewer))))
      .get() ?? null
  )
}
