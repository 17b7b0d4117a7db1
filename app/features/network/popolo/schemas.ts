import { z } from '~/utils/zod'

// The part of a Popolo document (http://www.popoloproject.com/specs/) the importer reads. Unknown keys are
// allowed and dropped (sources, links' extra fields, meta…); every value the spec allows to be null may be null.
// The limits keep one hostile or broken file from exhausting memory before the importer sees it: they are far
// above what real legislatures need (EveryPolitician's largest chamber has about 3,000 people).

export const POPOLO_LIMITS = {
  persons: 20_000,
  organizations: 10_000,
  memberships: 200_000,
  /** areas, events and posts each */
  others: 50_000,
  /** other_names (Wikidata gives parties names in 100+ languages), identifiers, contact details, links, images */
  perRecord: 1_000,
  id: 300,
  name: 500,
  text: 2_000,
} as const

const nullableText = (max: number) => z.string().max(max).nullish()
const list = <T extends z.ZodType>(item: T, max: number = POPOLO_LIMITS.perRecord) => z.array(item).max(max).optional()

/** YYYY, YYYY-MM or YYYY-MM-DD, as the spec's person and organization schemas require. */
const PopoloDate = z
  .string()
  .regex(/^[0-9]{4}(-[0-9]{2}){0,2}$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .nullish()

/** Memberships and events may also carry a time (the spec's pattern); only the date part is used. */
const PopoloDateTime = z
  .string()
  .regex(
    /^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$/,
    'expected a date as YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time',
  )
  .nullish()

export const PopoloOtherNameSchema = z.object({
  name: z.string().max(POPOLO_LIMITS.name),
  lang: nullableText(35),
  note: nullableText(POPOLO_LIMITS.text),
  start_date: PopoloDate,
  end_date: PopoloDate,
})

export const PopoloIdentifierSchema = z.object({
  identifier: z.string().max(POPOLO_LIMITS.id),
  scheme: nullableText(100),
})

export const PopoloContactDetailSchema = z.object({
  type: z.string().max(100),
  value: z.string().max(POPOLO_LIMITS.text),
  label: nullableText(POPOLO_LIMITS.text),
  note: nullableText(POPOLO_LIMITS.text),
})

export const PopoloLinkSchema = z.object({
  url: z.string().max(POPOLO_LIMITS.text),
  note: nullableText(POPOLO_LIMITS.text),
})

export const PopoloPersonSchema = z.object({
  id: nullableText(POPOLO_LIMITS.id),
  name: nullableText(POPOLO_LIMITS.name),
  other_names: list(PopoloOtherNameSchema),
  identifiers: list(PopoloIdentifierSchema),
  email: nullableText(POPOLO_LIMITS.text),
  gender: nullableText(100),
  birth_date: PopoloDate,
  death_date: PopoloDate,
  image: nullableText(POPOLO_LIMITS.text),
  images: list(z.object({ url: z.string().max(POPOLO_LIMITS.text) })),
  contact_details: list(PopoloContactDetailSchema),
  links: list(PopoloLinkSchema),
})

export const PopoloOrganizationSchema = z.object({
  /** An organization without an id cannot be referred to; the importer passes over it. */
  id: nullableText(POPOLO_LIMITS.id),
  name: nullableText(POPOLO_LIMITS.name),
  other_names: list(PopoloOtherNameSchema),
  identifiers: list(PopoloIdentifierSchema),
  classification: nullableText(100),
  parent_id: nullableText(POPOLO_LIMITS.id),
})

export const PopoloMembershipSchema = z.object({
  id: nullableText(POPOLO_LIMITS.id),
  role: nullableText(POPOLO_LIMITS.name),
  person_id: nullableText(POPOLO_LIMITS.id),
  organization_id: nullableText(POPOLO_LIMITS.id),
  on_behalf_of_id: nullableText(POPOLO_LIMITS.id),
  post_id: nullableText(POPOLO_LIMITS.id),
  area_id: nullableText(POPOLO_LIMITS.id),
  legislative_period_id: nullableText(POPOLO_LIMITS.id),
  start_date: PopoloDateTime,
  end_date: PopoloDateTime,
})

export const PopoloEventSchema = z.object({
  id: nullableText(POPOLO_LIMITS.id),
  name: nullableText(POPOLO_LIMITS.name),
  classification: nullableText(100),
  organization_id: nullableText(POPOLO_LIMITS.id),
  start_date: PopoloDateTime,
  end_date: PopoloDateTime,
})

export const PopoloPostSchema = z.object({
  id: nullableText(POPOLO_LIMITS.id),
  label: nullableText(POPOLO_LIMITS.name),
  organization_id: nullableText(POPOLO_LIMITS.id),
})

export const PopoloAreaSchema = z.object({
  id: nullableText(POPOLO_LIMITS.id),
  name: nullableText(POPOLO_LIMITS.name),
})

/** A whole document: `persons` is required; the other collections are optional. */
export const PopoloDocumentSchema = z.object({
  persons: z.array(PopoloPersonSchema).max(POPOLO_LIMITS.persons),
  organizations: z.array(PopoloOrganizationSchema).max(POPOLO_LIMITS.organizations).default([]),
  memberships: z.array(PopoloMembershipSchema).max(POPOLO_LIMITS.memberships).default([]),
  events: z.array(PopoloEventSchema).max(POPOLO_LIMITS.others).default([]),
  posts: z.array(PopoloPostSchema).max(POPOLO_LIMITS.others).default([]),
  areas: z.array(PopoloAreaSchema).max(POPOLO_LIMITS.others).default([]),
})

export type PopoloDocument = z.infer<typeof PopoloDocumentSchema>
export type PopoloPerson = z.infer<typeof PopoloPersonSchema>
export type PopoloOrganization = z.infer<typeof PopoloOrganizationSchema>
export type PopoloMembership = z.infer<typeof PopoloMembershipSchema>
export type PopoloOtherName = z.infer<typeof PopoloOtherNameSchema>

/** `persons[3].other_names[0].name`: where an issue is, as a reader of the file would write it. */
export function formatIssuePath(path: readonly PropertyKey[]) {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(document)'
}

/** The first few issues, one line: `persons[0].id: Invalid input: expected string, received number; …`. */
export function formatPopoloIssues(error: z.ZodError, max = 3) {
  const shown = error.issues.slice(0, max).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`)
  const more = error.issues.length - shown.length
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '')
}
