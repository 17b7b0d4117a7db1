import { z } from '~/utils/zod'

/** A list of checkbox values: unknown values are refused (a forged form), duplicates dropped. */
export const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: 'invalidChoice' }))
    .optional()
    .transform((list) => [...new Set(list ?? [])])

/** A real calendar date written YYYY-MM-DD (from 1945 on). */
export function isIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1945-01-01'
}
