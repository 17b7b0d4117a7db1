import { recordAuditEvent } from '~/utils/audit.server'
import type { Tx } from '~/utils/db.server'

/** The audit row of a change to a meeting (or to what belongs to it), written in the change's transaction. */
export function auditMeeting(
  tx: Tx,
  actorId: number | null,
  action: string,
  meetingId: number,
  details?: Record<string, unknown>,
) {
  recordAuditEvent({ actorId, action, targetType: 'meeting', targetId: meetingId, details }, tx)
}
