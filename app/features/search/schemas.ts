import { z } from '~/utils/zod'
import { contentLanguages, regions, resolutions, resourceTypes, themes } from '#db/enums'
import { boundedSearchText } from '~/utils/query-string'
import { MAX_QUERY_LENGTH, resourceFacets, resourceSorts } from './search-params'

// What pages use in the browser too (orders, filters, links) lives in search-params.ts, which knows no zod.
export { resourceSearchParams } from './search-params'

/** The oldest and newest years a filter accepts (a forged year is dropped, never an error). */
export const FIRST_YEAR = 1900
export const LAST_YEAR = 2100

/** How many values of one filter are read (the rest are dropped). */
const MAX_VALUES = 20

/** A filter that may repeat (?type=report&type=video): values that don't parse are dropped, duplicates too. */
function many<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((values) => {
      const kept: z.output<T>[] = []
      for (const value of values.slice(0, MAX_VALUES * 2)) {
        const parsed = item.safeParse(value)
        if (parsed.success && !kept.includes(parsed.data)) kept.push(parsed.data)
      }
      return kept.slice(0, MAX_VALUES)
    })
}

/**
 * The library's URL: ?q=&sort=&page=&type=&pillar=&resolution=&theme=&language=&region=&year= (filters may
 * repeat). Lenient: a bad value is ignored, never an error, so any shared or hand-edited link opens a page.
 * The query text itself is checked by app/features/search/query.ts (length, words).
 */
export const ResourceSearchSchema = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) => boundedSearchText(q, MAX_QUERY_LENGTH)),
  sort: z.enum(resourceSorts).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  type: many(z.enum(resourceTypes)),
  pillar: many(z.coerce.number().int().min(1).max(4)),
  resolution: many(z.enum(resolutions)),
  theme: many(z.enum(themes)),
  language: many(z.enum(contentLanguages)),
  region: many(z.enum(regions)),
  year: many(z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR)),
})
export type ResourceSearchQuery = z.output<typeof ResourceSearchSchema>

/** Reads the search from a URL's parameters (repeated filters kept; q, sort and page from their first value). */
export function parseResourceSearch(params: URLSearchParams): ResourceSearchQuery {
  const input: Record<string, unknown> = {}
  for (const key of ['q', 'sort', 'page'] as const) {
    const value = params.get(key)
    if (value !== null) input[key] = value
  }
  for (const key of resourceFacets) input[key] = params.getAll(key).filter((v) => v !== '')
  return ResourceSearchSchema.parse(input)
}
