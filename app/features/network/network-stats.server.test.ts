import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { member, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import {
  MIN_AGE_GROUP,
  MIN_GROUP,
  getParliamentShares,
  getIpuContext,
  getNetworkComposition,
  getNetworkShares,
  getNetworkStats,
  listNetworkCountries,
  listParliamentShares,
} from './network-stats.server'

const YEAR = 2025
const ids: Record<string, number> = {}

function addParliament(
  key: string,
  values: Partial<typeof parliament.$inferInsert> & Pick<typeof parliament.$inferInsert, 'kind' | 'region'>,
) {
  ids[key] = getDb()
    .insert(parliament)
    .values({ nameEn: key, ...values })
    .returning({ id: parliament.id })
    .get().id
}

function addMembers(key: string, people: { gender?: 'female' | 'male' | 'other' | null; birthYear?: number | null }[]) {
  getDb()
    .insert(member)
    .values(
      people.map((p, i) => ({
        parliamentId: ids[key]!,
        nameEn: `${key} ${i}`,
        gender: p.gender ?? null,
        birthYear: p.birthYear ?? null,
      })),
    )
    .run()
}

describe('an empty network', () => {
  it('has zeros and no shares, never NaN', () => {
    const stats = getNetworkStats(YEAR)
    expect(stats.composition.total).toBe(0)
    expect(stats.composition.byRegion.every((r) => r.count === 0)).toBe(true)
    expect(stats.shares).toEqual({
      members: 0,
      withGender: 0,
      women: null,
      womenShare: null,
      withAge: 0,
      youthShares: { 30: null, 40: null, 45: null },
    })
    expect(stats.ipu.network.share).toBeNull()
    expect(stats.parliaments).toEqual([])
    expect(stats.countries).toEqual([])
  })
})

describe('with chambers and members', () => {
  beforeAll(() => {
    // In the network: two national chambers of one country, one of another, an assembly and a union.
    addParliament('qa', {
      kind: 'national',
      countryCode: 'QA',
      chamber: 'single',
      region: 'middle_east_north_africa',
      joinedAt: '2021-12-13',
      ipuSeats: 45,
      ipuWomen: 2,
      ipuAsOf: '2021-09-01',
    })
    addParliament('gb-lower', {
      kind: 'national',
      countryCode: 'GB',
      chamber: 'lower',
      region: 'europe',
      joinedAt: '2022-01-01',
      ipuSeats: 650,
      ipuWomen: 225,
      ipuAsOf: '2021-09-01',
    })
    addParliament('gb-upper', {
      kind: 'national',
      countryCode: 'GB',
      chamber: 'upper',
      region: 'europe',
      joinedAt: '2022-01-01',
    })
    addParliament('osce', { kind: 'assembly', region: 'europe', joinedAt: '2021-12-13' })
    addParliament('ipu', { kind: 'union', region: 'global', joinedAt: '2021-12-13' })
    // Listed for context only: counted in the world's IPU figure, nowhere else.
    addParliament('fr', {
      kind: 'national',
      countryCode: 'FR',
      chamber: 'lower',
      region: 'europe',
      ipuSeats: 577,
      ipuWomen: 228,
      ipuAsOf: '2021-09-01',
    })

    // qa: 6 members, 2 women of 5 with a gender; 6 birth years: ages 24, 29, 30, 39, 44, 60 in 2025.
    addMembers('qa', [
      { gender: 'female', birthYear: 2001 },
      { gender: 'female', birthYear: 1996 },
      { gender: 'male', birthYear: 1995 },
      { gender: 'male', birthYear: 1986 },
      { gender: 'other', birthYear: 1981 },
      { gender: null, birthYear: 1965 },
    ])
    // gb-lower: 3 members, all with a gender (1 woman), 2 birth years (too few for age shares of its own).
    addMembers('gb-lower', [
      { gender: 'female', birthYear: 1990 },
      { gender: 'male', birthYear: 1950 },
      { gender: 'male' },
    ])
    // fr is not in the network: its members count nowhere.
    addMembers('fr', [
      { gender: 'female', birthYear: 2000 },
      { gender: 'female', birthYear: 2000 },
    ])
  })

  it('counts the parliaments in the network by kind and region, and those listed for context', () => {
    const c = getNetworkComposition()
    expect(c.total).toBe(5)
    expect(c.listedForContext).toBe(1)
    expect(c.byKind).toEqual([
      { kind: 'national', count: 3 },
      { kind: 'assembly', count: 1 },
      { kind: 'union', count: 1 },
    ])
    expect(c.byRegion).toEqual([
      { region: 'africa', count: 0 },
      { region: 'americas', count: 0 },
      { region: 'asia', count: 0 },
      { region: 'europe', count: 3 },
      { region: 'middle_east_north_africa', count: 1 },
      { region: 'pacific', count: 0 },
      { region: 'global', count: 1 },
    ])
  })

  it('lists each country of the network once', () => {
    expect(listNetworkCountries()).toEqual(['GB', 'QA'])
  })

  it('computes the shares of women and of young members over the whole network', () => {
    const s = getNetworkShares(YEAR)
    expect(s.members).toBe(9)
    expect(s.withGender).toBe(8)
    expect(s.women).toBe(3)
    expect(s.womenShare).toBe(3 / 8)
    // Ages 24, 29, 30, 39, 44, 60 (qa) and 35, 75 (gb-lower): under 30 = 2, under 40 = 5, under 45 = 6, of 8.
    expect(s.withAge).toBe(8)
    expect(s.youthShares).toEqual({ 30: 2 / 8, 40: 5 / 8, 45: 6 / 8 })
  })

  it('gives each parliament of the network its own shares beside IPU figures', () => {
    const rows = listParliamentShares(YEAR)
    expect(rows.map((r) => r.nameEn)).toEqual(['qa', 'gb-lower', 'gb-upper', 'osce', 'ipu'])
    const [qa, gbLower, gbUpper, osce] = rows
    expect(qa).toMatchObject({
      members: 6,
      withGender: 5,
      women: 2,
      womenShare: 2 / 5,
      withAge: 6,
      ipuWomenShare: 2 / 45,
    })
    expect(qa!.youthShares).toEqual({ 30: 2 / 6, 40: 4 / 6, 45: 5 / 6 })
    // Three genders and two birth years are fewer than MIN_GROUP: no share and no count of women, so no one's
    // gender or age can be read off.
    expect(gbLower).toMatchObject({
      members: 3,
      withGender: 3,
      women: null,
      womenShare: null,
      withAge: 2,
      ipuWomenShare: 225 / 650,
    })
    expect(MIN_AGE_GROUP).toBe(MIN_GROUP)
    expect(MIN_GROUP).toBeGreaterThan(3)
    expect(gbLower!.youthShares).toEqual({ 30: null, 40: null, 45: null })
    expect(gbUpper).toMatchObject({ members: 0, womenShare: null, ipuWomenShare: null })
    expect(osce).toMatchObject({ members: 0, womenShare: null, ipuWomenShare: null, countryCode: null })
  })

  it("gives a parliament's page its figures over the profiles the viewer may see", () => {
    addParliament('hidden', {
      kind: 'national',
      countryCode: 'HD',
      chamber: 'single',
      region: 'europe',
      joinedAt: '2022-01-01',
    })
    // Five women, one of them public: a visitor sees one profile, counted as one, with no share of it.
    getDb()
      .insert(member)
      .values(
        [0, 1, 2, 3, 4].map((i) => ({
          parliamentId: ids.hidden!,
          nameEn: `hidden ${i}`,
          gender: 'female' as const,
          birthYear: 1990,
          visibility: i === 0 ? ('public' as const) : ('members' as const),
        })),
      )
      .run()
    expect(getParliamentShares(ids.hidden!, false, YEAR)).toEqual({
      members: 1,
      withGender: 1,
      women: null,
      womenShare: null,
      withAge: 1,
      youthShares: { 30: null, 40: null, 45: null },
    })
    expect(getParliamentShares(ids.hidden!, true, YEAR)).toMatchObject({
      members: 5,
      women: 5,
      womenShare: 1,
      youthShares: { 40: 1 },
    })
    getDb().delete(parliament).where(eq(parliament.id, ids.hidden!)).run()
  })

  it('sums IPU seats for the network and for every chamber listed', () => {
    expect(getIpuContext()).toEqual({
      network: { chambers: 2, seats: 695, women: 227, share: 227 / 695 },
      world: { chambers: 3, seats: 1272, women: 455, share: 455 / 1272 },
      asOf: '2021-09-01',
    })
  })

  it('leaves a parliament that has left the network (joinedAt cleared) out of every figure', () => {
    addParliament('left', { kind: 'assembly', region: 'asia', joinedAt: null })
    addMembers('left', [{ gender: 'female', birthYear: 2000 }])
    expect(getNetworkComposition().byRegion.find((r) => r.region === 'asia')!.count).toBe(0)
    expect(getNetworkShares(YEAR).members).toBe(9)
  })
})
