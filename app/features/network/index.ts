// What other features may use of the network feature.
export { countParliaments, listParliamentOptions, listParliamentsForSitemap } from './parliament.server'
export { insertMechanism, listParliamentMechanisms, searchMechanisms } from './mechanism.server'
export { MechanismQuerySchema } from './mechanism-schemas'
export type { MechanismInput } from './mechanism-schemas'
