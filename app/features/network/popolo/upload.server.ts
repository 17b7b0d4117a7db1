import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getConfig } from '~/utils/config.server'

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
