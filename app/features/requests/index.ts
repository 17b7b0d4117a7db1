// What other features may use of the requests feature.
export { openRequestStates } from './states'
