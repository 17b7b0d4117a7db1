// What other features may use of the programmes feature.
export { listProgrammesForSitemap, programmeCardColumns } from './programme.server'
