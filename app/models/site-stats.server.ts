import { count, eq } from 'drizzle-orm'
import { parliament, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

export type SiteStats = { parliaments: number; members: number; resources: number; upcomingMeetings: number }

/**
 * The home page's live counts. Resources and meetings have no tables yet: their issues add the queries.
 * Members are, until the network's member profiles land, the member accounts.
 */
export function getSiteStats(): SiteStats {
  const db = getDb()
  const parliaments = db.select({ n: count() }).from(parliament).get()?.n ?? 0
  const members =
    db.select({ n: count() }).from(user).where(eq(user.role, 'member')).get()?.n ?? 0
  return { parliaments, members, resources: 0, upcomingMeetings: 0 }
}
