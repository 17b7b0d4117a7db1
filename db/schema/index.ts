export * from './network'
export * from './accounts'
export * from './system'
export * from './members'
