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
  // After the migrations: from here on, the compiled statements are kept (see reuseStatements).
  ;(db as unknown as { session: { client: unknown } }).session.client = reuseStatements(sqlite)
  return db
}

/** How many compiled statements a connection keeps (the least recently used goes first). */
export const STATEMENT_CACHE_SIZE = 500

/**
 * Drizzle asks better-sqlite3 to compile its SQL anew for every query run (tens of µs for a join, as long as
 * building the SQL text); the same text recurs on every page, so drizzle gets this client instead, which keeps each
 * compiled statement by its text. A statement serves drizzle's two ways of reading: as objects (`get`, `all`, `run`)
 * and as rows of values (`raw().get()`, `raw().all()`), each from its own statement, as `raw()` is a mode that
 * sticks. Drizzle never iterates, so a kept statement is never busy when it is handed out again. `db.$client` stays
 * the plain connection.
 */
function reuseStatements(sqlite: Database.Database) {
  const kept = new Map<string, KeptStatement>()
  return {
    prepare(source: string) {
      let statement = kept.get(source)
      if (statement) kept.delete(source)
      else statement = new KeptStatement(sqlite, source)
      kept.set(source, statement)
      if (kept.size > STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!)
      return statement
    },
    transaction: sqlite.transaction.bind(sqlite),
  }
}

// Statements drizzle ran, for tests that hold a page to a number of queries (a kept statement is not prepared again,
// so counting `prepare` calls no longer counts queries).
let statementsRun = 0

/** How many queries `run` made through drizzle, and what it returned. */
export function countQueries<T>(run: () => T): { result: T; queries: number } {
  const before = statementsRun
  const result = run()
  return { result, queries: statementsRun - before }
}

class KeptStatement {
  readonly #sqlite: Database.Database
  readonly #source: string
  readonly #objects: Database.Statement
  #values: { get: Database.Statement['get']; all: Database.Statement['all'] } | undefined

  constructor(sqlite: Database.Database, source: string) {
    this.#sqlite = sqlite
    this.#source = source
    this.#objects = sqlite.prepare(source)
  }

  run(...params: unknown[]) {
    statementsRun++
    return this.#objects.run(...params)
  }

  get(...params: unknown[]) {
    statementsRun++
    return this.#objects.get(...params)
  }

  all(...params: unknown[]) {
    statementsRun++
    return this.#objects.all(...params)
  }

  raw() {
    if (!this.#values) {
      const values = this.#sqlite.prepare(this.#source).raw(true)
      this.#values = {
        get: (...params: unknown[]) => (statementsRun++, values.get(...params)),
        all: (...params: unknown[]) => (statementsRun++, values.all(...params)),
      }
    }
    return this.#values
  }
}

/**
 * A query built once per connection and run many times with `sql.placeholder` values (drizzle's `.prepare()`): for
 * the reads every page makes, where building the SQL text costs more than running it. A query whose text depends on
 * who asks (a visitor's WHERE differs from a member's) is built once per `shape`, a key the caller names.
 */
export function preparedQuery<T, Shape extends string = ''>(build: (db: Db, shape: Shape) => T) {
  const byConnection = new WeakMap<Db, Map<Shape, T>>()
  return (shape = '' as Shape): T => {
    const db = getDb()
    let built = byConnection.get(db)
    if (!built) byConnection.set(db, (built = new Map()))
    let query = built.get(shape)
    if (query === undefined) built.set(shape, (query = build(db, shape)))
    return query
  }
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
