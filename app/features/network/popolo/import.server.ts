// Importing members of a parliament from a Popolo JSON file (http://www.popoloproject.com/specs/), e.g. the
// EveryPolitician exports. Two steps: `planPopoloImport` reads the database and says what would change;
// `commitPopoloImport` plans again inside one write transaction and applies it, so a preview never goes stale.
//
// Decisions (docs/decisions would hold the long form):
// - One legislature per file. The organization with classification "legislature" becomes the target parliament:
//   `parliamentId` when given; else the parliament the file's already-known people belong to (a re-import);
//   else a parliament with the same English or Arabic name (and the same country when `countryCode` is given);
//   else, only when `countryCode` and `region` are given, a new national parliament with the file's names.
//   Anything else refuses the whole import and asks for --parliament. A file without a legislature needs
//   `parliamentId`, and then every person in it is a member of that parliament.
// - People are matched by Popolo id, then by identifiers (scheme + identifier). An identifier of a global scheme
//   (Wikidata, VIAF…) matches in any parliament; any other scheme is a legislature's own (EveryPolitician's
//   `everypolitician_legacy:320` is a different person in Iraq and in Algeria), so it matches only within the target
//   parliament (docs/decisions/021). An import never moves a member between parliaments and never takes an
//   identifier from another member: such a person is rejected, with why.
// - The file says what it knows: a field absent from it keeps the stored value (a coordinator's Arabic name for
//   an Australian senator survives a re-import). For a member with an account, who edits their own profile, the
//   import only fills empty fields.
// - A person's group is the party of their most recent membership (`on_behalf_of` of a legislature membership,
//   or a membership of a party organization); memberships of other organizations (committees…) are ignored.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  member,
  memberIdentifier,
  parliament,
  regions,
  type Gender,
  type Position,
  type Region,
} from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { memberSearchText } from '~/features/network/member.server'
import { parliamentSearchText } from '~/features/network/parliament.server'
import { normalizeForSearch } from '~/utils/arabic'
import { getDb, type Tx } from '~/utils/db.server'
import { isEmailAddress } from '~/utils/validation/common'
import { hasVisibleText } from '~/utils/validation/text'
import {
  PopoloDocumentSchema,
  formatPopoloIssues,
  type PopoloDocument,
  type PopoloMembership,
  type PopoloOrganization,
  type PopoloOtherName,
  type PopoloPerson,
} from '~/features/network/popolo/schemas'

/** Files above this size are refused before they are read or parsed. */
export const MAX_POPOLO_BYTES = 25 * 1024 * 1024

/** A refusal of the whole import; its message is one line meant for the operator. */
export class PopoloImportError extends Error {
  override name = 'PopoloImportError'
}

export type PopoloImportOptions = {
  /** The parliament the file's legislature is. */
  parliamentId?: number
  /** ISO 3166-1 alpha-2: narrows the match by name, and allows creating the parliament (with `region`). */
  countryCode?: string
  region?: Region
  /** Where the data came from (a file name), kept in the audit record. */
  source?: string
}

type Identifier = { scheme: string; identifier: string }

type MemberValues = {
  nameEn: string
  nameAr: string
  searchText: string
  position: Position
  groupName: string
  gender: Gender | null
  birthYear: number | null
  imageUrl: string | null
  email: string | null
  phone: string | null
  website: string | null
}
/** What the file says about a person; a missing key means the file does not say. */
type Incoming = Partial<Omit<MemberValues, 'searchText' | 'position'>> & { position: Position }

export type RejectedPerson = { id: string; name: string; reason: string }
export type RejectedMembership = { id: string; personId: string; organizationId: string; reason: string }

export type PlannedInsert = { popoloId: string; values: MemberValues; identifiers: Identifier[] }
export type PlannedUpdate = {
  memberId: number
  popoloId: string
  changes: Partial<MemberValues & { popoloId: string }>
  identifiers: Identifier[]
}

export type ParliamentPlan =
  | { match: number; nameEn: string; nameAr: string; matchedBy: 'option' | 'members' | 'name' }
  | { match: 'new'; nameEn: string; nameAr: string; kind: 'national'; countryCode: string; region: Region }

/** A gender value the import could not read, and how many persons have it (stored as unknown). */
export type UnreadGender = { value: string; persons: number }

