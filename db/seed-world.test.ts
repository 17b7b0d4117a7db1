import fs from 'node:fs'
import path from 'node:path'
import { asc, count, eq, isNotNull, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { closeDb, getDb, openDatabase, type Db } from '~/utils/db.server'
import { parliament } from './schema/index'
import { seedDemo } from './seed'
import { IPU_RANKING_FILE, defaultWorldDataDir, parseCsv, seedWorld } from './seed-world'

const fixture = path.join(import.meta.dirname, 'fixtures', 'ipu-sample.csv')
const worldDir = defaultWorldDataDir()
const hasWorld = fs.existsSync(path.join(worldDir, IPU_RANKING_FILE))
if (!hasWorld) console.log(`seed-world: skipped the full-world test, ${worldDir} has no ${IPU_RANKING_FILE}`)

const opened: Db[] = []
/** A database of its own, beside the one getDb() opens, for tests that must start empty. */
function freshDb(name: string) {
  const db = openDatabase(path.join(process.env.DATA_DIR!, `${name}.db`))
  opened.push(db)
  return db
}
afterAll(() => {
  for (const db of opened) db.$client.close()
  closeDb()
})

function writeCsv(name: string, lines: string[]) {
  const file = path.join(process.env.DATA_DIR!, name)
  fs.writeFileSync(file, lines.join('\n') + '\n')
  return file
}
const header = ',country,Rank,Elections,Seats*,Women,%W,Elections.1,Seats*.1,Women.1,%W.1,iso3,%W_str,region'

function chamberRows(db: Db) {
  return db
    .select({
      countryCode: parliament.countryCode,
      chamber: parliament.chamber,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      region: parliament.region,
      joinedAt: parliament.joinedAt,
      ipuSeats: parliament.ipuSeats,
      ipuWomen: parliament.ipuWomen,
      ipuAsOf: parliament.ipuAsOf,
    })
    .from(parliament)
    .where(isNotNull(parliament.countryCode))
    .orderBy(asc(parliament.countryCode), asc(parliament.chamber))
    .all()
}

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends', () => {
    const text = '\uFEFFa,b,c\r\n"Korea, Republic of","say ""hi""","two\nlines"\r\n,,-\r\n'
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['Korea, Republic of', 'say "hi"', 'two\nlines'],
      ['', '', '-'],
    ])
  })

  it('rejects a quoted field that is never closed', () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/)
  })
})

