// Two versions of a draft compared provision by provision, matched by wId (which survives moves and renumbering):
// where each provision went (added, deleted, moved, renumbered, unchanged) and, inside a provision whose words
// changed, a word-level diff per language. Words come from Intl.Segmenter in the text's language, which the `diff`
// package takes as its tokenizer; nothing is normalised, so a haraka (U+064B–U+0652) or a tatweel (U+0640) added or
// removed inside a word makes that word a change.

import { diffWords } from 'diff'

import { numberProvisions, type ProvisionNumber } from './numbering'
import type { DraftSnapshot, ProvisionKind, ProvisionText, SnapshotProvision, TextLanguage } from './snapshot'

/** A run of text to draw as-is, in <ins> or in <del>. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface TextDiff {
  /** The text differs in any way (even in spaces or line breaks alone). */
  changed: boolean
  /** Changed only in spaces or line breaks: the segments then show no <ins>/<del>. */
  layoutOnly: boolean
  segments: DiffSegment[]
}

export interface LanguageDiff {
  /** 'added': written in this language only in the newer version; 'removed': only in the older one. */
  status: 'added' | 'removed' | 'changed' | 'unchanged'
  heading: TextDiff
  body: TextDiff
}

export type PlaceChange = 'added' | 'deleted' | 'moved' | 'renumbered' | 'unchanged'

export interface ProvisionPlace {
  eId: string
  kind: ProvisionKind
  ordinal: number
  pointDepth: number
  parentWId: string | null
  index: number
  depth: number
}

export interface ProvisionDiff {
  wId: string
  kind: ProvisionKind
  /** Where it is: moved = another parent or another place among the siblings it kept; renumbered = same place in
   *  its parent, another eId because others came or went (or its kind changed). */
  place: PlaceChange
  /** Its heading or body changed in at least one language (always false for added and deleted ones). */
  changed: boolean
  before: ProvisionPlace | null
  after: ProvisionPlace | null
  /** Every language either version has it in, in the draft's language order. */
  languages: Record<TextLanguage, LanguageDiff>
}

export interface DraftComparison {
  /** Newer version's document order, each deleted provision just after what preceded it in the older one. */
  provisions: ProvisionDiff[]
  counts: Record<PlaceChange | 'changed', number>
}

const segmenters = new Map<string, Intl.Segmenter>()

function segmenterFor(lang: TextLanguage): Intl.Segmenter {
  let s = segmenters.get(lang)
  if (!s) {
    try {
      s = new Intl.Segmenter(lang, { granularity: 'word' })
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'word' })
    }
    segmenters.set(lang, s)
  }
  return s
}

function push(segments: DiffSegment[], kind: DiffSegment['kind'], text: string) {
  if (text === '') return
  const last = segments[segments.length - 1]
  if (last && last.kind === kind) last.text += text
  else segments.push({ kind, text })
}

/** A word-level diff of two texts in one language, adjacent runs of a kind merged. */
export function diffText(before: string, after: string, lang: TextLanguage): TextDiff {
  if (before === after) {
    return { changed: false, layoutOnly: false, segments: before === '' ? [] : [{ kind: 'same', text: before }] }
  }
  const segments: DiffSegment[] = []
  if (before === '' || after === '') {
    push(segments, 'removed', before)
    push(segments, 'added', after)
    return { changed: true, layoutOnly: false, segments }
  }
  for (const c of diffWords(before, after, { intlSegmenter: segmenterFor(lang) })) {
    push(segments, c.added ? 'added' : c.removed ? 'removed' : 'same', c.value)
  }
  return { changed: true, layoutOnly: segments.every((s) => s.kind === 'same'), segments }
}

const noText: ProvisionText = { heading: '', body: '' }

function diffLanguage(before: ProvisionText | undefined, after: ProvisionText | undefined, lang: TextLanguage) {
  const heading = diffText((before ?? noText).heading, (after ?? noText).heading, lang)
  const body = diffText((before ?? noText).body, (after ?? noText).body, lang)
  const status: LanguageDiff['status'] = !before
    ? 'added'
    : !after
      ? 'removed'
      : heading.changed || body.changed
        ? 'changed'
        : 'unchanged'
  return { status, heading, body }
}

function indexProvisions(provisions: readonly SnapshotProvision[]) {
  const byWId = new Map<string, SnapshotProvision>()
  const childrenOf = new Map<string | null, SnapshotProvision[]>()
  const walk = (list: readonly SnapshotProvision[], parent: string | null) => {
    childrenOf.set(parent, list as SnapshotProvision[])
    for (const p of list) {
      byWId.set(p.wId, p)
      walk(p.children, p.wId)
    }
  }
  walk(provisions, null)
  return { byWId, childrenOf }
}

