import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { resource, resourceLanguage, resourcePillar, resourceResolution, resourceTheme } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { bitmapsOutdated, readBitmap, rebuildBitmaps } from './bitmaps.server'
import { emptyFacetTable, loadFacetTable, reloadFacetRow } from './facet-table.server'
import { and, minus, or, toList } from './id-sets.server'
import { parseResourceSearch } from './schemas'
import { type Viewer } from './listing.server'
import { clearResourceSearchCaches, reindexAllResources, reindexResource, searchResources } from './search.server'

// What the engine does for big libraries, on a small one: every entry gets a bitmap (bitmapMinDocs: 1) and the
// answers must be the same with and without them, to the snippet, after edits and deletions too; the facet table
// read in bulk is the one read a resource at a time.
const EN =
  'parliament parliamentary oversight budget hearing committee terrorism election elections elected rights'.split(' ')
const AR = 'البرلمان البرلمانية الرقابة الميزانية جلسة اللجنة الإرهاب الانتخابات انتخاب حقوق'.split(' ')
const themes = ['youth', 'victims', 'human_rights', 'legislation_oversight'] as const

let seed = 7
const random = () => ((seed = (seed * 48271) % 2147483647) - 1) / 2147483646
const words = (list: string[], n: number) => Array.from({ length: n }, () => list[Math.floor(random() * list.length)]!)

const ids: number[] = []
function add(i: number) {
  const db = getDb()
  const ar = i % 3 !== 0
  const en = i % 3 !== 1
  const published = i % 7 !== 0
  const { id } = db
    .insert(resource)
    .values({
      type: i % 2 ? 'report' : 'publication',
      titleEn: en ? words(EN, 3).join(' ') : '',
      titleAr: ar || !en ? words(AR, 3).join(' ') : '',
      summaryEn: en ? words(EN, 12).join(' ') : '',
      summaryAr: ar ? words(AR, 12).join(' ') : '',
      state: published ? 'published' : 'draft',
      visibility: i % 5 === 0 ? 'members' : 'public',
      publishedOn: `${2015 + (i % 8)}-01-01`,
      year: 2015 + (i % 8),
      region: 'global',
      publishedAt: published ? new Date(Date.UTC(2020, 0, 1) + ((i * 37) % 60) * 86_400_000) : null,
    })
    .returning({ id: resource.id })
    .get()
  db.insert(resourceTheme)
    .values({ resourceId: id, theme: themes[i % themes.length]! })
    .run()
  db.insert(resourceLanguage)
    .values({ resourceId: id, language: ar ? 'ar' : 'en' })
    .run()
  db.insert(resourcePillar)
    .values({ resourceId: id, pillar: ((i % 4) + 1) as 1 | 2 | 3 | 4 })
    .run()
  if (i % 2) db.insert(resourceResolution).values({ resourceId: id, resolution: '1373' }).run()
  reindexResource(id)
  return id
}

const member: Viewer = { id: 1, role: 'member' }
const queries = [
  'parliament',
  'parliaments',
  'budget hearing',
  '"budget hearing"',
  'terrorism OR rights',
  'election -rights',
  'elect*',
  'parl*',
  'parliam*',
  'parliamentar*',
  'hear* committee',
  'البرلمانات',
  'انتخ*',
  'البرل*',
  'الرقابة -الإرهاب',
  'حقوق OR جلسة',
  'oversight البرلمان',
  'zebra',
  'elections&type=report',
  'rights&theme=youth&theme=victims',
  'budget&year=2016&language=ar',
  'parliament&page=2',
  'election&page=3&sort=newest',
]
function answers(options: { exactRankLimit?: number } = {}) {
  return queries.flatMap((q) =>
    [null, member].flatMap((viewer) =>
      (['en', 'ar'] as const).map((lang) => {
        clearResourceSearchCaches()
        const params = new URLSearchParams(`q=${q.replace(/^[^&]*/, encodeURIComponent)}`)
        return searchResources(parseResourceSearch(params), viewer, lang, options)
      }),
    ),
  )
}
const bitmapCount = () =>
  getDb().$client.prepare("SELECT count(*) FROM resource_search_bitmap_key WHERE key <> ''").pluck().get() as number
const withoutBitmaps = <T>(run: () => T) => {
  const client = getDb().$client
  const saved = client.prepare('SELECT key, docs FROM resource_search_bitmap_key').raw().all() as [string, number][]
  client.exec('DELETE FROM resource_search_bitmap_key')
  try {
    return run()
  } finally {
    const put = client.prepare('INSERT INTO resource_search_bitmap_key (key, docs) VALUES (?, ?)')
    for (const row of saved) put.run(...row)
  }
}

