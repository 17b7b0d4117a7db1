import { sql } from 'drizzle-orm'
import { hasAnyUser, hasDemoAccount, seedDemo } from '#db/seed'
import { startPendingUploadSweep } from '~/models/pending-upload.server'
import { startReminderScheduler } from '~/models/meeting-reminder.server'
import { refreshParliamentSearchText } from '~/models/parliament.server'
import { syncResourceSearchIndex } from '~/models/resource-search.server'
import { getConfig, ConfigError } from './config.server'
import { getDb } from './db.server'

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
  const db = getDb()
  if (config.DEMO && !hasAnyUser(db)) {
    await seedDemo(db)
    console.log('demo: loaded the demo data (DEMO=0 turns this off)')
  }
  refreshParliamentSearchText()
  // Resources written without the app (scripts, an older version) get their search rows; cheap otherwise.
  syncResourceSearchIndex()
  // Uploads never attached to a resource (and temporary files of a crash) go after a day; checked hourly.
  startPendingUploadSweep()
  startReminderScheduler()
  demoInstallation = hasDemoAccount(db)
  return { config }
}

export function checkHealth() {
  try {
    getDb().get(sql`select 1`)
    return true
  } catch {
    return false
  }
}

let demoInstallation = false

/** Whether this installation runs on the demo data (shown as a banner on every page). */
export function isDemoInstallation() {
  return demoInstallation
}