/** Indices (into `seq`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = []
  const prev = new Array<number>(seq.length).fill(-1)
  for (let i = 0; i < seq.length; i++) {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) prev[i] = tails[lo - 1]!
    tails[lo] = i
  }
  const keep = new Set<number>()
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i)
  return keep
}

/** wIds that kept their parent but changed their order relative to the siblings that also stayed: for each parent
 *  the longest run of those siblings in their old order stays put, the rest moved. */
function reorderedWithinParent(
  oldChildren: Map<string | null, SnapshotProvision[]>,
  newChildren: Map<string | null, SnapshotProvision[]>,
  oldNumbers: Map<string, ProvisionNumber>,
) {
  const moved = new Set<string>()
  for (const [parent, kids] of newChildren) {
    if (kids.length < 2 || !oldChildren.has(parent)) continue
    const stayed = kids.filter((k) => oldNumbers.get(k.wId)?.parentWId === parent)
    const keep = longestIncreasing(stayed.map((k) => oldNumbers.get(k.wId)!.index))
    stayed.forEach((k, i) => {
      if (!keep.has(i)) moved.add(k.wId)
    })
  }
  return moved
}

const placeOf = (n: ProvisionNumber): ProvisionPlace => ({
  eId: n.eId,
  kind: n.kind,
  ordinal: n.ordinal,
  pointDepth: n.pointDepth,
  parentWId: n.parentWId,
  index: n.index,
  depth: n.depth,
})

function languageOrder(a: DraftSnapshot, b: DraftSnapshot): TextLanguage[] {
  return [...new Set([...b.languages, ...a.languages])]
}

/** Compares an older and a newer snapshot of the same draft. O(n) but for the word diffs of changed texts. */
export function compareSnapshots(older: DraftSnapshot, newer: DraftSnapshot): DraftComparison {
  const oldTree = indexProvisions(older.provisions)
  const newTree = indexProvisions(newer.provisions)
  const oldNumbers = numberProvisions(older.provisions)
  const newNumbers = numberProvisions(newer.provisions)
  const reordered = reorderedWithinParent(oldTree.childrenOf, newTree.childrenOf, oldNumbers.byWId)
  const declared = languageOrder(older, newer)
  const counts: DraftComparison['counts'] = {
    added: 0,
    deleted: 0,
    moved: 0,
    renumbered: 0,
    unchanged: 0,
    changed: 0,
  }

  const describe = (wId: string): ProvisionDiff => {
    const a = oldTree.byWId.get(wId)
    const b = newTree.byWId.get(wId)
    const an = oldNumbers.byWId.get(wId)
    const bn = newNumbers.byWId.get(wId)
    let place: PlaceChange
    if (!an) place = 'added'
    else if (!bn) place = 'deleted'
    else if (an.parentWId !== bn.parentWId || reordered.has(wId)) place = 'moved'
    else if (an.eId !== bn.eId || an.kind !== bn.kind) place = 'renumbered'
    else place = 'unchanged'

    const languages: Record<TextLanguage, LanguageDiff> = {}
    const langs = new Set([...Object.keys(a?.texts ?? {}), ...Object.keys(b?.texts ?? {})])
    for (const lang of [...declared.filter((l) => langs.has(l)), ...[...langs].filter((l) => !declared.includes(l))]) {
      languages[lang] = diffLanguage(a?.texts[lang], b?.texts[lang], lang)
    }
    const changed = !!a && !!b && Object.values(languages).some((l) => l.status !== 'unchanged')
    counts[place]++
    if (changed) counts.changed++
    return {
      wId,
      kind: (b ?? a)!.kind,
      place,
      changed,
      before: an ? placeOf(an) : null,
      after: bn ? placeOf(bn) : null,
      languages,
    }
  }

  // Deleted provisions follow the nearest provision before them (in the older order) that still exists.
  const deletedAfter = new Map<string | null, string[]>()
  let anchor: string | null = null
  for (const n of oldNumbers.ordered) {
    if (newNumbers.byWId.has(n.wId)) anchor = n.wId
    else {
      const list = deletedAfter.get(anchor)
      if (list) list.push(n.wId)
      else deletedAfter.set(anchor, [n.wId])
    }
  }

  const provisions: ProvisionDiff[] = []
  for (const wId of deletedAfter.get(null) ?? []) provisions.push(describe(wId))
  for (const n of newNumbers.ordered) {
    provisions.push(describe(n.wId))
    for (const wId of deletedAfter.get(n.wId) ?? []) provisions.push(describe(wId))
  }
  return { provisions, counts }
}
