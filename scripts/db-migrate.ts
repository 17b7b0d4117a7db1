// Applies pending migrations to DATA_DIR/portal.db (the server also does this at start-up).
import { getDatabasePath } from '~/utils/config.server'
import { closeDb, getDb } from '~/utils/db.server'

getDb()
closeDb()
console.log(`migrations applied to ${getDatabasePath()}`)
