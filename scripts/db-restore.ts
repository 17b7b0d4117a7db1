// Puts a backup made by `npm run db:backup` back in DATA_DIR:
//   npm run db:restore -- /path/to/backups/2025-01-31
// Refuses while a portal (or anything else) has DATA_DIR's database open: stop the portal first. The current
// database is not deleted but moved aside as portal.db.before-restore-<time> (with its -wal); files are added.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { getConfig, getDatabasePath } from '~/utils/config.server'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run db:restore -- DIR')
  process.exit(2)
}
const source = path.resolve(dir)
const backup = path.join(source, 'portal.db')
const fail = (message: string): never => {
  console.error(`db:restore: ${message}`)
  process.exit(1)
}
if (!fs.existsSync(backup)) fail(`${backup} does not exist: DIR is a directory written by npm run db:backup`)

// 1. The backup is whole before anything is touched.
const check = new Database(backup, { readonly: true, fileMustExist: true })
const integrity = check.pragma('integrity_check', { simple: true })
check.close()
if (integrity !== 'ok') fail(`the backup fails PRAGMA integrity_check (${String(integrity)}); nothing was changed`)

const dataDir = path.resolve(getConfig().DATA_DIR)
const target = getDatabasePath()
fs.mkdirSync(dataDir, { recursive: true })

// 2. Nobody may have the database open. In WAL mode every open connection holds the shared-memory lock, so an
// exclusive lock is refused (SQLITE_BUSY) while the portal runs, even when it is idle.
if (fs.existsSync(target)) {
  const probe = new Database(target, { timeout: 0, fileMustExist: true })
  try {
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (error) {
    probe.close()
    fail(`${target} is in use (${(error as { code?: string }).code ?? error}): stop the portal, then restore`)
  }
  probe.close()
}

// 3. Files first (content-addressed, never overwritten), so the restored database never names a missing one.
let files = 0
for (const folder of ['uploads', 'photos']) {
  const from = path.join(source, folder)
  if (!fs.existsSync(from)) continue
  for (const entry of fs.readdirSync(from, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || entry.name.endsWith('.partial')) continue
    const rel = path.relative(source, path.join(entry.parentPath, entry.name))
    const to = path.join(dataDir, rel)
    if (fs.existsSync(to)) continue
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.copyFileSync(path.join(source, rel), `${to}.partial`)
    fs.renameSync(`${to}.partial`, to)
    files++
  }
}

// 4. The database: the current one moves aside with its WAL, the backup takes its place in one rename.
const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
fs.copyFileSync(backup, `${target}.restoring`)
const fd = fs.openSync(`${target}.restoring`, 'r+')
fs.fsyncSync(fd)
fs.closeSync(fd)
if (fs.existsSync(target)) {
  fs.renameSync(target, aside)
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix)
  }
}
fs.renameSync(`${target}.restoring`, target)
console.log(
  `db:restore: ${backup} → ${target} (${files} file(s) added)` +
    (fs.existsSync(aside) ? `; the previous database is kept as ${aside}` : ''),
)
