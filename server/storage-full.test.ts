import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { checkDatabaseHealth, openDatabase, type Db } from '~/utils/db.server'
import { guardBuild, isStorageFull } from './storage-full.mjs'

// A real database made full for real: PRAGMA max_page_count stops the file growing, and SQLite answers SQLITE_FULL.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parlnet-full-'))
const db: Db = openDatabase(path.join(dir, 'full.db'))
db.$client.exec('create table note (body text)')
const fill = () => db.$client.pragma(`max_page_count = ${db.$client.pragma('page_count', { simple: true })}`)
const unfill = () => db.$client.pragma('max_page_count = 1073741823')
const insertNote = (body: string) => db.run(sql`insert into note (body) values (${body.repeat(50_000)})`)

afterAll(() => {
  db.$client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function postedForm(fields: Record<string, string>) {
  return new Request('http://localhost/en/mechanisms/new', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

describe('storage full', () => {
  it('recognises SQLITE_FULL through Drizzle, ENOSPC, the file store code, and I/O errors on a full disk only', () => {
    fill()
    let error: unknown
    try {
      insertNote('x')
    } catch (e) {
      error = e
    }
    unfill()
    expect(error).toBeDefined()
    expect(isStorageFull(error)).toBe(true)
    expect(isStorageFull(Object.assign(new Error('write'), { code: 'ENOSPC' }))).toBe(true)
    expect(isStorageFull(Object.assign(new Error('upload'), { code: 'storage-full' }))).toBe(true)
    const ioError = Object.assign(new Error('disk I/O error'), {
      code: 'SQLITE_IOERR_WRITE',
    })
    expect(isStorageFull(ioError, () => false)).toBe(false)
    expect(isStorageFull(ioError, () => true)).toBe(true)
    expect(isStorageFull(new Error('bug'))).toBe(false)
    expect(isStorageFull(Object.assign(new Error('c'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false)
  })

  it('turns a full database in any action into a 503 that carries the typed text back, logged once', async () => {
    const logged: unknown[] = []
    const build = guardBuild(
      {
        routes: {
          'routes/x': {
            id: 'routes/x',
            module: {
              action: async () => (insertNote('x'), 'saved'),
              loader: () => 1,
            },
          },
        },
      },
      { onFull: (error) => logged.push(error) },
    )
    const action = build.routes['routes/x']!.module.action as (args: { request: Request }) => Promise<unknown>
    fill()
    const thrown = await action({
      request: postedForm({
        title: 'My <b>typed</b> title',
        password: 'hunter2',
        intent: 'x',
      }),
    }).catch((e: unknown) => e)
    unfill()
    // Remix answers a thrown data() with its status and renders the error page with its data.
    expect(thrown).toMatchObject({
      type: 'DataWithResponseInit',
      init: { status: 503 },
      data: {
        storageFull: true,
        fields: [{ name: 'title', value: 'My <b>typed</b> title' }],
      },
    })
    expect(logged).toHaveLength(1)
    // Space again: the same connection writes, no restart needed.
    await expect(action({ request: postedForm({ title: 'again' }) })).resolves.toBe('saved')
    expect(logged).toHaveLength(1)
  })

  it('leaves other errors alone', async () => {
    const build = guardBuild(
      {
        routes: {
          r: {
            module: {
              loader: () => {
                throw new Error('a bug')
              },
            },
          },
        },
      },
      { onFull: () => {} },
    )
    const loader = build.routes.r!.module.loader as (args: { request: Request }) => Promise<unknown>
    await expect(loader({ request: new Request('http://localhost/en') })).rejects.toThrow('a bug')
  })
})

describe('checkDatabaseHealth', () => {
  it('says cannot-write when the database cannot grow, and ok again once it can', () => {
    expect(checkDatabaseHealth(db, dir)).toBe('ok')
    fill()
    expect(checkDatabaseHealth(db, dir)).toBe('cannot-write')
    unfill()
    expect(checkDatabaseHealth(db, dir)).toBe('ok')
    // The probe left nothing behind.
    expect(db.$client.prepare("select count(*) as n from sqlite_master where name = 'healthz_probe'").get()).toEqual({
      n: 0,
    })
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('.healthz'))).toEqual([])
  })

  it('says cannot-write when the disk refuses the probe file', () => {
    expect(checkDatabaseHealth(db, path.join(dir, 'missing-dir'))).toBe('cannot-write')
  })
})
