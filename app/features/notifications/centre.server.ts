// The notification centre (issue 17): a person's notifications, unread first, and the header's unread count.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { notification } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import { stillVisible } from './visible.server'

export const CENTRE_PAGE_SIZE = 50

/** The header's badge: one COUNT on the (user_id, read_at) index. */
export function unreadCount(userId: number, tx: Tx = getDb()): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(notification)
      .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
      .get()?.n ?? 0
  )
}

export type CentreItem = {
  id: number
  kind: (typeof notification.$inferSelect)['kind']
  titleEn: string
  titleAr: string
  path: string
  read: boolean
  createdAt: Date
}

/** Unread first, newest first within each; only what the person may still see. */
export function listNotifications(userId: number, limit = CENTRE_PAGE_SIZE, tx: Tx = getDb()): CentreItem[] {
  return tx
    .select({
      id: notification.id,
      kind: notification.kind,
      titleEn: notification.titleEn,
      titleAr: notification.titleAr,
      path: notification.path,
      readAt: notification.readAt,
      createdAt: notification.createdAt,
    })
    .from(notification)
    .where(and(eq(notification.userId, userId), stillVisible))
    .orderBy(sql`${notification.readAt} IS NOT NULL`, desc(notification.createdAt), desc(notification.id))
    .limit(limit)
    .all()
    .map(({ readAt, ...n }) => ({ ...n, read: readAt !== null }))
}

/** Marks these (the person's own) read; returns how many changed. */
export function markRead(tx: Tx, userId: number, ids: readonly number[] | 'all') {
  const mine = and(eq(notification.userId, userId), isNull(notification.readAt))
  return tx
    .update(notification)
    .set({ readAt: new Date() })
    .where(ids === 'all' ? mine : and(mine, inArray(notification.id, [...ids])))
    .run().changes
}
