/**
 * The one shape of an expected refusal (decision 011): a value, never an exception. The error is a code that is a
 * key of the feature's locale namespace (`errors.<code>` unless the feature says otherwise).
 */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T }
export function ok(): { ok: true; value: undefined }
export function ok<T>(value?: T) {
  return { ok: true as const, value }
}

export function fail<E extends string>(error: E): { ok: false; error: E } {
  return { ok: false as const, error }
}
