// A process that file-store-cleanup.server.test.ts kills with SIGKILL in the middle of an upload: it streams a file
// into the store and says how far it got ("writing": half of it is in uploads/tmp; "stored <sha>": the blob is in
// place but its row is not written; "recorded <sha>": blob and pending_upload row both written), then waits to be
// killed.
import fs from 'node:fs'
import { createPendingUpload } from '~/utils/pending-upload.server'
import { storeUpload } from './file-store.server'

const [mode, file, userId] = process.argv.slice(2)
const bytes = fs.readFileSync(file!)
const forever = () => new Promise(() => setInterval(() => {}, 60_000))

async function* halfThenWait() {
  yield new Uint8Array(bytes.subarray(0, bytes.length >> 1))
  process.stdout.write('writing\n')
  await forever()
}

if (mode === 'mid') {
  await storeUpload(halfThenWait())
} else {
  const blob = await storeUpload(
    (async function* () {
      yield new Uint8Array(bytes)
    })(),
  )
  if (mode === 'recorded') createPendingUpload(blob, Number(userId), 'kept.pdf')
  process.stdout.write(`${mode} ${blob.sha256}\n`)
  await forever()
}
