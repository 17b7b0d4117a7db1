// For the network's unit tests: someone to act, and the audit rows a change left behind.
import { and, count, eq } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { auditEvent, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

let n = 0

/** A signed-in coordinator's id, to be the actor of a change. */
export function addActor() {
  n += 1
  return getDb()
    .insert(user)
    .values({ email: `network-actor-${n}@example.org`, name: `Actor ${n}`, role: 'coordinator', passwordHash: '!' })
    .returning({ id: user.id })
    .get().id
}

/** The audit rows about one target, oldest first, with their details read back. */
export function auditOf(targetType: string, targetId: number) {
  return getDb()
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.targetType, targetType), eq(auditEvent.targetId, String(targetId))))
    .orderBy(auditEvent.id)
    .all()
    .map((row) => ({
      actorId: row.actorId,
      action: row.action,
      details: row.details ? (JSON.parse(row.details) as unknown) : null,
    }))
}

/** How many rows a table holds. */
export function rowCount(table: SQLiteTable) {
  return getDb().select({ n: count() }).from(table).get()!.n
}
