// What other features may use of the accounts feature.
export { countMemberAccounts, listActiveCoordinators } from './user.server'
