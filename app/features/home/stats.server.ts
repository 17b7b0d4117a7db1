// The home page's live counts, each from the feature that owns it.
import { countMemberAccounts } from '~/features/accounts'
import { countPublicResources } from '~/features/library'
import { countUpcomingPublicMeetings } from '~/features/meetings'
import { countParliaments } from '~/features/network'

export type SiteStats = { parliaments: number; members: number; resources: number; upcomingMeetings: number }

/**
 * Resources: the published public ones; meetings: the published public ones not yet ended. Members are, until the
 * network's member profiles land, the member accounts.
 */
export function getSiteStats(): SiteStats {
  return {
    parliaments: countParliaments(),
    members: countMemberAccounts(),
    resources: countPublicResources(),
    upcomingMeetings: countUpcomingPublicMeetings(),
  }
}
