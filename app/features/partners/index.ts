// What other features may use of the partners feature.
export { listPartnersForSitemap } from './partner.server'
