import { count, desc, eq } from 'drizzle-orm'
import { auditEvent, user } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'

export type AuditInput = {
  actorId: number | null
  action: string
  targetType?: string
  targetId?: string | number
  details?: Record<string, unknown>
}

/** Pass the transaction of the change it records, so that one never commits without the other. */
export function recordAuditEvent(input: AuditInput, tx: Tx = getDb()) {
  tx.insert(auditEvent)
    .values({
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId === undefined ? null : String(input.targetId),
      details: input.details ? JSON.stringify(input.details) : null,
    })
    .run()
}

export const AUDIT_PAGE_SIZE = 50

export function listAuditEvents(page: number) {
  const db = getDb()
  const rows = db
    .select({
      id: auditEvent.id,
      action: auditEvent.action,
      targetType: auditEvent.targetType,
      targetId: auditEvent.targetId,
      details: auditEvent.details,
      createdAt: auditEvent.createdAt,
      actorName: user.name,
      actorEmail: user.email,
    })
    .from(auditEvent)
    .leftJoin(user, eq(auditEvent.actorId, user.id))
    .orderBy(desc(auditEvent.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(auditEvent).get()?.n ?? 0
  return { rows, total }
}
