import { count, desc, eq } from 'drizzle-orm'
import { outbox } from '#db/schema/index'
import { getDb } from '~/utils/db.server'

export function insertOutboxMessage(input: {
  toAddress: string
  subject: string
  textBody: string
  locale: string
}) {
  return getDb().insert(outbox).values(input).returning({ id: outbox.id }).get()
}

export function markOutboxMessage(id: number, result: { sent: true } | { sent: false; error: string }) {
  getDb()
    .update(outbox)
    .set(
      result.sent
        ? { status: 'sent', sentAt: new Date(), error: null }
        : { status: 'failed', error: result.error.slice(0, 500) },
    )
    .where(eq(outbox.id, id))
    .run()
}

export const OUTBOX_PAGE_SIZE = 25

export function listOutboxMessages(page: number) {
  const db = getDb()
  const rows = db
    .select()
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all()
  const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0
  return { rows, total }
}
