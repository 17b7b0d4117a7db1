// The questionnaires' reminder (issue 16): `reminderDays` before the deadline, to the members of each parliament
// whose response is not submitted. The response is claimed with a conditional UPDATE of its `reminder_sent_at` in
// the transaction that queues the mails: a second run, a restart or two processes at once never send it twice.
import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import { parliament, survey, surveyResponse } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { notifyReminder } from './answer-mail.server'
import { parliamentMembers } from './response.server'

const unanswered = ['invited', 'started', 'reopened'] as const

/** Responses whose reminder is due at `now`: open surveys, deadline ahead within their reminder days, not sent. */
function dueResponses(now: Date) {
  const seconds = Math.floor(now.getTime() / 1000)
  return getDb()
    .select({
      responseId: surveyResponse.id,
      parliamentId: surveyResponse.parliamentId,
      survey: { id: survey.id, titleEn: survey.titleEn, titleAr: survey.titleAr, deadline: survey.deadline },
      parliament: { nameEn: parliament.nameEn, nameAr: parliament.nameAr },
    })
    .from(surveyResponse)
    .innerJoin(survey, eq(survey.id, surveyResponse.surveyId))
    .innerJoin(parliament, eq(parliament.id, surveyResponse.parliamentId))
    .where(
      and(
        eq(survey.status, 'open'),
        gt(survey.reminderDays, 0),
        gt(survey.deadline, now),
        lte(sql`${survey.deadline} - ${survey.reminderDays} * 86400`, seconds),
        inArray(surveyResponse.status, unanswered),
        isNull(surveyResponse.reminderSentAt),
      ),
    )
    .orderBy(asc(surveyResponse.id))
    .all()
}

/** Sends the reminders due at `now` and not sent yet; returns how many responses (parliaments) were reminded. */
export function sendDueSurveyReminders(now = new Date()) {
  let reminded = 0
  for (const due of dueResponses(now)) {
    const claimed = atomically((tx) => {
      const claim = tx
        .update(surveyResponse)
        .set({ reminderSentAt: now })
        .where(
          and(
            eq(surveyResponse.id, due.responseId),
            isNull(surveyResponse.reminderSentAt),
            inArray(surveyResponse.status, unanswered),
          ),
        )
        .run()
      if (claim.changes === 0) return false
      notifyReminder(tx, due.survey, parliamentMembers(due.parliamentId, tx), { parliament: due.parliament })
      recordAuditEvent(
        {
          actorId: null,
          action: 'survey.reminder_sent',
          targetType: 'survey_response',
          targetId: due.responseId,
          details: { surveyId: due.survey.id, parliamentId: due.parliamentId },
        },
        tx,
      )
      return true
    })
    if (claimed) reminded++
  }
  return reminded
}

const TEN_MINUTES = 10 * 60 * 1000
const globalForReminders = globalThis as unknown as { __parlnetSurveyReminders?: ReturnType<typeof setInterval> }

/** Runs the survey reminders now and every 10 minutes beside the meetings' (one timer, never keeping it alive). */
export function startSurveyReminderScheduler() {
  const run = () => {
    try {
      const reminded = sendDueSurveyReminders()
      if (reminded) console.log(`reminders: reminded ${reminded} parliament(s) of a questionnaire's deadline`)
    } catch (error) {
      console.error('reminders: the questionnaires run failed', error)
    }
  }
  run()
  if (globalForReminders.__parlnetSurveyReminders) clearInterval(globalForReminders.__parlnetSurveyReminders)
  globalForReminders.__parlnetSurveyReminders = setInterval(run, TEN_MINUTES)
  globalForReminders.__parlnetSurveyReminders.unref()
}
