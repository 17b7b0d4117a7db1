import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from '#db/schema/index'
import { getDatabasePath } from './config.server'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }
/** A connection or a transaction: what model functions that can run inside a transaction accept. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'delete'>

const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? 'migrations')

/** Opens (creating if needed) a database file and brings its schema up to date. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  // FULL: a write we acknowledged survives a power cut, not only a crash of the process (docs/decisions/002).
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema }) as Db
  migrate(db, { migrationsFolder })
  return db
}

const globalForDb = globalThis as unknown as { __parlnetDb?: Db }

/** The process-wide connection (kept across hot reloads in development). */
export function getDb(): Db {
  globalForDb.__parlnetDb ??= openDatabase(getDatabasePath())
  return globalForDb.__parlnetDb
}

export function closeDb() {
  globalForDb.__parlnetDb?.$client.close()
  globalForDb.__parlnetDb = undefined
}

export type DatabaseHealth = 'ok' | 'unavailable' | 'cannot-write'

/**
 * Whether the database answers and can still write (for /healthz): `select 1` alone says ok on a full disk. Inside a
 * rolled-back IMMEDIATE transaction it allocates a few pages (SQLITE_FULL when the file may not grow), then writes and
 * syncs 64 KiB beside the database (ENOSPC, EROFS… when the disk will not take SQLite's next pages).
 */
export function checkDatabaseHealth(db: Db = getDb(), dir = path.dirname(getDatabasePath())): DatabaseHealth {
  const sqlite = db.$client
  try {
    sqlite.prepare('select 1').get()
  } catch {
    return 'unavailable'
  }
  try {
    try {
      sqlite.exec('BEGIN IMMEDIATE')
      sqlite.exec('CREATE TABLE healthz_probe (x BLOB); INSERT INTO healthz_probe VALUES (zeroblob(65536))')
    } catch (error) {
      // Busy: another request holds the write lock, so the database does write.
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    } finally {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    }
    const probe = path.join(dir, `.healthz-${process.pid}`)
    const fd = fs.openSync(probe, 'w')
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024, 1))
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
      fs.rmSync(probe, { force: true })
    }
    return 'ok'
  } catch {
    return 'cannot-write'
  }
}
