// What other features may use of the search engine.
export { reindexResource, searchResources, syncResourceSearchIndex, type ResourceSearchRow } from './search.server'
export { parseResourceSearch } from './schemas'
export { listedResourcesWhere, listedResourcesWhereFor, listingShape, type Viewer } from './listing.server'
export type { Segment } from './snippet'
