// Loads the demo data (parliaments and assemblies from DOMAIN.md, demo accounts) on demand; with --world, also
// every national chamber in IPU's 2021 ranking, read from ../shared/data/parliaments or --from DIR.
import { parseArgs } from 'node:util'
import { seedDemo } from '#db/seed'
import { defaultWorldDataDir, seedWorld } from '#db/seed-world'
import { getDatabasePath } from '~/utils/config.server'
import { closeDb, getDb } from '~/utils/db.server'

const usage = 'usage: npm run db:seed [-- --world [--from DIR]]'
let args
try {
  args = parseArgs({ options: { world: { type: 'boolean', default: false }, from: { type: 'string' } } }).values
  if (args.from !== undefined && !args.world) throw new Error('--from only applies with --world')
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(2)
}

try {
  await seedDemo(getDb())
  console.log(`demo data loaded into ${getDatabasePath()}`)
  if (args.world) {
    const started = performance.now()
    const from = args.from ?? defaultWorldDataDir()
    const { inserted, updated, unchanged, notes } = seedWorld(getDb(), { from })
    for (const note of notes) console.log(`note: ${note}`)
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    console.log(
      `world chambers from ${from}: ${inserted} inserted, ${updated} updated, ${unchanged} unchanged (${seconds} s)`,
    )
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  closeDb()
}
