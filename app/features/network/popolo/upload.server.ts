import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getConfig } from '~/utils/config.server'
import { ok } from '~/utils/result'
import type { Actor } from '../access.server'
import {
  commitPopoloImport,
  parsePopoloJson,
  planPopoloImport,
  PopoloImportError,
  summarize,
  type PopoloImportSummary,
} from './import.server'

// An uploaded Popolo file waits here between its preview and its commit, named by its SHA-256, so the
// commit imports exactly the bytes that were previewed (and a coordinator cannot point it at another path).

function importsDir() {
  return path.resolve(getConfig().DATA_DIR, 'imports')
}

export function storePendingImport(bytes: Buffer) {
  const hash = crypto.createHash('sha256').update(bytes).digest('hex')
  fs.mkdirSync(importsDir(), { recursive: true })
  fs.writeFileSync(path.join(importsDir(), `${hash}.json`), bytes)
  return hash
}

export function readPendingImport(hash: string) {
  if (!/^[a-f0-9]{64}$/.test(hash)) return null
  try {
    return fs.readFileSync(path.join(importsDir(), `${hash}.json`))
  } catch {
    return null
  }
}

export function removePendingImport(hash: string) {
  if (/^[a-f0-9]{64}$/.test(hash)) fs.rmSync(path.join(importsDir(), `${hash}.json`), { force: true })
}

/**
 * A refused upload (decision 011's shape): the preview is gone ('expired'), or the file cannot be imported
 * ('refused'), with the import's one-line reason, in English, for the coordinator.
 */
export type UploadRefusal = { ok: false; error: 'expired' } | { ok: false; error: 'refused'; detail: string }
type UploadResult<T> = { ok: true; value: T } | UploadRefusal

/** A whole import's refusal (PopoloImportError, which the CLI prints) as a value; anything else is a bug. */
function refusing<T>(run: () => UploadResult<T>): UploadResult<T> {
  try {
    return run()
  } catch (error) {
    if (error instanceof PopoloImportError) return { ok: false, error: 'refused', detail: error.message }
    throw error
  }
}

/** What importing this uploaded file would change, and the hash its commit names; nothing is imported yet. */
export function previewPopoloUpload(
  bytes: Buffer,
  options: { parliamentId?: number },
): UploadResult<{ summary: PopoloImportSummary; hash: string }> {
  return refusing(() => {
    const plan = planPopoloImport(parsePopoloJson(bytes), options)
    return ok({ summary: summarize(plan), hash: storePendingImport(bytes) })
  })
}

/**
 * Imports the previewed file of this hash, and its audit row, in one transaction (commitPopoloImport), then lets
 * the waiting file go. `written` is false when the database already held everything in it.
 */
export function commitPopoloUpload(
  hash: string,
  options: { parliamentId?: number },
  actor: Actor,
): UploadResult<{ summary: PopoloImportSummary; written: boolean }> {
  const bytes = readPendingImport(hash)
  if (!bytes) return { ok: false, error: 'expired' }
  return refusing(() => {
    const result = commitPopoloImport(parsePopoloJson(bytes), { ...options, source: 'upload' }, actor?.id ?? null)
    removePendingImport(hash)
    return ok({ summary: summarize(result), written: result.written })
  })
}
