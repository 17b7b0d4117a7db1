// What other features may use of the network feature.
export { countParliaments, listParliamentOptions, listParliamentsForSitemap } from './parliament.server'
export { insertMechanism, listParliamentMechanisms } from './mechanism.server'
export type { MechanismInput } from './mechanism-schemas'
