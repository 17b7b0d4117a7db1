import { and, asc, eq, gte } from 'drizzle-orm'
import { outbox } from '#db/schema/index'
import type { Tx } from '~/utils/db.server'

/** Through `tx`, so that the mail commits or rolls back with the change that caused it. */
export function insertOutboxMessage(
  tx: Tx,
  input: {
    toAddress: string
    subject: string
    textBody: string
    locale: string
    headers?: string | null
  },
) {
  return tx.insert(outbox).values(input).returning({ id: outbox.id }).get()
}

/** The rows still to send, oldest first, queued since `since`. */
export function listQueuedOutboxMessages(tx: Tx, since: Date) {
  return tx
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      textBody: outbox.textBody,
      headers: outbox.headers,
    })
    .from(outbox)
    .where(and(eq(outbox.status, 'queued'), gte(outbox.createdAt, since)))
    .orderBy(asc(outbox.id))
    .all()
}

export function getOutboxStatus(tx: Tx, id: number) {
  return tx.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id)).get()?.status ?? null
}

/** A sent row keeps the body it is given (redacted of its one-time links); a failed one keeps its error. */
export function markOutboxMessage(
  tx: Tx,
  id: number,
  result: { sent: true; textBody: string } | { sent: false; error: string },
) {
  tx.update(outbox)
    .set(
      result.sent
        ? {
            status: 'sent',
            sentAt: new Date(),
            error: null,
            textBody: result.textBody,
          }
        : { status: 'failed', error: result.error.slice(0, 500) },
    )
    .where(eq(outbox.id, id))
    .run()
}
