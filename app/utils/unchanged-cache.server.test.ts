import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { parliament } from '#db/schema/index'
import { getDb } from './db.server'
import { createUnchangedCache, whileUnchanged } from './unchanged-cache.server'

const countAll = () => getDb().select({ n: count() }).from(parliament).get()!.n
const add = (nameEn: string) => getDb().insert(parliament).values({ kind: 'assembly', nameEn, region: 'asia' }).run()

describe('whileUnchanged', () => {
  it('computes once while nothing is written, again after any write, and never keeps a value read mid-write', () => {
    const cache = createUnchangedCache<number>(2)
    let computed = 0
    const read = () => whileUnchanged(cache, 'k', () => (computed++, countAll()))
    const first = read()
    expect(read()).toBe(first)
    expect(computed).toBe(1)
    add('Unchanged cache 1')
    expect(read()).toBe(first + 1)
    expect(computed).toBe(2)
    // A value computed while the same connection writes is answered but not kept.
    const during = whileUnchanged(cache, 'w', () => (add('Unchanged cache 2'), countAll()))
    expect(during).toBe(first + 2)
    expect(whileUnchanged(cache, 'w', () => -1)).toBe(-1)
  })

  it('keeps at most `max` keys, the oldest leaving first', () => {
    const cache = createUnchangedCache<string>(2)
    for (const k of ['a', 'b', 'c']) whileUnchanged(cache, k, () => k)
    expect([...cache.entries.keys()]).toEqual(['b', 'c'])
  })
})
