// What other features may use of the library.
export { listedResourcesWhere, listedResourcesWhereFor, listingShape, type Viewer } from './access.server'
export { countPublicResources, resourceCardColumns } from './resource.server'
export { listPublicResourcesForSitemap } from './resource-read.server'
