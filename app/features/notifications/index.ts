// What other features and the shared pages may use of the notifications feature (issue 17). Saved searches and
// alerts have their own entry, ./alerts.ts.
export { notify, type NewNotification } from './notify.server'
export { mailImmediately } from './mail.server'
export { unreadCount } from './centre.server'
export type { NotificationKind } from './vocabulary'
export { followLevelOf, setFollow } from './follow.server'
export { followLevels, followTargets, type FollowLevel, type FollowTarget } from './vocabulary'