beforeAll(() => {
  for (let i = 0; i < 60; i++) ids.push(add(i))
})

describe('the bitmaps of frequent entries', () => {
  it('are none in a small library, and chosen when asked', () => {
    expect(bitmapCount()).toBe(0)
    expect(bitmapsOutdated(getDb().$client)).toBe(false)
    reindexAllResources(getDb(), { bitmapMinDocs: 1 })
    expect(bitmapCount()).toBeGreaterThan(50)
    const client = getDb().$client
    expect(readBitmap(client, 's parliament')).not.toBeNull()
    expect(readBitmap(client, 'p parl')).not.toBeNull()
    expect(readBitmap(client, 's zebra')).toBeNull()
    expect(bitmapsOutdated(client)).toBe(false)
  })

  it('give the same answers as the indexes alone, in every ranking', () => {
    expect(bitmapCount()).toBeGreaterThan(0)
    for (const options of [{}, { exactRankLimit: 0 }]) {
      const found = answers(options)
      expect(found.some((r) => r.total > 20)).toBe(true)
      expect(found).toEqual(withoutBitmaps(() => answers(options)))
    }
  })

  it('stay in step with edits, new resources and deletions', () => {
    const db = getDb()
    db.update(resource)
      .set({ titleEn: 'zebra committee', summaryEn: 'A new text.' })
      .where(eq(resource.id, ids[3]!))
      .run()
    reindexResource(ids[3]!)
    ids.push(add(61), add(62))
    db.delete(resource).where(eq(resource.id, ids[8]!)).run()
    reindexResource(ids[8]!)
    const client = db.$client
    for (const [key] of client.prepare("SELECT key FROM resource_search_bitmap_key WHERE key <> ''").raw().all() as [
      string,
    ][]) {
      const [kind, term] = key.split(' ') as [string, string]
      const index = kind === 's' ? 'resource_fts' : kind === 'p' ? 'resource_words_fts' : 'resource_title_fts'
      const expression = kind.endsWith('p') ? `"${term}" *` : `"${term}"`
      const fts = client
        .prepare(`SELECT rowid FROM ${index} WHERE ${index} MATCH ? ORDER BY rowid`)
        .pluck()
        .all(expression) as number[]
      expect([...toList(readBitmap(client, key)!)], key).toEqual(fts)
    }
    for (const options of [{}, { exactRankLimit: 0 }]) {
      expect(answers(options)).toEqual(withoutBitmaps(() => answers(options)))
    }
  })

  it('are chosen again when the library has doubled or halved', () => {
    const client = getDb().$client
    rebuildBitmaps(client, { minDocs: 1 })
    expect(bitmapsOutdated(client, { minDocs: 1 })).toBe(false)
    client.prepare("UPDATE resource_search_bitmap_key SET docs = 30 WHERE key = ''").run()
    expect(bitmapsOutdated(client, { minDocs: 1 })).toBe(true)
    client.prepare("UPDATE resource_search_bitmap_key SET docs = 130 WHERE key = ''").run()
    expect(bitmapsOutdated(client, { minDocs: 1 })).toBe(true)
  })
})

describe('the facet table', () => {
  it('is read in bulk as it is a resource at a time', () => {
    const db = getDb()
    const bulk = loadFacetTable(db)
    const one = emptyFacetTable(bulk.capacity, bulk.seq)
    for (let id = 1; id < bulk.capacity; id++) reloadFacetRow(db, one, id)
    expect(bulk.capacity).toBeGreaterThan(60)
    expect([bulk.themes, bulk.pillars, bulk.resolutions, bulk.year, bulk.type].every((a) => a.some((v) => v > 0))).toBe(
      true,
    )
    expect(bulk).toEqual(one)
  })
})

describe('id sets', () => {
  const list = (...v: number[]) => Int32Array.from(v)
  const bits = (...v: number[]) => {
    const b = new Uint8Array(1024)
    for (const id of v) b[id >> 3]! |= 1 << (id & 7)
    return b
  }
  it('combine lists and bitmaps alike', () => {
    const a = [1, 5, 9, 4000, 5000]
    const b = [5, 6, 4000, 8100]
    const forms = [
      [list(...a), list(...b)],
      [bits(...a), list(...b)],
      [list(...a), bits(...b)],
      [bits(...a), bits(...b)],
    ] as const
    for (const [x, y] of forms) {
      expect([...toList(and(x, y))]).toEqual([5, 4000])
      expect([...toList(or(x, y))]).toEqual([1, 5, 6, 9, 4000, 5000, 8100])
      expect([...toList(minus(x, y))]).toEqual([1, 9, 5000])
    }
  })
})
