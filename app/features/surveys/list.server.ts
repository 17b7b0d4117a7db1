// The list of questionnaires a viewer may see (issue 16), one query each: coordinators all of them with their
// figures; a member those sent to their parliament (with its response's status) and those with published results;
// visitors those with published results. The rules of access.server.ts, repeated in the WHERE clause.
import { and, desc, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm'
import { survey } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'
import { canManageSurveys } from './access.server'
import type { ResponseStatus, SurveyStatus } from './vocabulary'

export type SurveyListRow = {
  id: number
  titleEn: string
  titleAr: string
  status: SurveyStatus
  deadline: Date | null
  resultsPublished: boolean
  questions: number
  invited: number
  submitted: number
  /** The viewer's parliament's response, when it was sent the questionnaire. */
  ownStatus: ResponseStatus | null
}

export function listSurveys(viewer: SessionUser | null): SurveyListRow[] {
  const manager = canManageSurveys(viewer)
  const parliamentId = viewer?.role === 'member' ? viewer.parliamentId : null
  // Written out: drizzle leaves a single-table query's columns unqualified, which a subquery would misread.
  const own = parliamentId
    ? sql<ResponseStatus | null>`(SELECT r.status FROM survey_response r
        WHERE r.survey_id = "survey"."id" AND r.parliament_id = ${parliamentId})`
    : sql<ResponseStatus | null>`NULL`
  const published = and(ne(survey.status, 'draft'), isNotNull(survey.resultsPublishedAt))
  let where: SQL | undefined
  if (manager) where = undefined
  else if (parliamentId)
    where = or(
      published,
      and(
        ne(survey.status, 'draft'),
        sql`EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = "survey"."id" AND r.parliament_id = ${parliamentId})`,
      ),
    )
  else where = published
  const rows = getDb()
    .select({
      id: survey.id,
      titleEn: survey.titleEn,
      titleAr: survey.titleAr,
      status: survey.status,
      deadline: survey.deadline,
      resultsPublishedAt: survey.resultsPublishedAt,
      questions: sql<number>`(SELECT count(*) FROM survey_question q WHERE q.survey_id = "survey"."id")`,
      invited: manager
        ? sql<number>`(SELECT count(*) FROM survey_response r WHERE r.survey_id = "survey"."id")`
        : sql<number>`0`,
      submitted: manager
        ? sql<number>`(SELECT count(*) FROM survey_response r WHERE r.survey_id = "survey"."id" AND r.status = 'submitted')`
        : sql<number>`0`,
      ownStatus: own,
    })
    .from(survey)
    .where(where)
    .orderBy(desc(survey.updatedAt), desc(survey.id))
    .limit(500)
    .all()
  return rows.map(({ resultsPublishedAt, ...r }) => ({
    ...r,
    resultsPublished: r.status !== 'draft' && resultsPublishedAt !== null,
  }))
}

/** A questionnaire's figures for its overview: sections, questions, parliaments invited and submitted. */
export function surveyFigures(surveyId: number) {
  return getDb().get<{ sections: number; questions: number; invited: number; submitted: number }>(sql`
    SELECT (SELECT count(*) FROM survey_section WHERE survey_id = ${surveyId}) AS sections,
      (SELECT count(*) FROM survey_question WHERE survey_id = ${surveyId} AND closed_at IS NULL) AS questions,
      (SELECT count(*) FROM survey_response WHERE survey_id = ${surveyId}) AS invited,
      (SELECT count(*) FROM survey_response WHERE survey_id = ${surveyId} AND status = 'submitted') AS submitted`)
}
