import { and, asc, count, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { parliamentKinds, regions, type ParliamentKind, type Region } from '#db/enums'
import { member, parliament } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { visibleTo, youthCutoffs } from './member.server'
import { chamberColumns } from './parliament.server'
import { MIN_GROUP } from '~/utils/privacy'

export { MIN_AGE_GROUP, MIN_GROUP } from '~/utils/privacy'

const inNetwork = isNotNull(parliament.joinedAt)

type Shares = {
  /** Members in the network (all profiles: the figures are aggregates). */
  members: number
  withGender: number
  /** Women, and women / withGender: null below MIN_GROUP known genders. */
  women: number | null
  womenShare: number | null
  withAge: number
  /** Shares of members with a known birth year under 30, 40 and 45; null below MIN_AGE_GROUP. */
  youthShares: Record<(typeof youthCutoffs)[number], number | null>
}

function aggregates(year: number) {
  return {
    members: count(member.id),
    withGender: sql<number>`coalesce(sum(${member.gender} IS NOT NULL), 0)`,
    women: sql<number>`coalesce(sum(${member.gender} = 'female'), 0)`,
    withAge: sql<number>`coalesce(sum(${member.birthYear} IS NOT NULL), 0)`,
    under30: sql<number>`coalesce(sum(${year} - ${member.birthYear} < 30), 0)`,
    under40: sql<number>`coalesce(sum(${year} - ${member.birthYear} < 40), 0)`,
    under45: sql<number>`coalesce(sum(${year} - ${member.birthYear} < 45), 0)`,
  }
}

type AggregateRow = {
  members: number
  withGender: number
  women: number
  withAge: number
  under30: number
  under40: number
  under45: number
}

function toShares(row: AggregateRow | undefined): Shares {
  const r = row ?? { members: 0, withGender: 0, women: 0, withAge: 0, under30: 0, under40: 0, under45: 0 }
  const ageShare = (n: number) => (r.withAge >= MIN_GROUP ? n / r.withAge : null)
  const enoughGenders = r.withGender >= MIN_GROUP
  return {
    members: r.members,
    withGender: r.withGender,
    women: enoughGenders ? r.women : null,
    womenShare: enoughGenders ? r.women / r.withGender : null,
    withAge: r.withAge,
    youthShares: { 30: ageShare(r.under30), 40: ageShare(r.under40), 45: ageShare(r.under45) },
  }
}

/** Parliaments in the network by kind and by region, every kind and region listed (zeros included). */
export function getNetworkComposition() {
  const db = getDb()
  const kinds = new Map(
    db
      .select({ key: parliament.kind, n: count() })
      .from(parliament)
      .where(inNetwork)
      .groupBy(parliament.kind)
      .all()
      .map((r) => [r.key, r.n]),
  )
  const regionCounts = new Map(
    db
      .select({ key: parliament.region, n: count() })
      .from(parliament)
      .where(inNetwork)
      .groupBy(parliament.region)
      .all()
      .map((r) => [r.key, r.n]),
  )
  const listedForContext = db.select({ n: count() }).from(parliament).where(isNull(parliament.joinedAt)).get()?.n ?? 0
  const byKind = parliamentKinds.map((kind: ParliamentKind) => ({ kind, count: kinds.get(kind) ?? 0 }))
  const byRegion = regions.map((region: Region) => ({ region, count: regionCounts.get(region) ?? 0 }))
  return {
    total: byKind.reduce((sum, k) => sum + k.count, 0),
    listedForContext,
    byKind,
    byRegion,
  }
}

/** The countries (ISO alpha-2) with at least one chamber in the network. */
export function listNetworkCountries() {
  return getDb()
    .selectDistinct({ code: parliament.countryCode })
    .from(parliament)
    .where(and(inNetwork, isNotNull(parliament.countryCode)))
    .orderBy(asc(parliament.countryCode))
    .all()
    .map((r) => r.code!)
}

/** Women and young members among all members of the network's parliaments; `year` is the one ages are counted in. */
export function getNetworkShares(year = new Date().getUTCFullYear()) {
  const row = getDb()
    .select(aggregates(year))
    .from(member)
    .innerJoin(parliament, eq(parliament.id, member.parliamentId))
    .where(inNetwork)
    .get()
  return toShares(row)
}

/**
 * IPU's share of women for context: across the network's national chambers that have IPU figures, and across
 * every chamber listed (the world, once the world seed is loaded). Shares of seats, not averages of shares.
 */
export function getIpuContext() {
  const db = getDb()
  const hasFigures = and(
    isNotNull(parliament.ipuSeats),
    isNotNull(parliament.ipuWomen),
    sql`${parliament.ipuSeats} > 0`,
  )
  const sums = {
    chambers: count(),
    seats: sql<number>`coalesce(sum(${parliament.ipuSeats}), 0)`,
    women: sql<number>`coalesce(sum(${parliament.ipuWomen}), 0)`,
    asOf: sql<string | null>`max(${parliament.ipuAsOf})`,
  }
  const network = db.select(sums).from(parliament).where(and(inNetwork, hasFigures)).get()
  const world = db.select(sums).from(parliament).where(hasFigures).get()
  const share = (r: typeof network) => (r && r.seats > 0 ? r.women / r.seats : null)
  return {
    network: {
      chambers: network?.chambers ?? 0,
      seats: network?.seats ?? 0,
      women: network?.women ?? 0,
      share: share(network),
    },
    world: { chambers: world?.chambers ?? 0, seats: world?.seats ?? 0, women: world?.women ?? 0, share: share(world) },
    asOf: world?.asOf ?? null,
  }
}

/**
 * One parliament's members and shares over the profiles the viewer may see (visitors: public ones), so that
 * the count matches the list beside it; small groups get no shares (MIN_GROUP).
 */
export function getParliamentShares(parliamentId: number, signedIn: boolean, year = new Date().getUTCFullYear()) {
  const row = getDb()
    .select(aggregates(year))
    .from(member)
    .where(and(eq(member.parliamentId, parliamentId), visibleTo(signedIn)))
    .get()
  return toShares(row)
}

/** Each parliament in the network with its members' shares, and IPU's share of women in the whole chamber. */
export function listParliamentShares(year = new Date().getUTCFullYear()) {
  return getDb()
    .select({
      ...chamberColumns,
      ipuSeats: parliament.ipuSeats,
      ipuWomen: parliament.ipuWomen,
      ...aggregates(year),
    })
    .from(parliament)
    .leftJoin(member, eq(member.parliamentId, parliament.id))
    .where(inNetwork)
    .groupBy(parliament.id)
    .orderBy(asc(parliament.id))
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      countryCode: r.countryCode,
      chamber: r.chamber,
      nameEn: r.nameEn,
      nameAr: r.nameAr,
      ...toShares(r),
      ipuWomenShare: r.ipuSeats && r.ipuWomen != null ? r.ipuWomen / r.ipuSeats : null,
    }))
}

/** Everything the statistics page shows. */
export function getNetworkStats(year = new Date().getUTCFullYear()) {
  return {
    composition: getNetworkComposition(),
    countries: listNetworkCountries(),
    shares: getNetworkShares(year),
    ipu: getIpuContext(),
    parliaments: listParliamentShares(year),
  }
}
