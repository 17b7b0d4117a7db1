import { z } from '~/utils/zod'
import { hasVisibleText, optionalText, plainText } from '~/utils/validation/text'
import { meetingDocumentRoles } from '#db/enums'
import { readId } from '~/utils/ids'
import { isLocalDateTime } from '~/utils/validation/time-zone'

// A session of a meeting's agenda, as a coordinator types it. Times are wall-clock times in the MEETING's zone
// (the server turns them into instants and checks they fall within the meeting's days).

const localDateTime = z.string({ error: 'dateTimeInvalid' }).trim().refine(isLocalDateTime, 'dateTimeInvalid')

const id = z
  .number({ error: 'invalidChoice' })
  .int('invalidChoice')
  .min(1, 'invalidChoice')
  .max(Number.MAX_SAFE_INTEGER, 'invalidChoice')

/** At most this many speakers of each kind on one session. */
export const MAX_SPEAKERS = 40

const ids = z
  .array(id, { error: 'invalidChoice' })
  .max(200, 'invalidChoice')
  .optional()
  .transform((list) => [...new Set(list ?? [])])

/**
 * Member ids from a text field: numbers ("12") or profile addresses ("/en/members/12",
 * "https://parlnet.example.org/ar/members/12"), separated by spaces, commas or new lines. Null when one is neither.
 */
export function parseMemberReferences(text: string): number[] | null {
  const found: number[] = []
  for (const item of text.split(/[\s,،]+/).filter(Boolean)) {
    const m = /^(?:#?(\d{1,12})|(?:https?:\/\/[^/\s]+)?\/(?:en|ar)\/members\/(\d{1,12})\/?(?:[?#]\S*)?)$/i.exec(item)
    const n = m ? readId(Number(m[1] ?? m[2])) : null
    if (n === null) return null
    if (!found.includes(n)) found.push(n)
  }
  return found
}

export type ExternalSpeaker = { name: string; affiliation: string }

/**
 * External speakers, one a line: "Name, affiliation" (the Arabic comma "،" works too); the affiliation may be
 * left out. Null when a line is too long or there are too many.
 */
export function parseExternalSpeakers(text: string): ExternalSpeaker[] | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(hasVisibleText)
  if (lines.length > MAX_SPEAKERS) return null
  const speakers: ExternalSpeaker[] = []
  for (const line of lines) {
    const cut = line.search(/[,،]/)
    const name = (cut < 0 ? line : line.slice(0, cut)).trim()
    const affiliation = cut < 0 ? '' : line.slice(cut + 1).trim()
    if (!hasVisibleText(name) || name.length > 200 || affiliation.length > 300) return null
    speakers.push({ name, affiliation })
  }
  return speakers
}

/** The external speakers back into the textarea's text. */
export function formatExternalSpeakers(speakers: ExternalSpeaker[]) {
  return speakers.map((s) => (s.affiliation ? `${s.name}, ${s.affiliation}` : s.name)).join('\n')
}

/** A refinement's `when`: run it when none of these fields has an issue. */
function parsed(...fields: string[]) {
  return (payload: { issues: { path?: PropertyKey[] }[] }) =>
    payload.issues.every((issue) => !issue.path?.length || !fields.includes(String(issue.path[0])))
}

export const MeetingSessionFormSchema = z
  .object({
    titleEn: optionalText(300),
    titleAr: optionalText(300),
    descriptionEn: optionalText(5000),
    descriptionAr: optionalText(5000),
    startsAt: localDateTime,
    endsAt: localDateTime,
    room: optionalText(200),
    /** Members chosen from the meeting's list (invited parliaments' members, registered participants). */
    speakerMemberIds: ids,
    /** Any other member of the network, by number or profile address. */
    speakerMemberRef: plainText(2000)
      .optional()
      .transform((v, ctx) => {
        const refs = parseMemberReferences(v ?? '')
        if (refs === null) {
          ctx.addIssue({ code: 'custom', message: 'memberReferenceInvalid' })
          return z.NEVER
        }
        return refs
      }),
    externalSpeakers: plainText(20_000)
      .optional()
      .transform((v, ctx) => {
        const speakers = parseExternalSpeakers(v ?? '')
        if (speakers === null) {
          ctx.addIssue({ code: 'custom', message: 'tooLong' })
          return z.NEVER
        }
        return speakers
      }),
    /** Library resources among the meeting's documents. */
    resourceIds: ids,
  })
  // Zod skips an object's refinements once any field failed; each rule here runs whenever its own fields parsed,
  // so every message shows at once.
  .superRefine(
    (v, ctx) => {
      if (!v.titleEn && !v.titleAr) ctx.addIssue({ code: 'custom', path: ['titleEn'], message: 'titleOneLanguage' })
    },
    { when: parsed('titleEn', 'titleAr') },
  )
  .superRefine(
    (v, ctx) => {
      // Same zone, same format: comparing the strings compares the times (the server checks the instants again).
      if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' })
    },
    { when: parsed('startsAt', 'endsAt') },
  )
  .superRefine(
    (v, ctx) => {
      if (v.speakerMemberIds.length + v.speakerMemberRef.length > MAX_SPEAKERS)
        ctx.addIssue({ code: 'custom', path: ['speakerMemberIds'], message: 'invalidChoice' })
    },
    { when: parsed('speakerMemberIds', 'speakerMemberRef') },
  )

export type MeetingSessionInput = z.output<typeof MeetingSessionFormSchema>

/** Linking a library resource to a meeting, or unlinking it. */
export const MeetingDocumentFormSchema = z.object({
  resourceId: id,
  role: z.enum(meetingDocumentRoles, { error: 'invalidChoice' }),
})

/** What the agenda's editing pages post: the session's form (save), or its deletion. */
export const SessionIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save') }),
  z.object({ intent: z.literal('delete') }),
])