export type PopoloImportSummary = {
  /** The file's legislature organization, when it has one. */
  legislature: { id: string; nameEn: string; nameAr: string } | null
  parliament: ParliamentPlan
  persons: {
    total: number
    new: number
    updated: number
    unchanged: number
    rejected: RejectedPerson[]
    unreadGenders: UnreadGender[]
  }
  memberships: {
    total: number
    new: number
    updated: number
    unchanged: number
    /** Memberships of organizations that are neither the legislature nor a party (committees…). */
    ignored: number
    rejected: RejectedMembership[]
  }
}

const PLAN = Symbol('popolo-import-plan')

export type PopoloImportPlan = PopoloImportSummary & {
  [PLAN]: true
  document: PopoloDocument
  /** What a commit would write. */
  writes: {
    parliament: Extract<ParliamentPlan, { match: 'new' }> | null
    inserts: PlannedInsert[]
    updates: PlannedUpdate[]
  }
}

export type PopoloImportResult = PopoloImportSummary & {
  parliamentId: number
  /** False when the database already held everything the file says. */
  written: boolean
}

// ---------------------------------------------------------------------------------------------------------
// Reading the file

function formatSize(bytes: number) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} bytes`
}

/** Refuses a size over the limit; call it with fs.stat's size before reading a file. */
export function checkPopoloSize(bytes: number, maxBytes = MAX_POPOLO_BYTES) {
  if (bytes > maxBytes) {
    throw new PopoloImportError(
      `the file is ${formatSize(bytes)}, larger than the ${formatSize(maxBytes)} an import accepts; split it by legislature`,
    )
  }
}

/** Parses a file's text; too large or not JSON is a PopoloImportError with the reason. */
export function parsePopoloJson(
  input: string | Buffer,
  { maxBytes = MAX_POPOLO_BYTES }: { maxBytes?: number } = {},
): unknown {
  checkPopoloSize(typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length, maxBytes)
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new PopoloImportError(`the file is not valid JSON: ${(error as Error).message}`)
  }
}

/** The document, or a PopoloImportError naming the first problems and where they are. */
export function parsePopoloDocument(json: unknown): PopoloDocument {
  const result = PopoloDocumentSchema.safeParse(json)
  if (!result.success) {
    throw new PopoloImportError(
      `the file is not a Popolo document the import can read: ${formatPopoloIssues(result.error)}`,
    )
  }
  return result.data
}

// ---------------------------------------------------------------------------------------------------------
// Mapping Popolo values to a member

/** Whitespace collapsed, control characters dropped, composed (NFC) so equal names compare equal. */
/** A text of the file as stored: NFC, controls (NUL included) made spaces, '' when nothing in it is visible. */
function clean(text: string | null | undefined) {
  const value = (text ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
  return hasVisibleText(value) ? value : ''
}

const LETTER = /^\p{L}$/u
const LATIN = /^\p{Script=Latin}$/u
const ARABIC = /^\p{Script=Arabic}$/u

/** The script most of a name's letters are in (one pass; ASCII, most of the world's files, without a regex). */
function scriptOf(text: string): 'latin' | 'arabic' | 'other' | null {
  let letters = 0
  let latin = 0
  let arabic = 0
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) {
      const lower = code | 0x20
      if (lower >= 0x61 && lower <= 0x7a) {
        letters += 1
        latin += 1
      }
    } else if (LETTER.test(ch)) {
      letters += 1
      if (LATIN.test(ch)) latin += 1
      else if (ARABIC.test(ch)) arabic += 1
    }
  }
  if (letters === 0) return null
  if (latin * 2 > letters) return 'latin'
  if (arabic * 2 > letters) return 'arabic'
  return 'other'
}

function primaryLanguage(tag: string | null | undefined) {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
}

/** A name in a language from `other_names`, preferring one still in use (no end date). */
function otherName(names: PopoloOtherName[] | undefined, lang: string) {
  const inLang = (names ?? []).filter((n) => primaryLanguage(n.lang) === lang && clean(n.name))
  return clean((inLang.find((n) => !n.end_date) ?? inLang[0])?.name)
}

type Named = { name?: string | null; other_names?: PopoloOtherName[] }

/** `name` when it is in Latin script, else the English other name. */
function englishName(entity: Named) {
  const name = clean(entity.name)
  return scriptOf(name) === 'latin' ? name : otherName(entity.other_names, 'en')
}

/** `name` when it is in Arabic script, else the Arabic other name. */
function arabicName(entity: Named) {
  const name = clean(entity.name)
  return scriptOf(name) === 'arabic' ? name : otherName(entity.other_names, 'ar')
}

/** Both names; a name only in another script (Cyrillic, Chinese…) goes to nameEn so nobody is nameless. */
function bilingualNames(entity: Named) {
  let nameEn = englishName(entity)
  const nameAr = arabicName(entity)
  if (!nameEn && !nameAr) nameEn = clean(entity.name) || clean(entity.other_names?.find((n) => clean(n.name))?.name)
  return { nameEn, nameAr }
}

function displayName(person: PopoloPerson) {
  return clean(person.name) || clean(person.other_names?.[0]?.name)
}

const UNKNOWN_GENDERS = new Set([
  '',
  'unknown',
  'not known',
  'n/a',
  'na',
  'none',
  'null',
  'undisclosed',
  'not specified',
])

// The values EveryPolitician's files use, in English, French, Spanish and Arabic (Algeria's say Homme/Femme).
const GENDERS = new Map<string, Gender>([
  ...['female', 'f', 'woman', 'w', 'femme', 'mujer', 'femenino', 'féminin', 'أنثى', 'انثى', 'امرأة'].map(
    (g) => [g, 'female'] as const,
  ),
  ...['male', 'm', 'man', 'homme', 'hombre', 'masculino', 'masculin', 'ذكر', 'رجل'].map((g) => [g, 'male'] as const),
  ['other', 'other'],
])

/**
 * A gender the file gives, undefined when it says nothing; a value not in GENDERS is `unread`, stored as unknown
 * (null) and shown in the preview: guessing `other` would corrupt the women's share.
 */
function mapGender(value: string | null | undefined): { gender: Gender | null | undefined; unread?: string } {
  const raw = clean(value)
  const g = raw.toLowerCase()
  if (UNKNOWN_GENDERS.has(g)) return { gender: undefined }
  const gender = GENDERS.get(g)
  return gender ? { gender } : { gender: null, unread: raw }
}

// The profile form's rules (app/features/network/member-schemas.ts), so that an imported profile can be saved as it is.
const NAME_MAX = 200
const PHONE = /^[+0-9 ()-]{5,40}$/
const WEBSITE = /^https?:\/\/[^\s]+\.[^\s]+$/i

/** Only used for the youth statistics: a year the profile form would refuse (over 110, under 16) is left out. */
function mapBirthYear(date: string | null | undefined) {
  const year = Number(/^(\d{4})/.exec(date ?? '')?.[1])
  const now = new Date().getUTCFullYear()
  return year >= now - 110 && year <= now - 16 ? year : undefined
}

/** Only http(s) URLs are kept: an image or website is put in a page, and `javascript:` must never be. */
function httpUrl(value: string | null | undefined) {
  const text = clean(value)
  // canParse, not try/catch: a thrown error per missing image costs more than the rest of the import.
  if (!/^https?:/i.test(text) || !URL.canParse(text)) return undefined
  const url = new URL(text)
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
}

function emailAddress(value: string | null | undefined) {
  const email = clean(value).replace(/^mailto:/i, '')
  return email && isEmailAddress(email) ? email : undefined
}

function phoneNumber(value: string | null | undefined) {
  const phone = clean(value)
  return PHONE.test(phone) ? phone : undefined
}

function websiteUrl(value: string | null | undefined) {
  const url = httpUrl(value)
  return url && url.length <= 500 && WEBSITE.test(url) ? url : undefined
}

const PHONE_TYPES = new Set(['voice', 'phone', 'telephone', 'tel', 'cell', 'mobile'])
const WEBSITE_TYPES = new Set(['url', 'website', 'homepage', 'web'])

function contactOf(person: PopoloPerson) {
  const details = person.contact_details ?? []
  const ofType = (types: Set<string>) =>
    details.filter((d) => types.has(clean(d.type).toLowerCase())).map((d) => d.value)
  const email = [person.email, ...ofType(new Set(['email', 'e-mail']))].map(emailAddress).find(Boolean)
  const phone = ofType(PHONE_TYPES).map(phoneNumber).find(Boolean)
  const websiteLinks = (person.links ?? [])
    .filter((l) => /website|homepage|home page/i.test(l.note ?? ''))
    .map((l) => l.url)
  const website = [...ofType(WEBSITE_TYPES), ...websiteLinks].map(websiteUrl).find(Boolean)
  const imageUrl = [person.image, ...(person.images ?? []).map((i) => i.url)].map(httpUrl).find(Boolean)
  return { email, phone, website, imageUrl }
}

/**
 * Schemes whose identifiers name one person worldwide (authority files), matched across parliaments. Every other
 * scheme is local to the legislature that issued it. migrations/0007 backfilled existing rows with this list.
 */
export const GLOBAL_IDENTIFIER_SCHEMES: ReadonlySet<string> = new Set([
  'wikidata',
  'viaf',
  'isni',
  'orcid',
  'gnd',
  'lcauth',
  'lccn',
  'bnf',
  'sudoc',
  'idref',
  'freebase',
])

export function isGlobalScheme(scheme: string) {
  return GLOBAL_IDENTIFIER_SCHEMES.has(scheme.trim().toLowerCase())
}

function identifiersOf(person: PopoloPerson): Identifier[] {
  const seen = new Set<string>()
  const out: Identifier[] = []
  for (const i of person.identifiers ?? []) {
    // The table's key is (scheme, identifier): an identifier without a scheme has no namespace to live in.
    const scheme = clean(i.scheme)
    const identifier = clean(i.identifier)
    if (!scheme || !identifier) continue
    const key = identifierKey({ scheme, identifier })
    if (!seen.has(key)) {
      seen.add(key)
      out.push({ scheme, identifier })
    }
  }
  return out
}

function identifierKey(i: Identifier) {
  return `${i.scheme}\u0000${i.identifier}`
}

function showIdentifier(i: Identifier) {
  return `${i.scheme}:${i.identifier}`
}

const PARTY_CLASSIFICATIONS = new Set(['party', 'political party', 'parliamentary group', 'political group'])

function classificationOf(org: PopoloOrganization) {
  return clean(org.classification).toLowerCase()
}

/** A group's one name: English when the file has it, else Arabic, else as written. */
function groupNameOf(org: PopoloOrganization) {
  return englishName(org) || arabicName(org) || clean(org.name)
}

function looksLikeSenate(...names: string[]) {
  return names.some((n) => {
    const folded = normalizeForSearch(n)
    return /(^| )senat/.test(folded) || folded.includes('الشيوخ')
  })
}

function positionFor(role: string | null | undefined, isSenate: boolean): Position {
  const r = normalizeForSearch(role ?? '')
  if (r === 'speaker' || r === 'president') return 'speaker'
  if (/^(deputy|vice) (speaker|president)$/.test(r)) return 'deputy_speaker'
  return isSenate ? 'senator' : 'member'
}

/** Most recent last: an open membership beats an ended one, then the later start (or term start). */
function recency(m: PopoloMembership, termStart: Map<string, string>) {
  const end = m.end_date ?? '9999'
  const start = m.start_date ?? termStart.get(m.legislative_period_id ?? '') ?? ''
  return `${end}\u0000${start}`
}

function latest<T>(items: T[], key: (item: T) => string): T | undefined {
  let best: T | undefined
  let bestKey = ''
  for (const item of items) {
    const k = key(item)
    if (best === undefined || k >= bestKey) {
      best = item
      bestKey = k
    }
  }
  return best
}

function isEmpty(value: unknown) {
  return value === null || value === undefined || value === ''
}

// ---------------------------------------------------------------------------------------------------------
// Planning

type ExistingMember = typeof member.$inferSelect

/** Values per `IN (…)` list, and rows per INSERT (25 columns × 200 rows stays far below SQLite's 32,766 variables). */
const LOOKUP_BATCH = 500
const INSERT_BATCH = 200
function chunks<T>(items: T[], size = LOOKUP_BATCH) {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

type PersonEntry = {
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

function buildPlan(db: Tx, doc: PopoloDocument, options: PopoloImportOptions): PopoloImportPlan {
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

/** Who owns the candidates' identifiers: of global schemes (`scope` null), or of one parliament's own schemes. */
function identifierOwners(db: Tx, candidates: PersonEntry[], scope: number | null) {
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
function matchPeople(
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

function resolveParliament(
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

// ---------------------------------------------------------------------------------------------------------
// Public API

function isPlan(input: unknown): input is PopoloImportPlan {
  return typeof input === 'object' && input !== null && (input as { [PLAN]?: true })[PLAN] === true
}

/** The preview: what an import of this parsed JSON would do, without writing anything. */
export function planPopoloImport(json: unknown, options: PopoloImportOptions = {}): PopoloImportPlan {
  return buildPlan(getDb(), parsePopoloDocument(json), options)
}

/**
 * Applies an import in one write transaction: everything or, on any error, nothing. The plan is made again
 * inside the transaction (a preview's document is reused, its counts are not), so the result is exact.
 */
export function commitPopoloImport(
  input: PopoloImportPlan | unknown,
  options: PopoloImportOptions = {},
  actorId: number | null = null,
): PopoloImportResult {
  const doc = isPlan(input) ? input.document : parsePopoloDocument(input)
  const db = getDb()
  return db.transaction(
    (tx) => {
      const plan = buildPlan(tx, doc, options)
      const { writes } = plan
      let parliamentId: number
      if (writes.parliament) {
        const p = writes.parliament
        parliamentId = tx
          .insert(parliament)
          .values({
            kind: p.kind,
            countryCode: p.countryCode,
            nameEn: p.nameEn,
            nameAr: p.nameAr,
            region: p.region,
            searchText: parliamentSearchText(p),
          })
          .returning({ id: parliament.id })
          .get().id
      } else {
        parliamentId = plan.parliament.match as number
      }
      // Many rows per statement: building and preparing one statement per row was most of an import's time.
      // RETURNING's order is unspecified, so new ids are matched back through the (unique) Popolo id.
      const newIds = new Map<string, number>()
      for (const part of chunks(writes.inserts, INSERT_BATCH)) {
        const rows = tx
          .insert(member)
          .values(part.map((row) => ({ ...row.values, parliamentId, popoloId: row.popoloId })))
          .returning({ id: member.id, popoloId: member.popoloId })
          .all()
        for (const row of rows) newIds.set(row.popoloId!, row.id)
      }
      for (const row of writes.updates) {
        if (Object.keys(row.changes).length === 0) continue
        tx.update(member)
          .set({ ...row.changes, updatedAt: sql`(unixepoch())` })
          .where(eq(member.id, row.memberId))
          .run()
      }
      const identifiers = [
        ...writes.inserts.flatMap((row) => row.identifiers.map((i) => ({ ...i, memberId: newIds.get(row.popoloId)! }))),
        ...writes.updates.flatMap((row) => row.identifiers.map((i) => ({ ...i, memberId: row.memberId }))),
      ].map((i) => ({ ...i, scopeParliamentId: isGlobalScheme(i.scheme) ? null : parliamentId }))
      for (const part of chunks(identifiers, INSERT_BATCH)) tx.insert(memberIdentifier).values(part).run()
      const written = Boolean(writes.parliament) || writes.inserts.length > 0 || writes.updates.length > 0
      const summary = summarize(plan)
      if (written) {
        // The audit row is part of this transaction: the import and its record land together.
        recordAuditEvent(
          {
            actorId,
            action: 'popolo.imported',
            targetType: 'parliament',
            targetId: parliamentId,
            details: {
              source: options.source,
              parliamentCreated: Boolean(writes.parliament),
              persons: { ...summary.persons, rejected: summary.persons.rejected.length },
              memberships: { ...summary.memberships, rejected: summary.memberships.rejected.length },
            },
          },
          tx,
        )
      }
      return { ...summary, parliamentId, written }
    },
    { behavior: 'immediate' },
  )
}

/** A plan without its document and writes: what a preview shows. */
export function summarize(plan: PopoloImportPlan): PopoloImportSummary {
  return {
    legislature: plan.legislature,
    parliament: plan.parliament,
    persons: plan.persons,
    memberships: plan.memberships,
  }
}
