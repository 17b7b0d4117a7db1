// Saved versions of a draft (issue 15): the working tree and its words frozen as a DraftSnapshot, gzipped JSON,
// numbered 1, 2, 3… within the draft. Editors save them with a note; the history lists them; compare and exports
// read them (decision 025).
import { gunzipSync, gzipSync } from 'node:zlib'
import { and, desc, eq, sql } from 'drizzle-orm'
import { draftVersion, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { audit, type DraftActor } from './draft.server'
import { asDraftsError, type DraftsError } from './errors'
import { VersionSchema } from './schemas'
import type { DraftSnapshot } from './snapshot'
import { isFinalStage } from './stages'
import { flattenSnapshot, loadWorkingTree } from './tree.server'
import { draftLimits, type DraftStage } from './vocabulary'

export function packSnapshot(snapshot: DraftSnapshot): Buffer {
  return gzipSync(JSON.stringify(snapshot), { level: 6 })
}

export function unpackSnapshot(packed: Buffer | Uint8Array): DraftSnapshot {
  return JSON.parse(gunzipSync(packed).toString('utf8')) as DraftSnapshot
}

/** Freezes the working text as the next version (last + 1) with the editor's note. */
export function saveVersion(
  d: { id: number; stage: DraftStage },
  raw: unknown,
  by: DraftActor,
  now = new Date(),
): Result<{ number: number; id: number }, DraftsError> {
  if (isFinalStage(d.stage)) return fail('draftClosed')
  const parsed = VersionSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  return atomically((tx) => {
    const last =
      tx
        .select({ n: sql<number | null>`max(${draftVersion.number})` })
        .from(draftVersion)
        .where(eq(draftVersion.draftId, d.id))
        .get()?.n ?? 0
    if (last >= draftLimits.versions) return fail('tooLong')
    const tree = loadWorkingTree(d.id, now)
    if (!tree) return fail('draftNotFound')
    const number = last + 1
    const snapshot: DraftSnapshot = { ...tree.snapshot, version: number }
    const { id } = tx
      .insert(draftVersion)
      .values({
        draftId: d.id,
        number,
        note: parsed.data.note,
        createdById: by.id,
        createdAt: now,
        provisionCount: flattenSnapshot(snapshot.provisions).length,
        snapshot: packSnapshot(snapshot),
      })
      .returning({ id: draftVersion.id })
      .get()
    audit(tx, by, 'draft.version', d.id, { number })
    return ok({ number, id })
  })
}

/** The versions of a draft, newest first, without their snapshots. */
export function listVersions(draftId: number) {
  return getDb()
    .select({
      id: draftVersion.id,
      number: draftVersion.number,
      note: draftVersion.note,
      createdAt: draftVersion.createdAt,
      provisionCount: draftVersion.provisionCount,
      createdBy: user.name,
    })
    .from(draftVersion)
    .leftJoin(user, eq(user.id, draftVersion.createdById))
    .where(eq(draftVersion.draftId, draftId))
    .orderBy(desc(draftVersion.number))
    .all()
}

/** One version of this draft, with its snapshot, or null. */
export function getVersion(draftId: number, number: number) {
  const row = getDb()
    .select()
    .from(draftVersion)
    .where(and(eq(draftVersion.draftId, draftId), eq(draftVersion.number, number)))
    .get()
  if (!row) return null
  const { snapshot, ...rest } = row
  return { ...rest, snapshot: unpackSnapshot(snapshot) }
}
