// Planning an import: reading the file's organizations, persons and memberships, checking them within the file,
// matching them against the database and saying what each person's row would become.
import { inArray } from 'drizzle-orm'
import { member } from '#db/schema/index'
import type { Tx } from '~/utils/db.server'
import { memberSearchText } from '../member.server'
import {
  chunks,
  identifierOwners,
  matchPeople,
  resolveParliament,
  type ExistingMember,
  type PersonEntry,
} from './import-match.server'
import {
  PLAN,
  PopoloImportError,
  type Incoming,
  type MemberValues,
  type PlannedInsert,
  type PlannedUpdate,
  type PopoloImportOptions,
  type PopoloImportPlan,
  type RejectedMembership,
  type RejectedPerson,
} from './import-types.server'
import {
  NAME_MAX,
  PARTY_CLASSIFICATIONS,
  bilingualNames,
  classificationOf,
  clean,
  contactOf,
  displayName,
  groupNameOf,
  identifierKey,
  identifiersOf,
  isEmpty,
  latest,
  looksLikeSenate,
  mapBirthYear,
  mapGender,
  positionFor,
  recency,
  showIdentifier,
} from './import-values.server'
import type { PopoloDocument, PopoloOrganization } from './schemas'

export function buildPlan(db: Tx, doc: PopoloDocument, options: PopoloImportOptions): PopoloImportPlan {
  // Organizations, the legislature, posts and terms.
  const organizations = new Map<string, PopoloOrganization>()
  for (const org of doc.organizations) {
    const id = clean(org.id)
    if (id && !organizations.has(id)) organizations.set(id, org)
  }
  const legislatures = [...organizations.entries()].filter(([, o]) => classificationOf(o) === 'legislature')
  if (legislatures.length > 1) {
    throw new PopoloImportError(
      `the file has ${legislatures.length} legislatures (${legislatures.map(([id]) => `"${id}"`).join(', ')}); import one chamber per file`,
    )
  }
  const [legislatureId, legislatureOrg] = legislatures[0] ?? []
  const legislature = legislatureId && legislatureOrg ? { id: legislatureId, ...bilingualNames(legislatureOrg) } : null
  const postOrganization = new Map(doc.posts.map((p) => [clean(p.id), clean(p.organization_id)]))
  const groupNames = new Map<string, string>()
  const groupName = (id: string, org: PopoloOrganization) => {
    let name = groupNames.get(id)
    if (name === undefined) groupNames.set(id, (name = groupNameOf(org)))
    return name
  }
  const termStart = new Map<string, string>()
  for (const e of doc.events) if (e.id && e.start_date) termStart.set(clean(e.id), e.start_date)

  // Persons: ids, names and identifiers, checked within the file.
  const rejectedPersons: (RejectedPerson & { index: number })[] = []
  const entries = new Map<string, PersonEntry>()
  const identifierInFile = new Map<string, string>()
  doc.persons.forEach((person, index) => {
    const id = clean(person.id)
    const name = displayName(person)
    const reject = (reason: string) => rejectedPersons.push({ index, id: id || `persons[${index}]`, name, reason })
    if (!id) return reject('has no id')
    if (entries.has(id)) return reject('has the same id as an earlier person in the file')
    const entry: PersonEntry = {
      index,
      person,
      id,
      name,
      names: bilingualNames(person),
      identifiers: identifiersOf(person),
      legislatureMemberships: [],
      groupCandidates: [],
    }
    entries.set(id, entry)
    if (!entry.names.nameEn && !entry.names.nameAr) {
      entry.rejected = 'has no name'
      return
    }
    if ([...entry.names.nameEn].length > NAME_MAX || [...entry.names.nameAr].length > NAME_MAX) {
      entry.rejected = `has a name longer than ${NAME_MAX} characters`
      return
    }
    for (const i of entry.identifiers) {
      const other = identifierInFile.get(identifierKey(i))
      if (other !== undefined) {
        entry.rejected = `identifier ${showIdentifier(i)} is also given to person "${other}" in the file`
        return
      }
    }
    for (const i of entry.identifiers) identifierInFile.set(identifierKey(i), id)
  })

  // Memberships: which person and organization each is about.
  // Each membership is rejected here (a reason), ignored, or counted with its person's outcome later.
  type MembershipEntry = RejectedMembership & { status: 'rejected' | 'ignored' | 'counted' }
  const membershipEntries: MembershipEntry[] = []
  doc.memberships.forEach((m, index) => {
    const personId = clean(m.person_id)
    const organizationId = clean(m.organization_id) || postOrganization.get(clean(m.post_id)) || ''
    const id = clean(m.id) || `memberships[${index}]`
    const outcome = (status: MembershipEntry['status'], reason = '') =>
      membershipEntries.push({ id, personId, organizationId, reason, status })
    const reject = (reason: string) => outcome('rejected', reason)
    const entry = entries.get(personId)
    if (!personId) return reject('names no person')
    if (!entry) return reject(`names a person who is not in the file ("${personId}")`)
    if (!organizationId) return reject('names no organization')
    const org = organizations.get(organizationId)
    if (!org) return reject(`names an organization that is not in the file ("${organizationId}")`)
    if (organizationId === legislatureId) {
      entry.legislatureMemberships.push(m)
      const partyId = clean(m.on_behalf_of_id)
      const party = organizations.get(partyId)
      if (party) entry.groupCandidates.push({ membership: m, groupName: groupName(partyId, party) })
    } else if (PARTY_CLASSIFICATIONS.has(classificationOf(org))) {
      entry.groupCandidates.push({ membership: m, groupName: groupName(organizationId, org) })
    } else {
      return outcome('ignored')
    }
    outcome('counted')
  })

  if (legislature) {
    for (const entry of entries.values()) {
      if (!entry.rejected && entry.legislatureMemberships.length === 0) {
        entry.rejected = `is not a member of the legislature "${legislature.nameEn || legislature.nameAr}" in the file`
      }
    }
  }

  // Matching against the database: by Popolo id, then by identifiers, each in its scope.
  const candidates = [...entries.values()].filter((e) => !e.rejected)
  const byPopoloId = new Map<string, ExistingMember>()
  for (const ids of chunks(candidates.map((e) => e.id))) {
    for (const row of db.select().from(member).where(inArray(member.popoloId, ids)).all())
      byPopoloId.set(row.popoloId!, row)
  }
  const byId = new Map<number, ExistingMember>([...byPopoloId.values()].map((m) => [m.id, m]))
  const loadOwners = (owners: Map<string, number>) => {
    const ids = [...new Set(owners.values())].filter((id) => !byId.has(id))
    for (const part of chunks(ids)) {
      for (const row of db.select().from(member).where(inArray(member.id, part)).all()) byId.set(row.id, row)
    }
  }
  // First the global schemes alone, to find the parliament; then the file's own schemes within that parliament.
  const globalOwners = identifierOwners(db, candidates, null)
  loadOwners(globalOwners)
  const known = matchPeople(candidates, byPopoloId, byId, globalOwners)
  const matchedParliaments = new Set(
    [...known.values()].flatMap((m) => ('existing' in m ? [m.existing.parliamentId] : [])),
  )
  const target = resolveParliament(db, legislature, matchedParliaments, options)
  const identifierOwner = new Map(globalOwners)
  if (target.match !== 'new') {
    const localOwners = identifierOwners(db, candidates, target.match)
    loadOwners(localOwners)
    for (const [key, owner] of localOwners) identifierOwner.set(key, owner)
  }
  for (const [e, outcome] of matchPeople(candidates, byPopoloId, byId, identifierOwner)) {
    if ('rejected' in outcome) e.rejected = outcome.rejected
    else if ('existing' in outcome) e.existing = outcome.existing
  }

  const targetNames = target.match === 'new' ? target : { nameEn: target.nameEn, nameAr: target.nameAr }
  const isSenate = looksLikeSenate(
    legislature?.nameEn ?? '',
    legislature?.nameAr ?? '',
    targetNames.nameEn,
    targetNames.nameAr,
  )

  // What changes for each person.
  const inserts: PlannedInsert[] = []
  const updates: PlannedUpdate[] = []
  for (const e of candidates) {
    if (e.rejected) continue
    if (e.existing && e.existing.parliamentId !== target.match) {
      e.rejected = `is already member #${e.existing.id} of another parliament (#${e.existing.parliamentId}); an import does not move members`
      continue
    }
    const incoming = incomingValues(e, isSenate, termStart)
    if (!e.existing) {
      const values: MemberValues = {
        nameEn: incoming.nameEn ?? '',
        nameAr: incoming.nameAr ?? '',
        searchText: '',
        position: incoming.position,
        groupName: incoming.groupName ?? '',
        gender: incoming.gender ?? null,
        birthYear: incoming.birthYear ?? null,
        imageUrl: incoming.imageUrl ?? null,
        email: incoming.email ?? null,
        phone: incoming.phone ?? null,
        website: incoming.website ?? null,
      }
      values.searchText = memberSearchText(values)
      inserts.push({ popoloId: e.id, values, identifiers: e.identifiers })
      e.status = 'new'
      e.membershipStatus = 'new'
      continue
    }
    const existing = e.existing
    // Someone with an account keeps their own profile: the import only fills what is empty.
    const fillOnly = existing.userId !== null
    const changes: PlannedUpdate['changes'] = {}
    for (const key of Object.keys(incoming) as (keyof Incoming)[]) {
      const value = incoming[key]
      if (value === undefined || (fillOnly && !isEmpty(existing[key]))) continue
      if (existing[key] !== value) Object.assign(changes, { [key]: value })
    }
    const searchText = memberSearchText({
      nameEn: changes.nameEn ?? existing.nameEn,
      nameAr: changes.nameAr ?? existing.nameAr,
      groupName: changes.groupName ?? existing.groupName,
    })
    if (searchText !== existing.searchText) changes.searchText = searchText
    if (existing.popoloId !== e.id) changes.popoloId = e.id
    const identifiers = e.identifiers.filter((i) => identifierOwner.get(identifierKey(i)) !== existing.id)
    const changed = Object.keys(changes).length > 0 || identifiers.length > 0
    if (changed) updates.push({ memberId: existing.id, popoloId: e.id, changes, identifiers })
    e.status = changed ? 'updated' : 'unchanged'
    e.membershipStatus = 'position' in changes || 'groupName' in changes ? 'updated' : 'unchanged'
  }

  for (const e of entries.values()) {
    if (e.rejected) rejectedPersons.push({ index: e.index, id: e.id, name: e.name, reason: e.rejected })
  }
  rejectedPersons.sort((a, b) => a.index - b.index)

  const personCounts = { new: 0, updated: 0, unchanged: 0 }
  const unread = new Map<string, number>()
  for (const e of entries.values()) {
    if (!e.status) continue
    personCounts[e.status] += 1
    const { unread: value } = mapGender(e.person.gender)
    if (value !== undefined) unread.set(value, (unread.get(value) ?? 0) + 1)
  }
  const unreadGenders = [...unread]
    .map(([value, persons]) => ({ value, persons }))
    .sort((a, b) => b.persons - a.persons)
  const membershipCounts = { new: 0, updated: 0, unchanged: 0, ignored: 0 }
  const rejectedMemberships: RejectedMembership[] = []
  for (const { status, ...m } of membershipEntries) {
    const personStatus = status === 'counted' ? entries.get(m.personId)!.membershipStatus : undefined
    if (status === 'ignored') membershipCounts.ignored += 1
    else if (personStatus) membershipCounts[personStatus] += 1
    else rejectedMemberships.push(status === 'rejected' ? m : { ...m, reason: 'its person is rejected' })
  }

  return {
    [PLAN]: true,
    document: doc,
    legislature,
    parliament: target,
    persons: {
      total: doc.persons.length,
      ...personCounts,
      rejected: rejectedPersons.map(({ index: _, ...r }) => r),
      unreadGenders: unreadGenders.slice(0, 20),
    },
    memberships: { total: doc.memberships.length, ...membershipCounts, rejected: rejectedMemberships },
    writes: { parliament: target.match === 'new' ? target : null, inserts, updates },
  }
}

function incomingValues(e: PersonEntry, isSenate: boolean, termStart: Map<string, string>): Incoming {
  const { person, names } = e
  const current = latest(e.legislatureMemberships, (m) => recency(m, termStart))
  const group = latest(e.groupCandidates, (c) => recency(c.membership, termStart))
  const contact = contactOf(person)
  const incoming: Incoming = {
    nameEn: names.nameEn || undefined,
    nameAr: names.nameAr || undefined,
    position: positionFor(current?.role, isSenate),
    groupName: group?.groupName || undefined,
    gender: mapGender(person.gender).gender,
    birthYear: mapBirthYear(person.birth_date),
    ...contact,
  }
  for (const key of Object.keys(incoming) as (keyof Incoming)[]) if (incoming[key] === undefined) delete incoming[key]
  return incoming
}
