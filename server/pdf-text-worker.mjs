// Runs in a worker thread (app/utils/pdf-text.server.ts): pdf.js parses untrusted files, so it gets its own heap
// limit and can be stopped at any moment without touching the server's event loop. Sends one message per page
// ({ page: text }) so that a timeout still keeps the pages read so far, then { done: true }.
import fs from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { getDocumentProxy } from 'unpdf'
import { pageText } from './pdf-text-order.mjs'

const { file, maxPages, maxChars } = workerData
const pdf = await getDocumentProxy(new Uint8Array(await fs.readFile(file)), { verbosity: 0, isEvalSupported: false })
try {
  let chars = 0
  const last = Math.min(pdf.numPages, maxPages)
  for (let n = 1; n <= last && chars < maxChars; n++) {
    const page = await pdf.getPage(n)
    const text = pageText((await page.getTextContent()).items)
    page.cleanup()
    chars += text.length
    parentPort.postMessage({ page: text })
  }
} finally {
  await pdf.destroy()
}
parentPort.postMessage({ done: true })
