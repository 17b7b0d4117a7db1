// What other features may use of the library.
export { listedResourcesWhere, type Viewer } from './access.server'
export { countPublicResources, resourceCardColumns } from './resource.server'
