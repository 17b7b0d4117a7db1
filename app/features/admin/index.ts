// What other features may use of the admin feature: nothing yet. The admin pages sit above every feature
// (docs/architecture.md); they reach accounts through '~/features/accounts'.
export {}
