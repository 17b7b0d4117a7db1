import { hasAnyUser, hasDemoAccount, seedDemo } from '#db/seed'
import { startPendingUploadSweep } from '~/utils/pending-upload.server'
import { startReminderScheduler } from '~/features/meetings/reminders.server'
import { startSurveyReminderScheduler } from '~/features/surveys/reminders.server'
import { startDigestScheduler } from '~/features/notifications/digest.server'
import { refreshParliamentSearchText } from '~/features/network/parliament.server'
import { syncResourceSearchIndex } from '~/features/search/search.server'
import { getConfig, ConfigError } from './utils/config.server'
import { startMailDelivery } from './utils/mail.server'
import { publicUrlWarning } from './utils/links.server'
import { sweepUploadsAtStartup } from './utils/file-store.server'
import { checkDatabaseHealth, getDb } from './utils/db.server'

/**
 * Called once by server.mjs before it listens: validates the configuration, opens the database (which
 * applies pending migrations) and loads the demo on an empty database unless DEMO=0.
 */
export async function startServerApp() {
  let config
  try {
    config = getConfig()
  } catch (error) {
    if (error instanceof ConfigError) return { error: error.message }
    throw error
  }
  // Unset PUBLIC_URL keeps a laptop working; a real installation must see at once where mailed links point.
  const linkWarning = publicUrlWarning(config)
  if (linkWarning) console.warn(linkWarning)
  const db = getDb()
  if (config.DEMO && !hasAnyUser(db)) {
    await seedDemo(db)
    console.log('demo: loaded the demo data (DEMO=0 turns this off)')
  }
  refreshParliamentSearchText()
  // Resources written without the app (scripts, an older version) get their search rows; cheap otherwise.
  syncResourceSearchIndex()
  // What a killed process left in the file store (partial uploads, blobs without their row) goes before any request.
  const swept = sweepUploadsAtStartup()
  if (swept.temp || swept.orphans) {
    console.log(`uploads: removed ${swept.temp} interrupted upload(s) and ${swept.orphans} unreferenced file(s)`)
  }
  // Uploads never attached to a resource (and temporary files of a crash) go after a day; checked hourly.
  startPendingUploadSweep()
  startReminderScheduler()
  startSurveyReminderScheduler()
  startDigestScheduler()
  void import('~/features/notifications/alerts').then((alerts) => alerts.startAlertScheduler())
  // Mail committed before a crash or a restart, but not yet handed to SMTP, goes out now.
  startMailDelivery()
  demoInstallation = hasDemoAccount(db)
  return { config }
}

/** For /healthz: 'ok', 'unavailable' or 'cannot-write' (a full disk). */
export function checkHealth() {
  return checkDatabaseHealth()
}

let demoInstallation = false

/** Whether this installation runs on the demo data (shown as a banner on every page). */
export function isDemoInstallation() {
  return demoInstallation
}
