import { getDb, type Tx } from './db.server'

export type { Tx }

/**
 * Runs `fn` in one IMMEDIATE transaction. Model functions called inside nest as savepoints on the same
 * connection, so a change, its audit row and its queued mail (enqueueMail) commit or roll back together.
 * `fn` must be synchronous (better-sqlite3): compose mails inside it, deliver after (enqueueMail schedules that).
 */
export function atomically<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction((tx) => fn(tx), { behavior: 'immediate' })
}
