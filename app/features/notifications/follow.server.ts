// Following or muting a group or a thread (issue 17). Following is written automatically for what one writes in
// (the threads feature calls `follow` through index.ts); a mute stops notify() for that group or thread.
import { and, eq } from 'drizzle-orm'
import { follow, groupThread } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import type { FollowLevel, FollowTarget } from './vocabulary'

export function followLevelOf(tx: Tx, userId: number, targetType: FollowTarget, targetId: number): FollowLevel | null {
  return (
    tx
      .select({ level: follow.level })
      .from(follow)
      .where(and(eq(follow.userId, userId), eq(follow.targetType, targetType), eq(follow.targetId, targetId)))
      .get()?.level ?? null
  )
}

/** Sets the level, or clears it with null. `onlyIfNone` keeps a person's own choice (an automatic follow). */
export function setFollow(
  tx: Tx,
  userId: number,
  targetType: FollowTarget,
  targetId: number,
  level: FollowLevel | null,
  { onlyIfNone = false } = {},
) {
  if (level === null) {
    tx.delete(follow)
      .where(and(eq(follow.userId, userId), eq(follow.targetType, targetType), eq(follow.targetId, targetId)))
      .run()
    return
  }
  const insert = tx.insert(follow).values({ userId, targetType, targetId, level })
  if (onlyIfNone) insert.onConflictDoNothing().run()
  else insert.onConflictDoUpdate({ target: [follow.userId, follow.targetType, follow.targetId], set: { level } }).run()
}

/** The group a follow target belongs to (a thread's group), or undefined when there is none. */
export function groupOfTarget(targetType: FollowTarget, targetId: number): number | undefined {
  if (targetType === 'group') return targetId
  return getDb().select({ groupId: groupThread.groupId }).from(groupThread).where(eq(groupThread.id, targetId)).get()
    ?.groupId
}
