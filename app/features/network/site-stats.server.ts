import { and, count, eq } from 'drizzle-orm'
import { parliament, resource, user } from '#db/schema/index'
import { countUpcomingPublicMeetings } from '~/features/meetings/meeting.server'
import { getDb } from '~/utils/db.server'

export type SiteStats = { parliaments: number; members: number; resources: number; upcomingMeetings: number }

/**
 * The home page's live counts (resources: the published public ones; meetings: the published public ones not yet ended).
 * Members are, until the network's member profiles land, the member accounts.
 */
export function getSiteStats(): SiteStats {
  const db = getDb()
  const parliaments = db.select({ n: count() }).from(parliament).get()?.n ?? 0
  const members = db.select({ n: count() }).from(user).where(eq(user.role, 'member')).get()?.n ?? 0
  const resources =
    db
      .select({ n: count() })
      .from(resource)
      .where(and(eq(resource.state, 'published'), eq(resource.visibility, 'public')))
      .get()?.n ?? 0
  return { parliaments, members, resources, upcomingMeetings: countUpcomingPublicMeetings() }
}
