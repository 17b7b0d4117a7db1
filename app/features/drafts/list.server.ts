// The list of drafts a viewer may see (issue 15), and the people the draft form offers. The list is one query:
// the visibility of access.server.ts in its WHERE clause, each draft's leads, provision count and "to translate"
// count as correlated subqueries over indexed keys (draft_lead's and provision_text's primary keys,
// provision_draft_parent_position_idx), and the total as a window count, whatever the number of drafts.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm'
import { draft, parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { redirectWithFlash, type FlashKey } from '~/utils/flash.server'
import { z } from '~/utils/zod'
import { listedDraftsWhere, type DraftViewer } from './access.server'
import { draftKinds, type DraftKind } from './snapshot'
import { draftLanguages, draftStages, type DraftStage } from './vocabulary'

export const DRAFTS_PAGE_SIZE = 25

/** The list's filters from the query string: a value that is not one of the list's is ignored, not refused. */
export const DraftListFilterSchema = z.object({
  stage: z.enum(draftStages).optional().catch(undefined),
  kind: z.enum(draftKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})
export type DraftListFilter = z.output<typeof DraftListFilterSchema>

export function readDraftListFilter(searchParams: URLSearchParams): DraftListFilter {
  const pick = (name: string) => searchParams.get(name) || undefined
  return DraftListFilterSchema.parse({ stage: pick('stage'), kind: pick('kind'), page: pick('page') })
}

export type DraftListRow = {
  id: number
  kind: DraftKind
  titleEn: string
  titleAr: string
  stage: DraftStage
  consultationClosesAt: Date | null
  updatedAt: Date
  leads: { id: number; nameEn: string; nameAr: string }[]
  provisions: number
  toTranslate: number
}

const languageList = sql.join(
  draftLanguages.map((l) => sql`${l}`),
  sql`, `,
)

/** Drafts the viewer may see, newest change first, filtered by stage and kind, a page at a time. */
export function listDrafts(viewer: DraftViewer, filter: DraftListFilter = {}) {
  const page = filter.page ?? 1
  const where: SQL[] = [listedDraftsWhere(viewer)]
  if (filter.stage) where.push(eq(draft.stage, filter.stage))
  if (filter.kind) where.push(eq(draft.kind, filter.kind))
  const rows = getDb()
    .select({
      id: draft.id,
      kind: draft.kind,
      titleEn: draft.titleEn,
      titleAr: draft.titleAr,
      stage: draft.stage,
      consultationClosesAt: draft.consultationClosesAt,
      updatedAt: draft.updatedAt,
      // Written out: drizzle leaves a single-table query's columns unqualified, which a subquery would misread.
      leads: sql<string>`(SELECT json_group_array(json_object('id', pa.id, 'nameEn', pa.name_en, 'nameAr', pa.name_ar))
        FROM draft_lead dl JOIN parliament pa ON pa.id = dl.parliament_id WHERE dl.draft_id = "draft"."id")`,
      provisions: sql<number>`(SELECT count(*) FROM provision p WHERE p.draft_id = "draft"."id")`,
      // Written in some of the draft's languages but not all (rows are never empty: a row is a written language).
      toTranslate: sql<number>`(SELECT count(*) FROM (SELECT 1 FROM provision p
        JOIN provision_text pt ON pt.provision_id = p.id AND pt.lang IN (${languageList})
        WHERE p.draft_id = "draft"."id" GROUP BY p.id HAVING count(*) < ${draftLanguages.length}))`,
      total: sql<number>`count(*) OVER ()`,
    })
    .from(draft)
    .where(and(...where))
    .orderBy(desc(draft.updatedAt), desc(draft.id))
    .limit(DRAFTS_PAGE_SIZE)
    .offset((page - 1) * DRAFTS_PAGE_SIZE)
    .all()
  const total = rows[0]?.total ?? (page > 1 ? countDrafts(where) : 0)
  return {
    total,
    page,
    rows: rows.map(({ leads, total: _, ...r }): DraftListRow => {
      const parsed = JSON.parse(leads) as DraftListRow['leads']
      return { ...r, leads: parsed.sort((a, b) => a.nameEn.localeCompare(b.nameEn)) }
    }),
  }
}

/** A page past the end has no row to carry the window count. */
function countDrafts(where: SQL[]) {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(draft)
      .where(and(...where))
      .get()?.n ?? 0
  )
}

export type DraftPersonOption = {
  id: number
  name: string
  role: 'member' | 'coordinator' | 'admin'
  parliamentNameEn: string | null
  parliamentNameAr: string | null
}

/**
 * The people the draft's form offers, in one query: coordinators (and admins) who may be in charge, and active
 * members and coordinators who may join the working group.
 */
export function listDraftPeople() {
  const people = getDb()
    .select({
      id: user.id,
      name: user.name,
      role: user.role,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
    })
    .from(user)
    .leftJoin(parliament, eq(parliament.id, user.parliamentId))
    .where(eq(user.isActive, true))
    .orderBy(user.name, user.id)
    .all() as DraftPersonOption[]
  return {
    coordinators: people.filter((p) => p.role !== 'member'),
    editors: people.filter((p) => p.role !== 'admin'),
  }
}

/** The flash messages of the new-draft and edit pages (their words are common.json's `flash`). */
export type ListFlashKey = Extract<
  FlashKey,
  'draftCreated' | 'draftImported' | 'draftSaved' | 'draftEditorAdded' | 'draftEditorRemoved'
>
export function redirectWithListFlash(url: string, key: ListFlashKey) {
  return redirectWithFlash(url, key)
}
