// Sending a questionnaire (issue 16): to all the parliaments of the network, those of some regions or kinds, or
// chosen by hand; with a deadline and the days before it the reminder goes. Each parliament newly sent it gets its
// response row ('invited') and each of its active members an invitation in their language, in one transaction with
// the audit row. Sending again adds parliaments (and may move the deadline); those already invited are left as they
// are and not mailed twice.
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import { parliament, survey, surveyQuestion, surveyResponse, user } from '#db/schema/index'
import type { ParliamentKind, Region } from '#db/enums'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { recordAuditEvent } from '~/utils/audit.server'
import { SendSchema, type SendInput } from './builder-schemas'
import { asSurveysError, type SurveysError } from './errors'
import { sendInvitation } from './mail.server'
import type { SurveyRow } from './questionnaire.server'

export type SendChoice = {
  id: number
  nameEn: string
  nameAr: string
  region: Region
  kind: ParliamentKind
  /** Already sent this questionnaire. */
  invited: boolean
}

/** The parliaments of the network (those that joined it), each marked when it already has this questionnaire. */
export function listSendChoices(surveyId: number): SendChoice[] {
  return getDb()
    .select({
      id: parliament.id,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      region: parliament.region,
      kind: parliament.kind,
      // Written out: drizzle leaves a single-table query's columns unqualified, which a subquery would misread.
      invited: sql<number>`EXISTS (SELECT 1 FROM ${surveyResponse} r
        WHERE r.survey_id = ${surveyId} AND r.parliament_id = "parliament"."id")`,
    })
    .from(parliament)
    .where(isNotNull(parliament.joinedAt))
    .orderBy(parliament.nameEn, parliament.id)
    .all()
    .map((p) => ({ ...p, invited: Boolean(p.invited) }))
}

/** The ids of the parliaments an input names; by hand, every one must exist (null if one does not). */
function chosenParliaments(input: SendInput): number[] | null {
  const db = getDb()
  const inNetwork = isNotNull(parliament.joinedAt)
  let where: SQL | undefined
  if (input.mode === 'all') where = inNetwork
  else if (input.mode === 'region') where = and(inNetwork, inArray(parliament.region, input.regions))
  else if (input.mode === 'kind') where = and(inNetwork, inArray(parliament.kind, input.kinds))
  else where = inArray(parliament.id, input.parliamentIds)
  const ids = db
    .select({ id: parliament.id })
    .from(parliament)
    .where(where)
    .all()
    .map((r) => r.id)
  if (input.mode === 'hand' && ids.length !== input.parliamentIds.length) return null
  return ids
}

/**
 * Sends the questionnaire to the chosen parliaments: it opens (if it was a draft), takes the deadline and reminder
 * days, and each parliament not yet invited gets its response and its members their invitation. Refused on a closed
 * questionnaire, one with no question still asked, a deadline not in the future, or no parliament.
 */
export function sendSurvey(
  s: SurveyRow,
  raw: unknown,
  by: { id: number },
  now = new Date(),
): Result<{ parliaments: number; mails: number }, SurveysError> {
  if (s.status === 'closed') return fail('surveyClosed')
  const parsed = SendSchema.safeParse(raw)
  if (!parsed.success) return fail(asSurveysError(parsed.error.issues[0]?.message))
  const input = parsed.data
  if (input.deadline.getTime() <= now.getTime()) return fail('deadlineInPast')
  const db = getDb()
  const asked = db
    .select({ id: surveyQuestion.id })
    .from(surveyQuestion)
    .where(and(eq(surveyQuestion.surveyId, s.id), isNull(surveyQuestion.closedAt)))
    .get()
  if (!asked) return fail('noQuestions')
  const ids = chosenParliaments(input)
  if (ids === null) return fail('parliamentUnknown')
  if (ids.length === 0) return fail('noParliaments')
  return atomically((tx) => {
    db.update(survey)
      .set({
        status: 'open',
        deadline: input.deadline,
        reminderDays: input.reminderDays,
        sentAt: s.sentAt ?? now,
        updatedAt: now,
      })
      .where(eq(survey.id, s.id))
      .run()
    const added = db
      .insert(surveyResponse)
      .values(ids.map((parliamentId) => ({ surveyId: s.id, parliamentId, status: 'invited' as const, invitedAt: now })))
      .onConflictDoNothing()
      .returning({ parliamentId: surveyResponse.parliamentId })
      .all()
      .map((r) => r.parliamentId)
    const invitees = added.length
      ? db
          .select({
            email: user.email,
            locale: user.locale,
            parliamentNameEn: parliament.nameEn,
            parliamentNameAr: parliament.nameAr,
          })
          .from(user)
          .innerJoin(parliament, eq(parliament.id, user.parliamentId))
          .where(and(inArray(user.parliamentId, added), eq(user.isActive, true), eq(user.role, 'member')))
          .orderBy(user.id)
          .all()
      : []
    const ref = { id: s.id, titleEn: s.titleEn, titleAr: s.titleAr, deadline: input.deadline }
    for (const person of invitees) sendInvitation(tx, ref, person)
    recordAuditEvent(
      {
        actorId: by.id,
        action: 'survey.send',
        targetType: 'survey',
        targetId: s.id,
        details: {
          mode: input.mode,
          parliaments: added.length,
          mails: invitees.length,
          deadline: input.deadline.toISOString(),
          reminderDays: input.reminderDays,
        },
      },
      tx,
    )
    return ok({ parliaments: added.length, mails: invitees.length })
  })
}
