import { auditEvent } from '#db/schema/index'
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
