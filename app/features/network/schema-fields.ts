// Pieces the network's schemas share. The directories' addresses (parliaments, members, mechanisms): anything odd
// falls back to "no filter", never fails. The forms: a web address that may be left empty.
import { z } from '~/utils/zod'
import { boundedSearchText } from '~/utils/query-string'
import { isWebAddress } from '~/utils/validation/web-address'

/** The search box's text, bounded (app/utils/query-string.ts); anything but a string reads as none. */
export const searchField = z
  .string()
  .catch('')
  .default('')
  .transform((q) => boundedSearchText(q))

/** A two-letter ISO country code, as the country filter sends it. */
export const countryField = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .optional()
  .catch(undefined)

/** A checkbox filter (`=1`), as a boolean. */
export const flagField = z
  .enum(['1'])
  .optional()
  .catch(undefined)
  .transform((v) => v === '1')

/** The page of results, from 1. */
export const pageField = z.coerce.number().int().min(1).max(100000).catch(1).default(1)

/** A form's web address that may be left empty (null). */
export const optionalWebAddress = z
  .string()
  .trim()
  .max(500, 'tooLong')
  .refine((v) => v === '' || isWebAddress(v), 'urlInvalid')
  .optional()
  .transform((v) => v || null)
