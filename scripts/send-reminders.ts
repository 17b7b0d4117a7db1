// Sends the meeting and questionnaire reminders that are due now (the server also does this every 10 minutes):
//   npm run reminders
// Safe to run at any time: a reminder already sent is never sent again.
import { sendDueReminders } from '~/features/meetings/reminders.server'
import { sendDueSurveyReminders } from '~/features/surveys/reminders.server'
import { sendDueDigests } from '~/features/notifications/digest.server'
import { getDatabasePath } from '~/utils/config.server'
import { closeDb, getDb } from '~/utils/db.server'

getDb()
try {
  const counts = await sendDueReminders()
  const surveys = sendDueSurveyReminders()
  const digests = sendDueDigests()
  console.log(
    `alerts: ${(await import('~/features/notifications/alerts')).runDueAlerts()} saved-search alert(s) mailed`,
  )
  console.log(
    `reminders (${getDatabasePath()}): ${counts.dayBefore} day-before, ${counts.deadlineEve} registration-deadline, ${surveys} questionnaire, ${digests.daily} daily and ${digests.weekly} weekly digest(s)`,
  )
} finally {
  closeDb()
}