describe('seedWorld with the sample ranking', () => {
  it('adds each chamber with names in both languages and IPU figures, upgrading the demo rows', async () => {
    const db = getDb()
    await seedDemo(db)
    const before = db.select({ n: count() }).from(parliament).get()!.n

    const result = seedWorld(db, { from: fixture })
    expect(result).toMatchObject({ inserted: 6, updated: 2, unchanged: 0 })
    expect(db.select({ n: count() }).from(parliament).get()!.n).toBe(before + 6)

    const context = { joinedAt: null, ipuAsOf: '2021-09-01' }
    expect(chamberRows(db)).toEqual([
      {
        countryCode: 'AF',
        chamber: 'lower',
        nameEn: 'Afghanistan: lower house',
        nameAr: 'أفغانستان: المجلس الأدنى',
        region: 'asia',
        ipuSeats: 249,
        ipuWomen: 69,
        ...context,
      },
      {
        countryCode: 'AF',
        chamber: 'upper',
        nameEn: 'Afghanistan: upper house',
        nameAr: 'أفغانستان: المجلس الأعلى',
        region: 'asia',
        ipuSeats: 102,
        ipuWomen: 19,
        ...context,
      },
      {
        countryCode: 'FR',
        chamber: 'lower',
        nameEn: 'France: lower house',
        nameAr: 'فرنسا: المجلس الأدنى',
        region: 'europe',
        ipuSeats: 577,
        ipuWomen: 229,
        ...context,
      },
      {
        countryCode: 'FR',
        chamber: 'upper',
        nameEn: 'France: upper house',
        nameAr: 'فرنسا: المجلس الأعلى',
        region: 'europe',
        ipuSeats: 348,
        ipuWomen: 122,
        ...context,
      },
      // The demo's House of Commons becomes the UK's lower house and stays in the network.
      {
        countryCode: 'GB',
        chamber: 'lower',
        nameEn: 'UK House of Commons',
        nameAr: 'مجلس العموم البريطاني',
        region: 'europe',
        ipuSeats: 650,
        ipuWomen: 223,
        joinedAt: '2021-12-13',
        ipuAsOf: '2021-09-01',
      },
      {
        countryCode: 'GB',
        chamber: 'upper',
        nameEn: 'United Kingdom: upper house',
        nameAr: 'المملكة المتحدة: المجلس الأعلى',
        region: 'europe',
        ipuSeats: 795,
        ipuWomen: 228,
        ...context,
      },
      {
        countryCode: 'KW',
        chamber: 'single',
        nameEn: 'Kuwait: parliament',
        nameAr: 'الكويت: البرلمان',
        region: 'middle_east_north_africa',
        ipuSeats: 65,
        ipuWomen: 2,
        ...context,
      },
      {
        countryCode: 'QA',
        chamber: 'single',
        nameEn: 'Shura Council of Qatar',
        nameAr: 'مجلس الشورى القطري',
        region: 'middle_east_north_africa',
        ipuSeats: 41,
        ipuWomen: 4,
        joinedAt: '2021-12-13',
        ipuAsOf: '2021-09-01',
      },
    ])

    // The directory's search finds the new rows in either language.
    const kuwait = db.select().from(parliament).where(eq(parliament.countryCode, 'KW')).get()!
    expect(kuwait.searchText).toContain('kuwait')
    expect(kuwait.searchText).toContain('الكويت')
    expect(kuwait.kind).toBe('national')
    expect(kuwait.website).toBeNull()
  })

  it('changes nothing when run again', () => {
    const db = getDb()
    const rows = db.select().from(parliament).all()
    expect(seedWorld(db, { from: path.dirname(fixture) + '/ipu-sample.csv' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 8,
    })
    expect(db.select().from(parliament).all()).toEqual(rows)
    // One Qatar row, not two.
    expect(db.select({ n: count() }).from(parliament).where(eq(parliament.countryCode, 'QA')).get()!.n).toBe(1)
  })

  it('refreshes the figures of rows it matches but keeps their names', () => {
    const db = getDb()
    db.update(parliament)
      .set({ ipuWomen: 0, nameEn: 'National Assembly of Kuwait' })
      .where(eq(parliament.countryCode, 'KW'))
      .run()
    expect(seedWorld(db, { from: fixture })).toMatchObject({ inserted: 0, updated: 1, unchanged: 7 })
    expect(db.select().from(parliament).where(eq(parliament.countryCode, 'KW')).get()).toMatchObject({
      nameEn: 'National Assembly of Kuwait',
      ipuWomen: 2,
    })
  })
})

describe('seedWorld refuses bad input', () => {
  it('says where to find the ranking when it is missing', () => {
    const db = freshDb('missing')
    const empty = fs.mkdtempSync(path.join(process.env.DATA_DIR!, 'empty-'))
    expect(() => seedWorld(db, { from: empty })).toThrow(
      /IPU ranking not found: .*ipu-women-ranking-2021-09-with-iso3\.csv.*--from DIR/,
    )
  })

  it('fails on a region it does not know', () => {
    const file = writeCsv('region.csv', [header, '0,Atlantis,1,1.2020,10,5,50.0,-,-,-,-,FRA,50.0%,ATL'])
    expect(() => seedWorld(freshDb('region'), { from: file })).toThrow(
      /region\.csv:2 \(Atlantis\): unknown region "ATL"/,
    )
  })

  it('fails on a code that is not ISO 3166-1 alpha-3, and on more women than seats', () => {
    const code = writeCsv('code.csv', [header, '0,Atlantis,1,1.2020,10,5,50.0,-,-,-,-,ATL,50.0%,EUR'])
    expect(() => seedWorld(freshDb('code'), { from: code })).toThrow(/"ATL" is not an ISO 3166-1 alpha-3 code/)
    const women = writeCsv('women.csv', [header, '0,France,1,1.2020,10,11,110.0,-,-,-,-,FRA,110%,EUR'])
    expect(() => seedWorld(freshDb('women'), { from: women })).toThrow(/ipuWomen more women than seats/)
  })

  it('writes nothing when one row cannot be written', () => {
    const db = freshDb('clash')
    db.insert(parliament).values({ kind: 'assembly', nameEn: 'Kuwait: parliament', region: 'global' }).run()
    expect(() => seedWorld(db, { from: fixture })).toThrow(
      /"Kuwait: parliament" \(KW, single\) is already the name of parliament 1/,
    )
    expect(db.select({ n: count() }).from(parliament).get()!.n).toBe(1)
  })
})

describe('seedWorld with the full 2021 ranking', () => {
  it.skipIf(!hasWorld)('loads every country’s chambers once, and again changes nothing', async () => {
    const db = freshDb('world')
    await seedDemo(db)
    const result = seedWorld(db, { from: worldDir })

    // 188 lines for 187 countries (Armenia is listed under two regions); 79 have an upper house.
    const countries = 187
    const upperHouses = 79
    expect(result).toMatchObject({ inserted: countries + upperHouses - 2, updated: 2, unchanged: 0 })
    expect(result.notes).toEqual([
      'Armenia (ARM) is listed twice (lines 9 and 10); kept the first region, asia, not europe',
      'Gambia (The): ISO3 "GBM" read as "GMB"',
    ])

    const rows = chamberRows(db)
    expect(rows).toHaveLength(countries + upperHouses)
    expect(new Set(rows.map((r) => r.countryCode)).size).toBe(countries)
    for (const r of rows) {
      expect(r.countryCode).toMatch(/^[A-Z]{2}$/)
      expect(r.chamber).toMatch(/^(single|lower|upper)$/)
      expect(r.region).not.toBe('global')
      expect(r.ipuSeats).toBeGreaterThan(0)
      expect(r.ipuWomen).toBeLessThanOrEqual(r.ipuSeats!)
      expect(r.ipuAsOf).toBe('2021-09-01')
      expect(r.nameEn).not.toBe('')
      expect(r.nameAr).toMatch(/[\u0600-\u06FF]/)
    }
    const byChamber = Object.fromEntries(
      db
        .select({ chamber: parliament.chamber, n: count() })
        .from(parliament)
        .where(isNotNull(parliament.countryCode))
        .groupBy(parliament.chamber)
        .all()
        .map((r) => [r.chamber, r.n]),
    )
    expect(byChamber).toEqual({ single: countries - upperHouses, lower: upperHouses, upper: upperHouses })

    const totals = db
      .select({ seats: sql<number>`sum(${parliament.ipuSeats})`, women: sql<number>`sum(${parliament.ipuWomen})` })
      .from(parliament)
      .get()!
    expect(totals.seats).toBeGreaterThan(40_000)
    expect(totals.women / totals.seats).toBeGreaterThan(0.24)
    expect(totals.women / totals.seats).toBeLessThan(0.28)

    expect(rows.find((r) => r.countryCode === 'GM')).toMatchObject({
      chamber: 'single',
      nameEn: 'Gambia: parliament',
      nameAr: 'غامبيا: البرلمان',
      region: 'africa',
    })
    expect(rows.filter((r) => r.countryCode === 'US').map((r) => r.nameEn)).toEqual([
      'United States: lower house',
      'United States: upper house',
    ])
    expect(rows.filter((r) => r.countryCode === 'QA').map((r) => r.nameEn)).toEqual(['Shura Council of Qatar'])

    const snapshot = db.select().from(parliament).all()
    expect(seedWorld(db, { from: worldDir })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: countries + upperHouses,
    })
    expect(db.select().from(parliament).all()).toEqual(snapshot)
  })
})
