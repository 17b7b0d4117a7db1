// What other features may use of the programmes feature.
export { programmeCardColumns } from './programme.server'
