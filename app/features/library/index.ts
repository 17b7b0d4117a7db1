// What other features may use of the library.
export { listedResourcesWhere, listedResourcesWhereFor, listingShape, type Viewer } from './access.server'
export { countPublicResources, resourceCardColumns } from './resource.server'
export { listPublicResourcesForSitemap } from './resource-read.server'
export {
  discardGeneratedFiles,
  publishGeneratedResource,
  storeGeneratedFile,
  type GeneratedFile,
  type GeneratedResourceInput,
  type StoredGeneratedFile,
} from './generated.server'
