// Values worked out from the database and kept while nothing at all has been written to it since (the test is
// `databaseVersion`, as for the signed-in user): a long draft's page, read by many between two edits, is computed
// once per change instead of once per request. Callers must treat what they get as read-only.
import { getDb } from './db.server'
import { databaseVersion } from './session.server'

export type UnchangedCache<T> = { entries: Map<string, { version: string; value: T }>; max: number }

export function createUnchangedCache<T>(max = 16): UnchangedCache<T> {
  return { entries: new Map(), max }
}

/** The value for `key` computed at the database's present state: from the cache when nothing was written since. */
export function whileUnchanged<T>(cache: UnchangedCache<T>, key: string, compute: () => T): T {
  const version = databaseVersion(getDb())
  const hit = cache.entries.get(key)
  if (hit && hit.version === version) return hit.value
  const value = compute()
  // Read again: a write made while computing (by this connection) means the value may already be stale.
  if (databaseVersion(getDb()) === version) {
    cache.entries.delete(key)
    if (cache.entries.size >= cache.max) cache.entries.delete(cache.entries.keys().next().value!)
    cache.entries.set(key, { version, value })
  }
  return value
}
