// Telling people (issue 17): the one way every feature makes notifications. Inside the caller's transaction it writes
// one row per person — never the actor, never someone who muted the group or the thread — and returns their ids;
// after the commit the caller hands those ids to `mailImmediately` (mail.server.ts), which mails the people whose
// preference for that kind is "immediately" (the others get them in their digest).
import { and, eq, inArray, or } from 'drizzle-orm'
import { follow, notification } from '#db/schema/index'
import type { Tx } from '~/utils/db.server'
import type { NotificationKind } from './vocabulary'

export type NewNotification = {
  kind: NotificationKind
  actorId: number | null
  /** The group it happens in (a closed group's notifications are checked against membership when read). */
  groupId?: number | null
  /** The thread it happens in, for a mute on that thread. */
  threadId?: number | null
  subjectType: string
  subjectId: number
  titleEn: string
  titleAr: string
  /** The page it leads to, without the language prefix: `/groups/3/threads/9#post-41`. */
  path: string
}

/** Writes the notification for each of `userIds` (deduplicated) who wants it; returns the new rows' ids. */
export function notify(tx: Tx, userIds: readonly number[], n: NewNotification): number[] {
  let people = [...new Set(userIds)].filter((id) => id !== n.actorId)
  if (people.length === 0) return []
  const muted = tx
    .select({ userId: follow.userId })
    .from(follow)
    .where(
      and(
        inArray(follow.userId, people),
        eq(follow.level, 'mute'),
        or(
          n.groupId ? and(eq(follow.targetType, 'group'), eq(follow.targetId, n.groupId)) : undefined,
          n.threadId ? and(eq(follow.targetType, 'thread'), eq(follow.targetId, n.threadId)) : undefined,
        ),
      ),
    )
    .all()
  if (muted.length && (n.groupId || n.threadId)) {
    const out = new Set(muted.map((m) => m.userId))
    people = people.filter((id) => !out.has(id))
  }
  if (people.length === 0) return []
  return tx
    .insert(notification)
    .values(
      people.map((userId) => ({
        userId,
        kind: n.kind,
        actorId: n.actorId,
        groupId: n.groupId ?? null,
        subjectType: n.subjectType,
        subjectId: n.subjectId,
        titleEn: n.titleEn,
        titleAr: n.titleAr,
        path: n.path,
      })),
    )
    .returning({ id: notification.id })
    .all()
    .map((r) => r.id)
}
