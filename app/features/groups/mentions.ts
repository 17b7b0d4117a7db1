// `@name` mentions and links in a post's plain text (issue 17). A mention names one of the group's active members
// by their full name (longest name first, so "@Amina Diallo Sow" is not read as "@Amina Diallo"); anything else
// after an `@` that starts a word is an unknown mention, refused before anything is written.

export type MentionCandidate = { id: number; name: string }
export type MentionScan = { ids: number[]; unknown: string[] }

const wordChar = /[\p{L}\p{N}_]/u
/** An `@` that starts a mention: at the start or after a space or an opening bracket, followed by a letter. */
const mentionStart = /(^|[\s([{«"'])@(?=\p{L})/gu

function matchAt(text: string, at: number, byLength: readonly MentionCandidate[]) {
  const rest = text.slice(at).toLocaleLowerCase()
  return byLength.find((m) => {
    const name = m.name.toLocaleLowerCase()
    return name !== '' && rest.startsWith(name) && !wordChar.test(rest.charAt(name.length))
  })
}

const longestFirst = (members: readonly MentionCandidate[]) =>
  [...members].sort((a, b) => b.name.length - a.name.length)

/** The members a body mentions (each once) and the names after an `@` that are no member's. */
export function scanMentions(body: string, members: readonly MentionCandidate[]): MentionScan {
  const sorted = longestFirst(members)
  const ids = new Set<number>()
  const unknown: string[] = []
  for (const m of body.matchAll(mentionStart)) {
    const at = m.index + m[0].length
    const found = matchAt(body, at, sorted)
    if (found) ids.add(found.id)
    else unknown.push(/^[\p{L}\p{N}_.-]+/u.exec(body.slice(at))?.[0].replace(/[.-]+$/, '') ?? '')
  }
  return { ids: [...ids], unknown }
}

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string; text: string }
  | { kind: 'mention'; userId: number; text: string }

const linkPattern = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]}»'،؛]/gu

function linkSegments(text: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(linkPattern)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) })
    out.push({ kind: 'link', href: m[0], text: m[0] })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

/** A body cut into text, links (http/https only) and the mentions of `mentioned` (the post's stored mentions). */
export function segmentPost(body: string, mentioned: readonly MentionCandidate[]): Segment[] {
  const sorted = longestFirst(mentioned)
  const out: Segment[] = []
  let last = 0
  for (const m of body.matchAll(mentionStart)) {
    const at = m.index + m[0].length
    const found = matchAt(body, at, sorted)
    if (!found) continue
    out.push(...linkSegments(body.slice(last, at - 1)))
    const text = body.slice(at - 1, at + found.name.length)
    out.push({ kind: 'mention', userId: found.id, text })
    last = at + found.name.length
  }
  out.push(...linkSegments(body.slice(last)))
  return out.filter((s) => s.text !== '')
}
