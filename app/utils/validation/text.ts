import { z } from '~/utils/zod'

// Messages are translation keys under `validation.` in locales/*/common.json.

/**
 * What a reader cannot see: controls (NUL, tabs, new lines), format characters (LRM/RLM, bidi embeddings,
 * zero-width space, ZWNJ/ZWJ, BOM, soft hyphen, tags), separators, combining marks with no letter to sit on, and
 * the blank letters fonts draw as nothing (Hangul fillers, the blank Braille pattern).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]/gu

/** `value` without the characters nobody can see: what "filled in" is judged on. */
export function visibleText(value: string) {
  return value.replace(INVISIBLE, '')
}

/** How many characters of `value` a reader sees (code points, so an emoji or an Arabic letter counts once). */
export function visibleLength(value: string) {
  return [...visibleText(value)].length
}

/** Whether `value` has at least one character a reader can see. */
export function hasVisibleText(value: string) {
  return visibleLength(value) > 0
}

/** NUL ends strings in C, in some databases and mail software: refused in every field, whatever else it holds. */
export function hasNul(value: string) {
  return value.includes('\u0000')
}

/**
 * An optional text field: trimmed, at most `max` characters ("tooLong"), NUL refused ("invalidCharacters"), and
 * '' when left empty or holding only characters nobody can see (so "a title in one language" rules see it empty).
 * The text itself is kept as typed: an Arabic ZWNJ or ZWJ inside a word is part of its spelling.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .refine((v) => !hasNul(v), { message: 'invalidCharacters', abort: true })
    .optional()
    .transform((v) => (v && hasVisibleText(v) ? v : ''))

/**
 * A required text field: at least `min` visible characters (`message` otherwise, also when absent), at most `max`
 * characters ("tooLong"), NUL refused ("invalidCharacters"). Trimmed, otherwise kept as typed.
 */
export const requiredText = (max: number, message = 'required', min = 1) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => !hasNul(v), { message: 'invalidCharacters', abort: true })
    .refine((v) => visibleLength(v) >= min, { message, abort: true })
    .refine((v) => v.length <= max, 'tooLong')

/** A text field whose value may be long but holds no NUL (free text parsed further, e.g. lists of names). */
export const plainText = (max: number) =>
  z
    .string()
    .max(max, 'tooLong')
    .refine((v) => !hasNul(v), 'invalidCharacters')
