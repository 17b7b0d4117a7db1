// The text an export or a comparison reads: a saved version's snapshot, or the working text (issue 15 §4, §7).
import { readId } from '~/utils/ids'
import type { DraftSnapshot } from './snapshot'
import { loadWorkingTree } from './tree.server'
import { getVersion } from './version.server'

/** Version `n` of the draft, or the working text for 'current'; null when the draft has no such version. */
export function snapshotOf(draftId: number, which: number | 'current'): DraftSnapshot | null {
  if (which === 'current') return loadWorkingTree(draftId)?.snapshot ?? null
  return getVersion(draftId, which)?.snapshot ?? null
}

/**
 * The snapshot a download asks for with `?version=`: absent, the working text; anything but a positive whole number
 * throws a 400; a number the draft has no version of, a 404 (what a resource route answers).
 */
export function readExportSnapshot(draftId: number, version: string | null): DraftSnapshot {
  const n = version === null ? 'current' : readId(version)
  if (n === null) throw new Response('Bad Request', { status: 400 })
  const snapshot = snapshotOf(draftId, n)
  if (!snapshot) throw new Response('Not Found', { status: 404 })
  return snapshot
}
