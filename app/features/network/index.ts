// What other features may use of the network feature.
export { countParliaments, listParliamentOptions, listParliamentsForSitemap } from './parliament.server'
