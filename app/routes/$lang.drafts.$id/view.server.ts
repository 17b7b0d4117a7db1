// What the draft's page draws of its text: one row per provision in document order, with its number in each
// language, its words, its open comments and amendments, and (for the working group) what may be done with it.
// Five queries whatever the size: the tree (three), the comment and the amendment counts (one each).
import { countOpenAmendments } from '~/features/drafts/amendment.server'
import { countOpenComments } from '~/features/drafts/comment.server'
import { numberProvisions, provisionLabel, provisionNum, type ProvisionNumber } from '~/features/drafts/numbering'
import type { ProvisionKind, ProvisionText, SnapshotProvision } from '~/features/drafts/snapshot'
import { childKinds, mayContain } from '~/features/drafts/structure'
import { flattenSnapshot, loadWorkingTree } from '~/features/drafts/tree.server'
import type { Language } from '~/utils/i18n'
import { createUnchangedCache, whileUnchanged } from '~/utils/unchanged-cache.server'

export type PageRow = {
  wId: string
  id: number
  kind: ProvisionKind
  depth: number
  /** What its number reads in each language ("Article 3", "2.", "(a)"), and its name in running text. */
  nums: Record<string, string>
  names: Record<string, string>
  /** Only the languages it is written in (a missing one is "to translate"). */
  texts: Record<string, ProvisionText>
  comments: number
  amendments: number
  outdated: number
  isFirst: boolean
  isLast: boolean
}

/** Where a provision may be moved to: another parent (null: the top level of the draft). */
export type MoveTarget = { id: number | null; label: string }

/** The actions panel of the one provision whose panel is open (`?act=<wId>`). */
export type ActPanel = {
  wId: string
  id: number
  name: string
  parentId: number | null
  index: number
  addAfter: readonly ProvisionKind[]
  addInside: readonly ProvisionKind[]
  targets: MoveTarget[]
  /** How many provisions it holds, all deleted with it. */
  holds: number
}

const nameIn = (n: ProvisionNumber, lang: string) => provisionLabel(n, lang)

/** A target's label in the page's language: its name and, if it has one, its heading. */
function targetLabel(n: ProvisionNumber, p: SnapshotProvision, lang: Language) {
  const heading = p.texts[lang]?.heading || Object.values(p.texts).find((t) => t.heading)?.heading
  return heading ? `${nameIn(n, lang)} — ${heading}` : nameIn(n, lang)
}

/** What every viewer's page of a draft shares: its tree, numbers and rows with their counts. */
function sharedView(draftId: number) {
  const tree = loadWorkingTree(draftId)
  if (!tree) return null
  const { snapshot } = tree
  const numbering = numberProvisions(snapshot.provisions)
  const comments = countOpenComments(draftId)
  const amendments = countOpenAmendments(draftId)
  const nodes = new Map(flattenSnapshot(snapshot.provisions).map((p) => [p.wId, p]))
  const languages = snapshot.languages

  const rows: PageRow[] = numbering.ordered.map((n) => {
    const node = nodes.get(n.wId)!
    const siblings = n.parentWId ? nodes.get(n.parentWId)!.children.length : snapshot.provisions.length
    const nums: Record<string, string> = {}
    const names: Record<string, string> = {}
    for (const l of languages) {
      nums[l] = provisionNum(n, l) ?? provisionLabel(n, l)
      names[l] = provisionLabel(n, l)
    }
    return {
      wId: n.wId,
      id: tree.provisions.get(n.wId)!.id,
      kind: n.kind,
      depth: n.depth,
      nums,
      names,
      texts: node.texts,
      comments: comments[n.wId]?.threads ?? 0,
      amendments: amendments[n.wId]?.open ?? 0,
      outdated: amendments[n.wId]?.outdated ?? 0,
      isFirst: n.index === 0,
      isLast: n.index === siblings - 1,
    }
  })
  return { tree, snapshot, numbering, nodes, languages, rows }
}

// A few drafts' shared parts, kept until the next write to the database (a 400-provision draft: some 8 ms a request).
const shared = createUnchangedCache<ReturnType<typeof sharedView>>(8)

export function draftTextView(draftId: number, options: { lang: Language; act: string | null; editing: boolean }) {
  const view = whileUnchanged(shared, String(draftId), () => sharedView(draftId))
  if (!view) throw new Response('Not Found', { status: 404 })
  const { tree, snapshot, numbering, nodes, languages, rows } = view

  let act: ActPanel | null = null
  const at = options.editing && options.act ? numbering.ordered.findIndex((n) => n.wId === options.act) : -1
  if (at >= 0) {
    const n = numbering.ordered[at]!
    // Pre-order: what it holds are the rows right after it that sit deeper.
    let end = at + 1
    while (end < numbering.ordered.length && numbering.ordered[end]!.depth > n.depth) end++
    const inside = new Set(numbering.ordered.slice(at, end).map((m) => m.wId))
    const parentKind = n.parentWId ? nodes.get(n.parentWId)!.kind : null
    const targets: MoveTarget[] = []
    if (n.parentWId !== null && mayContain(null, n.kind)) targets.push({ id: null, label: '' })
    for (const m of numbering.ordered) {
      if (inside.has(m.wId) || m.wId === n.parentWId || !mayContain(m.kind, n.kind)) continue
      targets.push({ id: tree.provisions.get(m.wId)!.id, label: targetLabel(m, nodes.get(m.wId)!, options.lang) })
    }
    act = {
      wId: n.wId,
      id: tree.provisions.get(n.wId)!.id,
      name: nameIn(n, options.lang),
      parentId: n.parentWId ? tree.provisions.get(n.parentWId)!.id : null,
      index: n.index,
      addAfter: childKinds(parentKind),
      addInside: childKinds(n.kind),
      targets,
      holds: end - at - 1,
    }
  }

  return {
    languages,
    rows,
    toTranslate: tree.toTranslate,
    act,
    /** What may be added at the end of the draft's top level. */
    topKinds: childKinds(null),
    topCount: snapshot.provisions.length,
  }
}

export type DraftTextView = ReturnType<typeof draftTextView>
