// One member asking for a seat from a separate process (its own SQLite connection), started by
// registration.server.test.ts: it opens the database, says "ready", and registers when told "go".
import { getDb } from '~/utils/db.server'
import { register } from './registration.server'

const [meetingId, userId] = process.argv.slice(2).map(Number)
getDb()
process.stdout.write('ready\n')
process.stdin.once('data', () => {
  Promise.resolve()
    .then(() =>
      register(
        meetingId!,
        { id: userId!, role: 'member', parliamentId: null },
        {
          attendanceMode: 'in_person',
          interpretation: [],
          accessibilityNeeds: '',
          dietaryNeeds: '',
        },
      ),
    )
    .then(
      (result) => {
        process.stdout.write(`${JSON.stringify(result)}\n`)
        process.exit(0)
      },
      (error: unknown) => {
        process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`)
        process.exit(1)
      },
    )
})
