// The expected refusals of requests (decision 011). Each comes back as an error of the form that asked (a field's
// or the form's own) and is worded with the other validation messages (common:validation.<code>).
export const errorCodes = ['uploadGone', 'requestClosed', 'stateNotAllowed', 'outputUnknown', 'invalidChoice'] as const
export type RequestError = (typeof errorCodes)[number]
export const errorKey = (code: RequestError) => `common:validation.${code}` as const
