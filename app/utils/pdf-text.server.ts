import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

export type PdfTextOptions = {
  /** Pages read at most (from the first). */
  maxPages?: number
  /** Characters kept at most. */
  maxChars?: number
  /** Milliseconds before the work stops; the pages read so far are kept. */
  timeoutMs?: number
  /** Larger files are not read at all (pdf.js needs the whole file in memory). */
  maxFileBytes?: number
}

const defaults = { maxPages: 200, maxChars: 1_000_000, timeoutMs: 20_000, maxFileBytes: 100 * 1024 * 1024 }

// Relative to the working directory, like the migrations folder: the server always starts from the project root,
// and the worker is a plain module beside server.mjs (the Vite build bundles app/, not worker entry points).
const workerFile = path.resolve('server/pdf-text-worker.mjs')

// Two at a time at most: each may hold a large file and a pdf.js heap.
const MAX_RUNNING = 2
let running = 0
const waiting: (() => void)[] = []

async function slot() {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  return () => {
    running--
    waiting.shift()?.()
  }
}

/**
 * The text of a PDF for search, in reading order (Arabic included), with presentation forms folded (NFKC) and
 * whitespace tidied. Bounded in pages, characters, time and memory; a broken or hostile file gives '' (or the
 * pages read before it failed), never an exception.
 */
export async function extractPdfText(file: string, options: PdfTextOptions = {}): Promise<string> {
  const { maxPages, maxChars, timeoutMs, maxFileBytes } = { ...defaults, ...options }
  try {
    if (fs.statSync(file).size > maxFileBytes) return ''
  } catch {
    return ''
  }
  const release = await slot()
  try {
    const pages = await new Promise<string[]>((resolve) => {
      const read: string[] = []
      const worker = new Worker(workerFile, {
        workerData: { file, maxPages, maxChars },
        resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
        // pdf.js warns about every oddity of a broken file; those are not the server's log lines.
        stdout: true,
        stderr: true,
      })
      worker.stdout.resume()
      worker.stderr.resume()
      let settled = false
      const finish = () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        void worker.terminate()
        resolve(read)
      }
      const timer = setTimeout(finish, timeoutMs)
      worker.on('message', (message: { page?: string; done?: boolean }) => {
        if (typeof message.page === 'string') read.push(message.page)
        if (message.done) finish()
      })
      worker.on('error', finish)
      worker.on('exit', finish)
    })
    return tidy(pages.join('\n\n')).slice(0, maxChars)
  } catch {
    return ''
  } finally {
    release()
  }
}

function tidy(text: string) {
  return text
    .normalize('NFKC')
    .replace(/[^\P{Cc}\n]/gu, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
