import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeDb, getDb } from '~/utils/db.server'

// The real CLIs, as an operator runs them, against a database another process keeps writing to.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-backup-'))
const dataDir = path.join(root, 'data')
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const cli = (script: string, dir: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, dir], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    timeout: 60_000,
  })

function blob(content: string) {
  const sha = crypto.createHash('sha256').update(content).digest('hex')
  const file = path.join(dataDir, 'uploads', sha.slice(0, 2), sha)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return sha
}

// Inserts audit rows one committed transaction at a time and prints each id once its commit has returned.
const WRITER = `
const Database = require('better-sqlite3')
const db = new Database(process.env.DB)
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000')
const insert = db.prepare("insert into audit_event (action) values ('backup.probe') returning id")
let stop = false
process.stdin.on('data', () => { stop = true }).on('end', () => { stop = true })
const tick = () => { if (stop) { db.close(); process.exit(0) } const { id } = insert.get(); process.stdout.write(id + '\\n'); setImmediate(tick) }
tick()
`

let referenced: string
let orphan: string

beforeAll(() => {
  process.env.DATA_DIR = dataDir
  const db = getDb()
  db.$client
    .prepare(
      `insert into user (id, email, name, role, locale, password_hash) values (1, 'a@example.org', 'A', 'member', 'en', 'x')`,
    )
    .run()
  referenced = blob('a file a row names')
  orphan = blob('a file nothing names')
  db.$client
    .prepare(
      `insert into pending_upload (id, user_id, sha256, size, media_type, original_name) values ('p1', 1, ?, 18, 'text/plain', 'a.txt')`,
    )
    .run(referenced)
  closeDb()
})

describe('npm run db:backup under writes', () => {
  it('copies a consistent database holding every acknowledged write, and the uploads it names', async () => {
    const writer: ChildProcess = spawn(process.execPath, ['-e', WRITER], {
      env: {
        ...process.env,
        DB: path.join(dataDir, 'portal.db'),
        NODE_PATH: path.resolve('node_modules'),
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    const acknowledged: number[] = []
    const lines = createInterface({ input: writer.stdout! })
    lines.on('line', (line) => acknowledged.push(Number(line)))
    // Wait until the writer is well under way, then note what it had acknowledged before the backup began.
    await new Promise<void>((resolve) => lines.on('line', () => acknowledged.length >= 50 && resolve()))
    const before = Math.max(...acknowledged)

    const backupDir = path.join(root, 'backup-1')
    const backup = await new Promise<{
      status: number | null
      stdout: string
      stderr: string
    }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', backupDir], {
        env: { ...process.env, DATA_DIR: dataDir },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => (stdout += d))
      child.stderr.on('data', (d) => (stderr += d))
      child.on('close', (status) => resolve({ status, stdout, stderr }))
    })
    const during = Math.max(...acknowledged)
    writer.stdin!.end()
    await new Promise((resolve) => writer.on('exit', resolve))

    expect(backup.stderr).toBe('')
    expect(backup.status).toBe(0)
    expect(during).toBeGreaterThan(before) // the writes did go on while the backup ran

    const copy = new Database(path.join(backupDir, 'portal.db'), {
      readonly: true,
    })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = new Set(
        copy.prepare(`select id from audit_event where action = 'backup.probe'`).pluck().all() as number[],
      )
      for (const id of acknowledged.filter((n) => n <= before)) expect(ids.has(id), `write ${id}`).toBe(true)
      // No torn state: the ids in the copy are a prefix of what was written.
      expect(ids.size).toBe(Math.max(...ids))
    } finally {
      copy.close()
    }
    const named = path.join(backupDir, 'uploads', referenced.slice(0, 2), referenced)
    expect(fs.readFileSync(named, 'utf8')).toBe('a file a row names')
    expect(fs.existsSync(path.join(backupDir, 'uploads', orphan.slice(0, 2), orphan))).toBe(false)
    expect(JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'))).toMatchObject({
      uploads: 1,
      missing: [],
    })

    // A second backup into the same directory is refused rather than mixed with the first.
    const again = cli('scripts/db-backup.ts', backupDir)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('is not empty')
  }, 60_000)
})

describe('npm run db:restore', () => {
  it('refuses while the portal has the database open, and changes nothing', () => {
    const open = new Database(path.join(dataDir, 'portal.db'))
    open.pragma('journal_mode = WAL')
    const rows = open.prepare('select count(*) from audit_event').pluck().get()
    try {
      const result = cli('scripts/db-restore.ts', path.join(root, 'backup-1'))
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('stop the portal')
      expect(open.prepare('select count(*) from audit_event').pluck().get()).toBe(rows)
      expect(fs.readdirSync(dataDir).filter((f) => f.includes('before-restore'))).toEqual([])
    } finally {
      open.close()
    }
  })

  it('with the portal stopped, puts the backup in place, keeps the old database aside and brings back the files', () => {
    fs.rmSync(path.join(dataDir, 'uploads'), { recursive: true })
    const result = cli('scripts/db-restore.ts', path.join(root, 'backup-1'))
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const restored = new Database(path.join(dataDir, 'portal.db'), {
      readonly: true,
    })
    const backedUp = new Database(path.join(root, 'backup-1', 'portal.db'), {
      readonly: true,
    })
    try {
      const count = (db: Database.Database) => db.prepare('select count(*) from audit_event').pluck().get()
      expect(count(restored)).toBe(count(backedUp))
    } finally {
      restored.close()
      backedUp.close()
    }
    expect(fs.readdirSync(dataDir).filter((f) => /^portal\.db\.before-restore-[\dTZ-]+$/.test(f))).toHaveLength(1)
    expect(fs.readFileSync(path.join(dataDir, 'uploads', referenced.slice(0, 2), referenced), 'utf8')).toBe(
      'a file a row names',
    )
  })

  it('refuses a directory that holds no backup', () => {
    const result = cli('scripts/db-restore.ts', path.join(root, 'nothing-here'))
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('does not exist')
  })
})
