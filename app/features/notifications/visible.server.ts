// Which notifications a person may still see (issue 17): one of a closed group only while they are an active member.
import { sql } from 'drizzle-orm'
import { notification } from '#db/schema/index'

/** SQL condition on `notification` rows: no group, an open group, or a group the row's person is still in. */
export const stillVisible = sql`(${notification.groupId} IS NULL
  OR EXISTS (SELECT 1 FROM work_group g WHERE g.id = ${notification.groupId} AND g.access = 'open')
  OR EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = ${notification.groupId}
    AND m.user_id = ${notification.userId} AND m.state = 'active'))`
