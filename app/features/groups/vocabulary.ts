// The fixed lists of working groups (issue 17): pure data, read by the schema, the server and the browser's forms.

/** Open: any member joins. Closed: a member asks; a coordinator or the group's facilitator accepts. */
export const groupAccesses = ['open', 'closed'] as const
export type GroupAccess = (typeof groupAccesses)[number]

export const membershipRoles = ['member', 'facilitator'] as const
export type MembershipRole = (typeof membershipRoles)[number]

export const membershipStates = ['pending', 'active', 'declined'] as const
export type MembershipState = (typeof membershipStates)[number]

/** What a group links to (each an id of that feature's table). */
export const groupLinkKinds = ['meeting', 'resource', 'draft', 'survey'] as const
export type GroupLinkKind = (typeof groupLinkKinds)[number]

/** A member's position on a proposal (Loomio's four). */
export const positions = ['agree', 'abstain', 'disagree', 'block'] as const
export type Position = (typeof positions)[number]

export const groupLimits = {
  name: 200,
  purpose: 5_000,
  threadTitle: 200,
  /** A post's body, in characters (a 100,000-character post is refused). */
  post: 20_000,
  reason: 2_000,
  /** How long after posting its author may still edit a post. */
  editMinutes: 15,
} as const
