import { count, eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parliament } from '#db/schema/index'
import { countQueries, getDb, preparedQuery, STATEMENT_CACHE_SIZE } from './db.server'

let counter = 0
function addParliament(nameEn = `Statement cache ${++counter}`) {
  return getDb().insert(parliament).values({ kind: 'assembly', nameEn, region: 'asia' }).returning().get()
}

afterEach(() => {
  vi.restoreAllMocks()
})

const countAll = () => getDb().select({ n: count() }).from(parliament).get()!.n

describe('kept statements', () => {
  it('compiles a query once, and each run reads the database as it is then', () => {
    addParliament()
    const before = countAll()
    const spy = vi.spyOn(getDb().$client, 'prepare')
    addParliament()
    const after = countAll()
    addParliament()
    expect(after).toBe(before + 1)
    expect(countAll()).toBe(after + 1)
    // The insert and the count were compiled once, before the spy: nothing compiles again.
    expect(spy).not.toHaveBeenCalled()
  })

  it('keeps reading rows as objects and as values apart for the same text', () => {
    const { id } = addParliament('Both ways')
    // drizzle reads a select with fields as rows of values, a raw query as objects: one text, two modes.
    const text = 'select "id", "name_en" from "parliament" where "parliament"."id" = ?'
    const asValues = getDb().select({ id: parliament.id, nameEn: parliament.nameEn }).from(parliament)
    expect(asValues.where(eq(parliament.id, id)).toSQL().sql).toBe(text)
    expect(asValues.where(eq(parliament.id, id)).get()).toEqual({ id, nameEn: 'Both ways' })
    expect(getDb().get(sql.raw(text.replace('?', String(id))))).toEqual({ id, name_en: 'Both ways' })
    expect(getDb().all(sql`select "id", "name_en" from "parliament" where "parliament"."id" = ${id}`)).toEqual([
      { id, name_en: 'Both ways' },
    ])
    expect(asValues.where(eq(parliament.id, id)).get()).toEqual({ id, nameEn: 'Both ways' })
  })

  it('keeps at most STATEMENT_CACHE_SIZE statements: the least recently used is compiled again', () => {
    const first = sql`select 0 as n`
    getDb().get(first)
    for (let i = 1; i <= STATEMENT_CACHE_SIZE; i++) getDb().get(sql.raw(`select ${i} as n`))
    const spy = vi.spyOn(getDb().$client, 'prepare')
    expect(getDb().get(first)).toEqual({ n: 0 })
    expect(spy).toHaveBeenCalledTimes(1)
  })

  it('counts the queries a function makes, whether compiled before or not', () => {
    countAll()
    expect(countQueries(() => [countAll(), countAll()]).queries).toBe(2)
    const { result, queries } = countQueries(() => addParliament('Counted'))
    expect(queries).toBe(1)
    expect(result.nameEn).toBe('Counted')
  })
})

describe('preparedQuery', () => {
  const byName = preparedQuery((db, order: 'asc' | 'desc') =>
    db
      .select({ nameEn: parliament.nameEn })
      .from(parliament)
      .where(sql`${parliament.nameEn} like ${sql.placeholder('prefix')}`)
      .orderBy(sql.raw(`name_en ${order}`))
      .prepare(),
  )

  it('builds once per connection and shape, and runs with the values of each call', () => {
    addParliament('Prepared A')
    addParliament('Prepared B')
    expect(byName('asc')).toBe(byName('asc'))
    expect(byName('asc')).not.toBe(byName('desc'))
    expect(byName('asc').all({ prefix: 'Prepared %' })).toEqual([{ nameEn: 'Prepared A' }, { nameEn: 'Prepared B' }])
    expect(byName('desc').all({ prefix: 'Prepared %' })).toEqual([{ nameEn: 'Prepared B' }, { nameEn: 'Prepared A' }])
    // A change is seen by the next run of the same prepared query.
    addParliament('Prepared C')
    expect(byName('desc').all({ prefix: 'Prepared %' })[0]).toEqual({ nameEn: 'Prepared C' })
  })
})
