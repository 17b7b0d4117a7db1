/**
 * Shares and counts by gender or age are given only for groups with at least this many known values: below it,
 * "100% women" or "100% under 30" of a small parliament tells its one or two members' gender or age. One rule for
 * every statistic of the portal (network, parliaments, meetings, women and youth).
 */
export const MIN_GROUP = 5
export const MIN_AGE_GROUP = MIN_GROUP
