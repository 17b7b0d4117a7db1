// Decision 011: every refusal of the accounts feature, and the one place that says where its text is.
export const errorCodes = ['invalid', 'emailTaken', 'linkInvalid'] as const
export type AccountsError = (typeof errorCodes)[number]

// The texts were written for their forms: an invitation's refusals under `accept`, a reset link's under `reset`.
const keys = {
  invalid: 'auth:accept.invalid',
  emailTaken: 'auth:accept.emailTaken',
  linkInvalid: 'auth:reset.linkInvalid',
} as const satisfies Record<AccountsError, `auth:${string}`>

export const errorKey = (code: AccountsError) => keys[code]
