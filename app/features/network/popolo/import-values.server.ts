// Mapping a Popolo person's values to a member's: names by script and language, gender, birth year, contacts,
// identifiers (and which schemes are global), party, position and the most recent membership.
import type { Gender, Position } from '#db/schema/index'
import { normalizeForSearch } from '~/utils/arabic'
import { isEmailAddress } from '~/utils/validation/common'
import { hasVisibleText } from '~/utils/validation/text'
import type { Identifier } from './import-types.server'
import type { PopoloMembership, PopoloOrganization, PopoloOtherName, PopoloPerson } from './schemas'

/** Whitespace collapsed, control characters dropped, composed (NFC) so equal names compare equal. */
/** A text of the file as stored: NFC, controls (NUL included) made spaces, '' when nothing in it is visible. */
export function clean(text: string | null | undefined) {
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
export function bilingualNames(entity: Named) {
  let nameEn = englishName(entity)
  const nameAr = arabicName(entity)
  if (!nameEn && !nameAr) nameEn = clean(entity.name) || clean(entity.other_names?.find((n) => clean(n.name))?.name)
  return { nameEn, nameAr }
}

export function displayName(person: PopoloPerson) {
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
export function mapGender(value: string | null | undefined): { gender: Gender | null | undefined; unread?: string } {
  const raw = clean(value)
  const g = raw.toLowerCase()
  if (UNKNOWN_GENDERS.has(g)) return { gender: undefined }
  const gender = GENDERS.get(g)
  return gender ? { gender } : { gender: null, unread: raw }
}

// The profile form's rules (app/features/network/member-schemas.ts), so that an imported profile can be saved as it is.
export const NAME_MAX = 200
const PHONE = /^[+0-9 ()-]{5,40}$/
const WEBSITE = /^https?:\/\/[^\s]+\.[^\s]+$/i

/** Only used for the youth statistics: a year the profile form would refuse (over 110, under 16) is left out. */
export function mapBirthYear(date: string | null | undefined) {
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

export function contactOf(person: PopoloPerson) {
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

export function identifiersOf(person: PopoloPerson): Identifier[] {
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

export function identifierKey(i: Identifier) {
  return `${i.scheme}\u0000${i.identifier}`
}

export function showIdentifier(i: Identifier) {
  return `${i.scheme}:${i.identifier}`
}

export const PARTY_CLASSIFICATIONS = new Set(['party', 'political party', 'parliamentary group', 'political group'])

export function classificationOf(org: PopoloOrganization) {
  return clean(org.classification).toLowerCase()
}

/** A group's one name: English when the file has it, else Arabic, else as written. */
export function groupNameOf(org: PopoloOrganization) {
  return englishName(org) || arabicName(org) || clean(org.name)
}

export function looksLikeSenate(...names: string[]) {
  return names.some((n) => {
    const folded = normalizeForSearch(n)
    return /(^| )senat/.test(folded) || folded.includes('الشيوخ')
  })
}

export function positionFor(role: string | null | undefined, isSenate: boolean): Position {
  const r = normalizeForSearch(role ?? '')
  if (r === 'speaker' || r === 'president') return 'speaker'
  if (/^(deputy|vice) (speaker|president)$/.test(r)) return 'deputy_speaker'
  return isSenate ? 'senator' : 'member'
}

/** Most recent last: an open membership beats an ended one, then the later start (or term start). */
export function recency(m: PopoloMembership, termStart: Map<string, string>) {
  const end = m.end_date ?? '9999'
  const start = m.start_date ?? termStart.get(m.legislative_period_id ?? '') ?? ''
  return `${end}\u0000${start}`
}

export function latest<T>(items: T[], key: (item: T) => string): T | undefined {
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

export function isEmpty(value: unknown) {
  return value === null || value === undefined || value === ''
}
