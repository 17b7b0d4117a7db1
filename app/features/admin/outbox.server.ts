import { count, desc } from 'drizzle-orm'
import { outbox } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { redactOneTimeLinks } from '~/utils/mail.server'

// The outbox as the admin pages read it; ~/utils/mail.server queues and delivers the rows.

export const OUTBOX_PAGE_SIZE = 25

/**
 * A page of the outbox, newest first, as `viewer` may read it: a live reset, invitation or feed link of another
 * account is never shown, even while the outbox is the only delivery channel.
 */
export function listOutboxMessages(page: number, viewer: { email: string }) {
  const db = getDb()
  const rows = db
    .select()
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .all()
    .map((m) => ({
      ...m,
      textBody: m.toAddress.toLowerCase() === viewer.email.toLowerCase() ? m.textBody : redactOneTimeLinks(m.textBody),
    }))
  const total = db.select({ n: count() }).from(outbox).get()?.n ?? 0
  return { rows, total }
}
