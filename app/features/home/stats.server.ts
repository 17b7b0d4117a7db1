// The home page's live counts, each from the feature that owns it.
import { countMemberAccounts } from '~/features/accounts'
import { countPublicResources } from '~/features/library'
import { upcomingPublicMeetings } from '~/features/meetings'
import { countParliaments } from '~/features/network'
import { getDb, type Db } from '~/utils/db.server'

export type SiteStats = { parliaments: number; members: number; resources: number; upcomingMeetings: number }

/**
 * Resources: the published public ones; meetings: the published public ones not yet ended. Members are, until the
 * network's member profiles land, the member accounts.
 *
 * Counting a large library on every signed-in visit to the home page would cost more than the rest of the page, so
 * the figures are kept while they cannot have changed: no connection has written to the database since they were
 * counted, and no counted meeting has ended. Any write (by this process, a script or another process) counts them
 * afresh at the next request, so what a member sees is never staler than the database.
 */
export function getSiteStats(now = new Date()): SiteStats {
  const db = getDb()
  const version = databaseVersion(db)
  if (kept && kept.db === db && kept.version === version && (kept.until === null || now < kept.until)) return kept.stats
  const meetings = upcomingPublicMeetings(now)
  const stats = {
    parliaments: countParliaments(),
    members: countMemberAccounts(),
    resources: countPublicResources(),
    upcomingMeetings: meetings.count,
  }
  kept = { db, version, until: meetings.changesAt, stats }
  return stats
}

let kept: { db: Db; version: string; until: Date | null; stats: SiteStats } | undefined

const versionStatements = new WeakMap<Db, { get(): unknown }>()

/**
 * Changes whenever anything is written: `data_version` moves when another connection commits, `total_changes()`
 * with every row this connection inserts, updates or deletes (rolled back ones too, which only costs a recount).
 */
export function databaseVersion(db: Db) {
  let statement = versionStatements.get(db)
  if (!statement) {
    statement = db.$client.prepare('SELECT total_changes(), data_version FROM pragma_data_version').raw(true)
    versionStatements.set(db, statement)
  }
  return (statement.get() as [number, number]).join(':')
}
