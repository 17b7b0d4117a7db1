// The working text of a draft as a DraftSnapshot (snapshot.ts): what the draft's page shows, what a version
// freezes and what the exports read. Three queries whatever the size (the draft, its provisions, their words).
import { asc, eq } from 'drizzle-orm'
import { draft, provision, provisionText } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { DraftSnapshot, ProvisionText, SnapshotProvision } from './snapshot'
import { draftLanguages } from './vocabulary'

/** What the editing page needs of each provision besides its words: its id and the revision a form starts from. */
export type WorkingProvision = { id: number; revision: number; parentWId: string | null; updatedAt: Date }

export type WorkingTree = {
  snapshot: DraftSnapshot
  /** By wId. */
  provisions: Map<string, WorkingProvision>
  /** Provisions written in some of the draft's languages but not all ("to translate"). */
  toTranslate: number
}

/** The languages of a draft, its original first. */
export function languagesOf(original: string): string[] {
  return [original, ...draftLanguages.filter((l) => l !== original)]
}

/** The draft's working tree and texts, or null when there is no such draft. */
export function loadWorkingTree(draftId: number, now = new Date()): WorkingTree | null {
  const db = getDb()
  const d = db.select().from(draft).where(eq(draft.id, draftId)).get()
  if (!d) return null
  const rows = db
    .select({
      id: provision.id,
      parentId: provision.parentId,
      kind: provision.kind,
      wId: provision.wId,
      revision: provision.revision,
      updatedAt: provision.updatedAt,
    })
    .from(provision)
    .where(eq(provision.draftId, draftId))
    .orderBy(asc(provision.parentId), asc(provision.position), asc(provision.id))
    .all()
  const texts = db
    .select({
      provisionId: provisionText.provisionId,
      lang: provisionText.lang,
      heading: provisionText.heading,
      body: provisionText.body,
    })
    .from(provisionText)
    .innerJoin(provision, eq(provision.id, provisionText.provisionId))
    .where(eq(provision.draftId, draftId))
    .all()

  const textsOf = new Map<number, Record<string, ProvisionText>>()
  for (const t of texts) {
    const own = textsOf.get(t.provisionId) ?? {}
    own[t.lang] = { heading: t.heading, body: t.body }
    textsOf.set(t.provisionId, own)
  }
  const nodes = new Map<number, SnapshotProvision>()
  for (const r of rows) nodes.set(r.id, { wId: r.wId, kind: r.kind, texts: textsOf.get(r.id) ?? {}, children: [] })
  const top: SnapshotProvision[] = []
  const provisions = new Map<string, WorkingProvision>()
  // Rows come ordered by position within each parent, so appending keeps every list in order.
  for (const r of rows) {
    const node = nodes.get(r.id)!
    const parent = r.parentId === null ? null : nodes.get(r.parentId)!
    ;(parent ? parent.children : top).push(node)
    provisions.set(r.wId, { id: r.id, revision: r.revision, parentWId: parent?.wId ?? null, updatedAt: r.updatedAt })
  }
  const languages = languagesOf(d.originalLanguage)
  const snapshot: DraftSnapshot = {
    draftId: d.id,
    kind: d.kind,
    titles: pairOf(d.titleEn, d.titleAr),
    summaries: pairOf(d.summaryEn, d.summaryAr),
    languages,
    provisions: top,
    version: null,
    takenAt: now.toISOString(),
  }
  return { snapshot, provisions, toTranslate: countToTranslate(snapshot) }
}

/** Only the languages that have words (as the snapshot's texts: a missing key is "to translate"). */
function pairOf(en: string, ar: string): Record<string, string> {
  return { ...(en ? { en } : {}), ...(ar ? { ar } : {}) }
}

/**
 * How many provisions are written in some of the snapshot's languages but not in all of them. A division with no
 * heading in any language (an untitled chapter) has nothing to translate.
 */
export function countToTranslate(snapshot: Pick<DraftSnapshot, 'languages' | 'provisions'>): number {
  let n = 0
  const walk = (list: SnapshotProvision[]) => {
    for (const p of list) {
      const has = snapshot.languages.filter((l) => p.texts[l] && (p.texts[l].heading || p.texts[l].body))
      if (has.length > 0 && has.length < snapshot.languages.length) n++
      walk(p.children)
    }
  }
  walk(snapshot.provisions)
  return n
}

/** Every provision of a snapshot, depth first (the order of the text). */
export function flattenSnapshot(list: SnapshotProvision[]): SnapshotProvision[] {
  return list.flatMap((p) => [p, ...flattenSnapshot(p.children)])
}
