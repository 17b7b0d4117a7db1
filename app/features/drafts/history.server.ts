// Who wrote what, for the provision editing page: a provision's history with the names of the people who saved it,
// and the names behind a stale save's "saved by". Names only, never emails (the page is the working group's, but
// nothing here needs an address).
import { and, eq, inArray, sql } from 'drizzle-orm'
import { provisionChange, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { numberProvisions, provisionLabel } from './numbering'
import { flattenSnapshot, loadWorkingTree } from './tree.server'

export type ProvisionHistoryEntry = {
  id: number
  lang: string
  revision: number
  heading: string
  body: string
  changedAt: Date
  changedBy: string | null
  amendmentId: number | null
}

/** The history of a provision, newest first, at most `limit` saves (one query). */
export function listProvisionHistory(draftId: number, provisionId: number, limit = 50): ProvisionHistoryEntry[] {
  return getDb()
    .select({
      id: provisionChange.id,
      lang: provisionChange.lang,
      revision: provisionChange.revision,
      heading: provisionChange.heading,
      body: provisionChange.body,
      changedAt: provisionChange.changedAt,
      changedBy: user.name,
      amendmentId: provisionChange.amendmentId,
    })
    .from(provisionChange)
    .leftJoin(user, eq(user.id, provisionChange.changedById))
    .where(and(eq(provisionChange.draftId, draftId), eq(provisionChange.provisionId, provisionId)))
    .orderBy(sql`${provisionChange.id} DESC`)
    .limit(limit)
    .all()
}

/** The names of these accounts, by id (one query; unknown ids are left out). */
export function namesOf(ids: readonly number[]): Map<number, string> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const rows = getDb().select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted)).all()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/**
 * The provision of this draft with this wId as its editing page needs it: its id, revision, kind, its name in each
 * language (from its place in the tree) and its words; null if the draft holds no such provision.
 */
export function findProvisionForEditing(draftId: number, wId: string) {
  const tree = loadWorkingTree(draftId)
  const working = tree?.provisions.get(wId)
  if (!tree || !working) return null
  const numbering = numberProvisions(tree.snapshot.provisions)
  const n = numbering.byWId.get(wId)!
  const node = flattenSnapshot(tree.snapshot.provisions).find((p) => p.wId === wId)!
  return {
    id: working.id,
    wId,
    kind: n.kind,
    revision: working.revision,
    languages: tree.snapshot.languages,
    names: Object.fromEntries(tree.snapshot.languages.map((l) => [l, provisionLabel(n, l)])),
    texts: node.texts,
  }
}
