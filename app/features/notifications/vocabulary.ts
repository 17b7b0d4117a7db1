// The fixed lists of notifications and alerts (issue 17): pure data, read by the schema, the server and the forms.

/** What a person can be told about. Each has its own e-mail preference. */
export const notificationKinds = [
  'mention',
  'reply',
  'decision_opened',
  'decision_closed',
  'post_hidden',
  'membership',
  'draft_answer',
  'meeting_change',
  'survey_due',
  'request_state',
] as const
export type NotificationKind = (typeof notificationKinds)[number]

/** How a kind reaches a person by e-mail. */
export const deliveries = ['immediate', 'daily', 'weekly', 'never'] as const
export type Delivery = (typeof deliveries)[number]

/** The default e-mail delivery of each kind (a mention is immediate, as Decidim's). */
export const defaultDelivery: Record<NotificationKind, Delivery> = {
  mention: 'immediate',
  reply: 'daily',
  decision_opened: 'immediate',
  decision_closed: 'daily',
  post_hidden: 'immediate',
  membership: 'immediate',
  draft_answer: 'daily',
  meeting_change: 'immediate',
  survey_due: 'weekly',
  request_state: 'immediate',
}

/** Following or muting a group or a thread. */
export const followTargets = ['group', 'thread'] as const
export type FollowTarget = (typeof followTargets)[number]
export const followLevels = ['follow', 'mute'] as const
export type FollowLevel = (typeof followLevels)[number]

/** Digest periods. */
export const digestPeriods = ['daily', 'weekly'] as const
export type DigestPeriod = (typeof digestPeriods)[number]

/** Where a saved search searches. */
export const searchScopes = ['resources', 'meetings', 'mechanisms'] as const
export type SearchScope = (typeof searchScopes)[number]
export const alertFrequencies = ['off', 'daily', 'weekly'] as const
export type AlertFrequency = (typeof alertFrequencies)[number]
