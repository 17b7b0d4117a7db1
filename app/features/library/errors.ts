// The library's expected refusals (decision 011). They come back as a form field's error, which the form renders
// with the other validation messages (common:validation.<code>).
export const errorCodes = ['uploadGone', 'fileOrLinkRequired'] as const
export type LibraryError = (typeof errorCodes)[number]
export const errorKey = (code: LibraryError) => `common:validation.${code}` as const
