// Loads the demo data (parliaments and assemblies from DOMAIN.md, demo accounts) on demand.
import { seedDemo } from '#db/seed'
import { getDatabasePath } from '~/utils/config.server'
import { closeDb, getDb } from '~/utils/db.server'

await seedDemo(getDb())
closeDb()
console.log(`demo data loaded into ${getDatabasePath()}`)
