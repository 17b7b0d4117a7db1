// A consistent copy of the portal's data, safe while the portal runs:
//   npm run db:backup -- /path/to/backups/2025-01-31
// DIR must not exist yet (or be empty). It receives portal.db (a snapshot taken with VACUUM INTO: one read
// transaction, so every write committed before it started is in it, and none half-done), the uploads and member
// photos that snapshot names, and manifest.json. A plain `cp portal.db` during writes loses acknowledged writes.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { getConfig, getDatabasePath } from '~/utils/config.server'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run db:backup -- DIR')
  process.exit(2)
}
const target = path.resolve(dir)
if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
  console.error(`db:backup: ${target} is not empty; give a new directory for each backup`)
  process.exit(1)
}
const source = getDatabasePath()
if (!fs.existsSync(source)) {
  console.error(`db:backup: no database at ${source} (check DATA_DIR)`)
  process.exit(1)
}
const dataDir = path.resolve(getConfig().DATA_DIR)
fs.mkdirSync(target, { recursive: true })

// 1. The database. The portal keeps writing meanwhile (WAL: a reader never blocks it, nor it a reader).
const snapshot = path.join(target, 'portal.db')
const db = new Database(source, { fileMustExist: true })
db.pragma('busy_timeout = 5000')
db.prepare('VACUUM INTO ?').run(`${snapshot}.partial`)
db.close()
fsyncFile(`${snapshot}.partial`)
fs.renameSync(`${snapshot}.partial`, snapshot)

// 2. What that snapshot names: blobs in every table with a sha256 column, and member photos.
const copy = new Database(snapshot, { readonly: true })
const check = copy.pragma('integrity_check', { simple: true })
if (check !== 'ok') throw new Error(`the snapshot fails PRAGMA integrity_check: ${String(check)}`)
const blobTables = copy
  .prepare(
    `select m.name from sqlite_master m, pragma_table_info(m.name) c
     where m.type = 'table' and m.name not like 'sqlite_%' and c.name = 'sha256'`,
  )
  .pluck()
  .all() as string[]
const blobs = new Set<string>()
for (const table of blobTables) {
  for (const sha of copy
    .prepare(`select distinct sha256 from "${table.replace(/"/g, '""')}"`)
    .pluck()
    .all()) {
    if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) blobs.add(sha)
  }
}
const hasPhotoColumn = copy.prepare(`select 1 from pragma_table_info('member') where name = 'photo'`).get()
const photos = hasPhotoColumn
  ? new Set(copy.prepare(`select distinct photo from member where photo is not null`).pluck().all() as string[])
  : new Set<string>()
copy.close()

const missing: string[] = []
let uploads = 0
for (const sha of blobs) {
  const rel = path.join('uploads', sha.slice(0, 2), sha)
  const from = path.join(dataDir, rel)
  if (!fs.existsSync(from)) {
    missing.push(rel)
    continue
  }
  // Content-addressed and written once: the copy is checked against its name, so a damaged file is not kept.
  copyVerified(from, path.join(target, rel), sha)
  uploads++
}
let photoFiles = 0
const photosDir = path.join(dataDir, 'photos')
const photoNames = fs.existsSync(photosDir) ? fs.readdirSync(photosDir) : []
for (const hash of photos) {
  const files = photoNames.filter((name) => name.startsWith(`${hash}-`))
  if (files.length === 0) missing.push(path.join('photos', `${hash}-*`))
  for (const name of files) {
    copyVerified(path.join(photosDir, name), path.join(target, 'photos', name))
    photoFiles++
  }
}

const manifest = {
  createdAt: new Date().toISOString(),
  database: 'portal.db',
  uploads,
  photos: photoFiles,
  missing,
}
fs.writeFileSync(path.join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
fsyncDir(target)
console.log(`db:backup: ${source} → ${target} (${uploads} upload(s), ${photoFiles} photo file(s))`)
if (missing.length) {
  // A file the snapshot names but the disk no longer has (removed just after the snapshot, or lost before).
  console.warn(`db:backup: ${missing.length} file(s) named by the database were not found: see manifest.json`)
}

function copyVerified(from: string, to: string, sha256?: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  fs.copyFileSync(from, `${to}.partial`)
  if (sha256) {
    const actual = crypto
      .createHash('sha256')
      .update(fs.readFileSync(`${to}.partial`))
      .digest('hex')
    if (actual !== sha256) {
      fs.rmSync(`${to}.partial`)
      missing.push(`${path.relative(target, to)} (damaged: its content does not match its name)`)
      return
    }
  }
  fsyncFile(`${to}.partial`)
  fs.renameSync(`${to}.partial`, to)
}

function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function fsyncDir(folder: string) {
  const fd = fs.openSync(folder, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}
