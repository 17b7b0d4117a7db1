// The library's search address without zod: its orders, its filters, its limits and how a search is written back
// into a link. The page's own code needs only these, so the schema that reads an address (schemas.ts) and the query
// parser with its stemmers (query.ts) stay on the server.

/** At most this many characters of a query are read. */
export const MAX_QUERY_LENGTH = 300
/** At most this many words (a phrase's words each count). */
export const MAX_QUERY_TERMS = 12

export const resourceSorts = ['relevance', 'newest'] as const
export type ResourceSort = (typeof resourceSorts)[number]

/** The filters of the library's list and feed, in the order the page shows them. */
export const resourceFacets = ['type', 'pillar', 'resolution', 'theme', 'language', 'region', 'year'] as const
export type ResourceFacet = (typeof resourceFacets)[number]

/** What a link keeps of a search (ResourceSearchQuery, schemas.ts, is one). */
export type ResourceSearchParamsInput = { q?: string; sort?: ResourceSort; page?: number } & {
  [K in ResourceFacet]?: readonly (string | number)[]
}

/** The URL parameters of a search (what a link or the feed keeps), in a stable order; defaults left out. */
export function resourceSearchParams(query: ResourceSearchParamsInput, { keepPage = false } = {}) {
  const params = new URLSearchParams()
  if (query.q?.trim()) params.set('q', query.q.trim())
  for (const key of resourceFacets) {
    for (const value of query[key] ?? []) params.append(key, String(value))
  }
  if (query.sort) params.set('sort', query.sort)
  if (keepPage && query.page && query.page > 1) params.set('page', String(query.page))
  return params
}

/** Whether any filter (not the query or sort) is set. */
export function hasResourceFilters(query: Required<Pick<ResourceSearchParamsInput, ResourceFacet>>) {
  return resourceFacets.some((key) => query[key].length > 0)
}
