import { count, desc, eq } from 'drizzle-orm'
import { auditEvent, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

// The audit log as the admin pages read it; rows are written by ~/utils/audit.server, in each change's transaction.

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
