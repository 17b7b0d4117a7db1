// Reading the database for a plan: the stored members a file's people match (by Popolo id, then by identifiers
// in their scope), and the parliament the file's legislature is.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { member, memberIdentifier, parliament, regions } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import type { Tx } from '~/utils/db.server'
import {
  PopoloImportError,
  type Identifier,
  type ParliamentPlan,
  type PopoloImportOptions,
} from './import-types.server'
import { identifierKey, isGlobalScheme, showIdentifier } from './import-values.server'
import type { PopoloMembership, PopoloPerson } from './schemas'

export type ExistingMember = typeof member.$inferSelect

/** Values per `IN (…)` list, and rows per INSERT (25 columns × 200 rows stays far below SQLite's 32,766 variables). */
const LOOKUP_BATCH = 500
export const INSERT_BATCH = 200
export function chunks<T>(items: T[], size = LOOKUP_BATCH) {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export type PersonEntry = {
  index: number
  person: PopoloPerson
  id: string
  name: string
  names: { nameEn: string; nameAr: string }
  identifiers: Identifier[]
  legislatureMemberships: PopoloMembership[]
  groupCandidates: { membership: PopoloMembership; groupName: string }[]
  rejected?: string
  existing?: ExistingMember
  status?: 'new' | 'updated' | 'unchanged'
  membershipStatus?: 'new' | 'updated' | 'unchanged'
}

/** Who owns the candidates' identifiers: of global schemes (`scope` null), or of one parliament's own schemes. */
export function identifierOwners(db: Tx, candidates: PersonEntry[], scope: number | null) {
  const owners = new Map<string, number>()
  const bySchemes = new Map<string, Set<string>>()
  for (const e of candidates) {
    for (const i of e.identifiers) {
      if (isGlobalScheme(i.scheme) !== (scope === null)) continue
      const set = bySchemes.get(i.scheme) ?? new Set<string>()
      set.add(i.identifier)
      bySchemes.set(i.scheme, set)
    }
  }
  const inScope =
    scope === null ? isNull(memberIdentifier.scopeParliamentId) : eq(memberIdentifier.scopeParliamentId, scope)
  for (const [scheme, values] of bySchemes) {
    for (const part of chunks([...values])) {
      const rows = db
        .select()
        .from(memberIdentifier)
        .where(and(eq(memberIdentifier.scheme, scheme), inArray(memberIdentifier.identifier, part), inScope))
        .all()
      for (const row of rows) owners.set(identifierKey(row), row.memberId)
    }
  }
  return owners
}

type MatchOutcome = { existing: ExistingMember } | { rejected: string } | { new: true }

/** Each candidate's stored member (by Popolo id, else by the identifiers in `identifierOwner`), or why it is refused. */
export function matchPeople(
  candidates: PersonEntry[],
  byPopoloId: Map<string, ExistingMember>,
  byId: Map<number, ExistingMember>,
  identifierOwner: Map<string, number>,
) {
  const outcomes = new Map<PersonEntry, MatchOutcome>()
  const claimed = new Map<number, string>()
  for (const e of candidates) {
    const owners = new Map<number, Identifier>()
    for (const i of e.identifiers) {
      const owner = identifierOwner.get(identifierKey(i))
      if (owner !== undefined && !owners.has(owner)) owners.set(owner, i)
    }
    let existing = byPopoloId.get(e.id)
    if (existing) {
      const conflict = [...owners.entries()].find(([owner]) => owner !== existing!.id)
      if (conflict) {
        outcomes.set(e, {
          rejected: `identifier ${showIdentifier(conflict[1])} already belongs to another member (#${conflict[0]})`,
        })
        continue
      }
    } else if (owners.size > 1) {
      const list = [...owners.entries()].map(([id, i]) => `${showIdentifier(i)} → #${id}`).join(', ')
      outcomes.set(e, { rejected: `its identifiers belong to different members (${list})` })
      continue
    } else if (owners.size === 1) {
      const [[ownerId, i]] = [...owners.entries()] as [[number, Identifier]]
      existing = byId.get(ownerId)!
      if (existing.popoloId !== null) {
        outcomes.set(e, {
          rejected: `identifier ${showIdentifier(i)} already belongs to member #${ownerId}, imported with Popolo id "${existing.popoloId}"`,
        })
        continue
      }
    }
    if (existing) {
      const other = claimed.get(existing.id)
      if (other !== undefined) {
        outcomes.set(e, { rejected: `matches the same member (#${existing.id}) as person "${other}"` })
        continue
      }
      claimed.set(existing.id, e.id)
      outcomes.set(e, { existing })
    } else {
      outcomes.set(e, { new: true })
    }
  }
  return outcomes
}

export function resolveParliament(
  db: Tx,
  legislature: { id: string; nameEn: string; nameAr: string } | null,
  matchedParliaments: Set<number>,
  options: PopoloImportOptions,
): ParliamentPlan {
  const columns = {
    id: parliament.id,
    nameEn: parliament.nameEn,
    nameAr: parliament.nameAr,
    countryCode: parliament.countryCode,
  }
  if (options.parliamentId !== undefined) {
    const found = db.select(columns).from(parliament).where(eq(parliament.id, options.parliamentId)).get()
    if (!found) throw new PopoloImportError(`there is no parliament with id ${options.parliamentId}`)
    return { match: found.id, nameEn: found.nameEn, nameAr: found.nameAr, matchedBy: 'option' }
  }
  if (matchedParliaments.size > 1) {
    throw new PopoloImportError(
      `people in the file already belong to ${matchedParliaments.size} parliaments (${[...matchedParliaments].map((id) => `#${id}`).join(', ')}); choose one with --parliament ID`,
    )
  }
  if (matchedParliaments.size === 1) {
    const id = [...matchedParliaments][0]!
    const found = db.select(columns).from(parliament).where(eq(parliament.id, id)).get()!
    return { match: found.id, nameEn: found.nameEn, nameAr: found.nameAr, matchedBy: 'members' }
  }
  if (!legislature) {
    throw new PopoloImportError(
      'the file has no organization with classification "legislature"; choose the parliament with --parliament ID',
    )
  }
  const countryCode = options.countryCode?.trim().toUpperCase()
  const en = normalizeForSearch(legislature.nameEn)
  const ar = normalizeForSearch(legislature.nameAr)
  const sameName = db
    .select(columns)
    .from(parliament)
    .all()
    .filter((p) => (en && normalizeForSearch(p.nameEn) === en) || (ar && normalizeForSearch(p.nameAr) === ar))
  const matches = countryCode ? sameName.filter((p) => p.countryCode === countryCode) : sameName
  const label = legislature.nameEn || legislature.nameAr
  if (matches.length > 1) {
    throw new PopoloImportError(
      `the legislature "${label}" matches ${matches.length} parliaments (${matches.map((p) => `#${p.id}`).join(', ')}); choose one with --parliament ID`,
    )
  }
  if (matches.length === 1) {
    const found = matches[0]!
    return { match: found.id, nameEn: found.nameEn, nameAr: found.nameAr, matchedBy: 'name' }
  }
  if (!countryCode || !options.region) {
    throw new PopoloImportError(
      `the legislature "${label}" matches no parliament; choose it with --parliament ID, or create it with --country CC --region REGION`,
    )
  }
  if (!/^[A-Z]{2}$/.test(countryCode))
    throw new PopoloImportError(`--country must be a two-letter ISO code (got "${options.countryCode}")`)
  if (!regions.includes(options.region)) throw new PopoloImportError(`--region must be one of ${regions.join(', ')}`)
  if (sameName.length > 0) {
    const p = sameName[0]!
    throw new PopoloImportError(
      `a parliament named "${p.nameEn || p.nameAr}" already exists (#${p.id}, ${p.countryCode ?? 'no country'}); choose it or another with --parliament ID`,
    )
  }
  return {
    match: 'new',
    kind: 'national',
    nameEn: legislature.nameEn,
    nameAr: legislature.nameAr,
    countryCode,
    region: options.region,
  }
}
