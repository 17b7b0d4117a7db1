// The second public entry of the notifications feature (index.ts is the notification centre's): saved searches
// and their alerts, for routes, the scheduler and scripts.
export {
  createSavedSearch,
  deleteSavedSearch,
  getSavedSearchForLink,
  listSavedSearches,
  normalizeQuery,
  renameSavedSearch,
  RenameSearchSchema,
  SaveSearchSchema,
  searchPath,
  setAlertFrequency,
  turnOffAlert,
  type SavedSearchError,
} from './saved-search.server'
export { periodKeyOf, runDueAlerts, startAlertScheduler } from './alert.server'
export { alertUnsubscribePath } from './alert-mail.server'
export type { SearchOwner } from './alert-matches.server'
