// Cleaning up the file store: deleting a blob no row names, and the start-up sweep of temporary files (an upload
// cut short) and unreferenced blobs (stored, but the process died before its row was written).
import fs from 'node:fs'
import path from 'node:path'
import { getDb } from './db.server'
import { SHA256, tempDir, uploadPath, uploadsDir } from './file-store-blobs.server'

/**
 * The tables that name blobs: every table with a `sha256` column (resource_file, pending_upload,
 * assistance_request_file, and any later one), found in the schema so that a new table cannot be forgotten.
 */
function blobTables(): string[] {
  const rows = getDb()
    .$client.prepare(
      `select m.name from sqlite_master m, pragma_table_info(m.name) c
       where m.type = 'table' and m.name not like 'sqlite_%' and c.name = 'sha256'`,
    )
    .all() as { name: string }[]
  return rows.map((r) => r.name)
}

function isBlobReferenced(sha256: string, tables = blobTables()) {
  const db = getDb().$client
  return tables.some((table) =>
    db.prepare(`select 1 from "${table.replace(/"/g, '""')}" where sha256 = ? limit 1`).get(sha256),
  )
}

/**
 * Deletes a blob's bytes when no row names it. Synchronous from the check to the unlink, so no request can insert
 * a row in between (the process is single-threaded); callers that store a blob insert its row right after
 * `storeUpload` resolves, with no other I/O in between.
 */
export function removeBlobIfUnreferenced(sha256: string) {
  if (!SHA256.test(sha256)) return false
  if (isBlobReferenced(sha256)) return false
  try {
    fs.unlinkSync(uploadPath(sha256))
    return true
  } catch {
    return false
  }
}

/**
 * At start-up, before any request: removes every temporary file (an upload in progress when the last process
 * died) and every blob no row names (stored, then the process died before its row was written). Decision 007:
 * nothing is left on disk by an interrupted upload. Only safe while no upload runs, hence start-up only.
 */
export function sweepUploadsAtStartup() {
  const removed = { temp: 0, orphans: 0 }
  for (const name of readdir(tempDir())) {
    fs.rmSync(path.join(tempDir(), name), { force: true, recursive: true })
    removed.temp++
  }
  const tables = blobTables()
  for (const folder of readdir(uploadsDir())) {
    if (!/^[a-f0-9]{2}$/.test(folder)) continue
    for (const name of readdir(path.join(uploadsDir(), folder))) {
      const file = path.join(uploadsDir(), folder, name)
      // Not a blob of this folder (a stray file): left alone, it is nobody's upload to judge.
      if (!SHA256.test(name) || !name.startsWith(folder)) continue
      if (isBlobReferenced(name, tables)) continue
      fs.rmSync(file, { force: true })
      removed.orphans++
    }
  }
  return removed
}

function readdir(dir: string) {
  try {
    return fs.readdirSync(dir)
  } catch {
    return []
  }
}

/** Removes temporary files older than `olderThanMs` (left behind only by a crash mid-upload). */
export function cleanTempUploads(olderThanMs = 60 * 60 * 1000, now = Date.now()) {
  let removed = 0
  let names: string[]
  try {
    names = fs.readdirSync(tempDir())
  } catch {
    return 0
  }
  for (const name of names) {
    const file = path.join(tempDir(), name)
    try {
      if (now - fs.statSync(file).mtimeMs > olderThanMs) {
        fs.rmSync(file, { force: true })
        removed++
      }
    } catch {
      // Gone already.
    }
  }
  return removed
}
