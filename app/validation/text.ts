import { z } from 'zod'

/** An optional text field: trimmed, at most `max` characters ("tooLong"), '' when left empty. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => v || '')
