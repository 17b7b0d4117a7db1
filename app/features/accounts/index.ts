// What other features may use of the accounts feature.
export {
  countMemberAccounts,
  getUserById,
  listActiveCoordinators,
  listUsers,
  setUserActive,
  setUserRole,
  USERS_PAGE_SIZE,
} from './user.server'
