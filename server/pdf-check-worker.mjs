// Runs in a worker thread (app/utils/file-check.server.ts): does pdf.js open this file and its first page?
// Answers { ok } once; a hostile file may also crash or hang the worker, which the caller counts as "no".
import fs from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { getDocumentProxy } from 'unpdf'

let ok = false
try {
  const bytes = new Uint8Array(await fs.readFile(workerData.file))
  const pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false })
  try {
    if (pdf.numPages >= 1) {
      await pdf.getPage(1)
      ok = true
    }
  } finally {
    await pdf.destroy()
  }
} catch {
  ok = false
}
parentPort.postMessage({ ok })
