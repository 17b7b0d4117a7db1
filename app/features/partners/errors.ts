// Why a joint initiative cannot be linked to a partner: each code is a text of the initiatives page.
export const errorCodes = ['required', 'unknown', 'unpublished', 'duplicate'] as const
export type PartnersError = (typeof errorCodes)[number]
export const errorKey = (code: PartnersError) => `partners:initiatives.errors.${code}` as const
