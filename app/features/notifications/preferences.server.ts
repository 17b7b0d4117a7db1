// A person's e-mail delivery per kind of notification (issue 17): a stored row, else the kind's default.
import { and, eq, inArray } from 'drizzle-orm'
import { notificationPreference } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import { defaultDelivery, notificationKinds, type Delivery, type NotificationKind } from './vocabulary'

/** Every kind's delivery for one person. */
export function preferencesOf(tx: Tx = getDb(), userId: number): Record<NotificationKind, Delivery> {
  const out = { ...defaultDelivery }
  for (const row of tx
    .select({ kind: notificationPreference.kind, delivery: notificationPreference.delivery })
    .from(notificationPreference)
    .where(eq(notificationPreference.userId, userId))
    .all())
    out[row.kind] = row.delivery
  return out
}

/** The stored (non-default) deliveries of these people for one kind: `userId → delivery`. */
export function storedDeliveries(tx: Tx, userIds: readonly number[], kind: NotificationKind) {
  const map = new Map<number, Delivery>()
  if (userIds.length === 0) return map
  for (const row of tx
    .select({ userId: notificationPreference.userId, delivery: notificationPreference.delivery })
    .from(notificationPreference)
    .where(and(inArray(notificationPreference.userId, [...userIds]), eq(notificationPreference.kind, kind)))
    .all())
    map.set(row.userId, row.delivery)
  return map
}

/** Sets one kind's delivery (an upsert); returns whether anything changed. */
export function setDelivery(tx: Tx, userId: number, kind: NotificationKind, delivery: Delivery) {
  tx.insert(notificationPreference)
    .values({ userId, kind, delivery, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [notificationPreference.userId, notificationPreference.kind],
      set: { delivery, updatedAt: new Date() },
    })
    .run()
}

export function isKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (notificationKinds as readonly string[]).includes(value)
}
