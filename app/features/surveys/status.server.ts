// The status board of a questionnaire (issue 16): every parliament it was sent to, with its response's status
// (invited / started / submitted / reopened), its last activity and who, in one query.
import { alias } from 'drizzle-orm/sqlite-core'
import { asc, eq } from 'drizzle-orm'
import { parliament, surveyResponse, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { responseStatuses, type ResponseStatus } from './vocabulary'

const submitter = alias(user, 'submitter')

export function listResponseStatuses(surveyId: number) {
  return getDb()
    .select({
      id: surveyResponse.id,
      status: surveyResponse.status,
      invitedAt: surveyResponse.invitedAt,
      submittedAt: surveyResponse.submittedAt,
      reopenedAt: surveyResponse.reopenedAt,
      lastActivityAt: surveyResponse.lastActivityAt,
      reminderSentAt: surveyResponse.reminderSentAt,
      lastActivityBy: user.name,
      submittedBy: submitter.name,
      parliamentId: parliament.id,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      region: parliament.region,
      kind: parliament.kind,
    })
    .from(surveyResponse)
    .innerJoin(parliament, eq(parliament.id, surveyResponse.parliamentId))
    .leftJoin(user, eq(user.id, surveyResponse.lastActivityById))
    .leftJoin(submitter, eq(submitter.id, surveyResponse.submittedById))
    .where(eq(surveyResponse.surveyId, surveyId))
    .orderBy(asc(parliament.nameEn), asc(parliament.id))
    .all()
}

/** How many responses are in each status. */
export function countByStatus(rows: readonly { status: ResponseStatus }[]) {
  const counts = Object.fromEntries(responseStatuses.map((s) => [s, 0])) as Record<ResponseStatus, number>
  for (const r of rows) counts[r.status]++
  return counts
}
