import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt } from './columns'
import { user } from './accounts'

export const outboxStatuses = ['queued', 'sent', 'failed'] as const

/** Every mail the portal sends. Without SMTP it stays here ("queued"), readable by admins. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    locale: text('locale').notNull(),
    /** JSON of extra mail headers (RFC 8058 List-Unsubscribe…), or null. */
    headers: text('headers'),
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    error: text('error'),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_created_at_idx').on(t.createdAt), index('outbox_to_address_idx').on(t.toAddress)],
)

/** Who did what, when, to what. */
export const auditEvent = sqliteTable(
  'audit_event',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** JSON with the details that matter (never secrets). */
    details: text('details'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_event_created_at_idx').on(t.createdAt), index('audit_event_actor_id_idx').on(t.actorId)],
)
