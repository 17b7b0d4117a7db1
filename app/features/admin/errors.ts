// Decision 011: every refusal of the admin pages; the texts are the users page's messages.
export const errorCodes = ['invalidRequest', 'userNotFound', 'notYourself'] as const
export type AdminError = (typeof errorCodes)[number]
export const errorKey = (code: AdminError) => `admin:users.errors.${code}` as const
