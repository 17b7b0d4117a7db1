// The tree of a draft's provisions and their words (issue 15, decision 025): add, edit per language with the
// revision the edit started from, move, delete, and import a tree at once. Each change is one transaction with its
// audit row; routes check first that the user may edit the draft (guards.server.ts).
import { randomBytes } from 'node:crypto'
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { provision, provisionChange, provisionText } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically, type Tx } from '~/utils/transaction.server'
import { audit, type DraftActor } from './draft.server'
import { asDraftsError, type DraftsError } from './errors'
import {
  countTreeNodes,
  ProvisionAddSchema,
  ProvisionMoveSchema,
  ProvisionSaveSchema,
  ProvisionTreeSchema,
  type ProvisionTextsInput,
  type ProvisionTreeNode,
} from './schemas'
import type { ProvisionKind, ProvisionText } from './snapshot'
import { isFinalStage } from './stages'
import { mayContain, wIdPrefix } from './structure'
import { draftLimits, type DraftStage } from './vocabulary'

type DraftRef = { id: number; stage: DraftStage }

/** A provision's place in the tree, without its words: what structural checks read (one query per draft). */
type Node = { id: number; parentId: number | null; kind: ProvisionKind; position: number; wId: string }

function loadSkeleton(draftId: number): Node[] {
  return getDb()
    .select({
      id: provision.id,
      parentId: provision.parentId,
      kind: provision.kind,
      position: provision.position,
      wId: provision.wId,
    })
    .from(provision)
    .where(eq(provision.draftId, draftId))
    .orderBy(asc(provision.position), asc(provision.id))
    .all()
}

const siblingsOf = (nodes: readonly Node[], parentId: number | null) =>
  nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.position - b.position)

/** Writes positions 0, 1, 2… for these siblings in this order, touching only the rows that change. */
function renumber(ordered: readonly Node[], parentId: number | null) {
  const db = getDb()
  ordered.forEach((n, position) => {
    if (n.position !== position || n.parentId !== parentId) {
      db.update(provision).set({ position, parentId, updatedAt: new Date() }).where(eq(provision.id, n.id)).run()
    }
  })
}

function newWId(kind: ProvisionKind, taken: Set<string>) {
  for (;;) {
    const wId = `${wIdPrefix[kind]}_${randomBytes(5).toString('hex')}`
    if (!taken.has(wId)) {
      taken.add(wId)
      return wId
    }
  }
}

const filled = (t: ProvisionText | undefined) => Boolean(t && (t.heading || t.body))

/** The languages of these texts that hold words (a heading or a body). */
function filledLanguages(texts: ProvisionTextsInput) {
  return Object.entries(texts).filter(([, t]) => filled(t)) as [string, ProvisionText][]
}

/** The words of a provision, per language, with who last changed them. */
export function getProvisionTexts(provisionId: number) {
  const rows = getDb().select().from(provisionText).where(eq(provisionText.provisionId, provisionId)).all()
  return Object.fromEntries(rows.map((r) => [r.lang, r])) as Record<string, (typeof rows)[number]>
}

/** A provision of this draft, or null (one of another draft is null too). */
export function getProvision(draftId: number, provisionId: number) {
  return (
    getDb()
      .select()
      .from(provision)
      .where(and(eq(provision.draftId, draftId), eq(provision.id, provisionId)))
      .get() ?? null
  )
}

function insertTexts(
  tx: Tx,
  p: { id: number; draftId: number },
  texts: [string, ProvisionText][],
  revision: number,
  by: DraftActor,
) {
  if (texts.length === 0) return
  const now = new Date()
  tx.insert(provisionText)
    .values(texts.map(([lang, t]) => ({ provisionId: p.id, lang, ...t, updatedById: by.id, updatedAt: now })))
    .run()
  tx.insert(provisionChange)
    .values(
      texts.map(([lang, t]) => ({
        draftId: p.draftId,
        provisionId: p.id,
        lang,
        ...t,
        revision,
        changedById: by.id,
        changedAt: now,
      })),
    )
    .run()
}

/**
 * A new provision under `parentId` (null: the top level) at `position` among its siblings (the end if none), if
 * that parent may hold that kind (structure.ts). It needs words in at least one language. Its wId is new and kept.
 */
export function addProvision(
  d: DraftRef,
  raw: unknown,
  by: DraftActor,
): Result<{ id: number; wId: string }, DraftsError> {
  const parsed = ProvisionAddSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const input = parsed.data
  if (isFinalStage(d.stage)) return fail('draftClosed')
  const texts = filledLanguages(input.texts)
  if (texts.length === 0) return fail('textRequired')
  return atomically((tx) => {
    const nodes = loadSkeleton(d.id)
    if (nodes.length >= draftLimits.provisions) return fail('tooManyProvisions')
    const parent = input.parentId === null ? null : nodes.find((n) => n.id === input.parentId)
    if (parent === undefined) return fail('provisionNotInDraft')
    if (!mayContain(parent?.kind ?? null, input.kind)) return fail('notAllowedHere')
    const siblings = siblingsOf(nodes, parent?.id ?? null)
    const position = Math.min(input.position ?? siblings.length, siblings.length)
    const wId = newWId(input.kind, new Set(nodes.map((n) => n.wId)))
    // Make room: the siblings from `position` on move one down.
    siblings.forEach((s, i) => {
      const want = i >= position ? i + 1 : i
      if (s.position !== want) tx.update(provision).set({ position: want }).where(eq(provision.id, s.id)).run()
    })
    const created = tx
      .insert(provision)
      .values({ draftId: d.id, parentId: parent?.id ?? null, kind: input.kind, position, wId })
      .returning({ id: provision.id })
      .get()
    insertTexts(tx, { id: created.id, draftId: d.id }, texts, 1, by)
    audit(tx, by, 'draft.provision_add', d.id, { wId, kind: input.kind })
    return ok({ id: created.id, wId })
  })
}

export type CurrentText = {
  revision: number
  texts: Record<string, { heading: string; body: string; updatedById: number | null; updatedAt: Date }>
}

/** A save refused because someone saved that language since the form was opened: their text, to show beside yours. */
export type StaleSave = { ok: false; error: 'staleRevision'; current: CurrentText }

/**
 * Saves a provision's words in the languages given (a language emptied is removed: "to translate"), if the words
 * of those languages did not change since `baseRevision`, the revision the editor's form started from. Otherwise
 * nothing is written and the current words come back, so the page can show both and keep what was typed. A save
 * in Arabic is not refused because someone saved the English meanwhile. Each saved language is a row of the
 * provision's history (with the amendment it came from, when an editor accepted one).
 */
export function saveProvisionText(
  d: DraftRef,
  provisionId: number,
  raw: unknown,
  by: DraftActor,
  options: { amendmentId?: number } = {},
): Result<{ revision: number; changed: string[] }, DraftsError> | StaleSave {
  const parsed = ProvisionSaveSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { baseRevision, texts } = parsed.data
  if (isFinalStage(d.stage)) return fail('draftClosed')
  return atomically((tx): Result<{ revision: number; changed: string[] }, DraftsError> | StaleSave => {
    const p = getProvision(d.id, provisionId)
    if (!p) return fail('provisionNotInDraft')
    const current = getProvisionTexts(p.id)
    const changed = Object.entries(texts).filter(([lang, t]) => {
      const now = current[lang]
      return (now?.heading ?? '') !== t!.heading || (now?.body ?? '') !== t!.body
    }) as [string, ProvisionText][]
    if (changed.length === 0) return ok({ revision: p.revision, changed: [] })
    if (baseRevision > p.revision) return fail('invalid')
    if (baseRevision < p.revision) {
      const since = tx
        .select({ lang: provisionChange.lang })
        .from(provisionChange)
        .where(and(eq(provisionChange.provisionId, p.id), gt(provisionChange.revision, baseRevision)))
        .all()
        .map((r) => r.lang)
      if (changed.some(([lang]) => since.includes(lang))) {
        return {
          ok: false,
          error: 'staleRevision',
          current: {
            revision: p.revision,
            texts: Object.fromEntries(
              Object.values(current).map((r) => [
                r.lang,
                { heading: r.heading, body: r.body, updatedById: r.updatedById, updatedAt: r.updatedAt },
              ]),
            ),
          },
        }
      }
    }
    const after = {
      ...Object.fromEntries(Object.values(current).map((r) => [r.lang, r])),
      ...Object.fromEntries(changed),
    }
    if (!Object.values(after).some(filled)) return fail('textRequired')
    const revision = p.revision + 1
    const now = new Date()
    tx.update(provision).set({ revision, updatedAt: now }).where(eq(provision.id, p.id)).run()
    for (const [lang, t] of changed) {
      const where = and(eq(provisionText.provisionId, p.id), eq(provisionText.lang, lang))
      if (!filled(t)) tx.delete(provisionText).where(where).run()
      else
        tx.insert(provisionText)
          .values({ provisionId: p.id, lang, ...t, updatedById: by.id, updatedAt: now })
          .onConflictDoUpdate({
            target: [provisionText.provisionId, provisionText.lang],
            set: { heading: t.heading, body: t.body, updatedById: by.id, updatedAt: now },
          })
          .run()
      tx.insert(provisionChange)
        .values({
          draftId: d.id,
          provisionId: p.id,
          lang,
          ...t,
          revision,
          changedById: by.id,
          changedAt: now,
          amendmentId: options.amendmentId ?? null,
        })
        .run()
    }
    audit(tx, by, 'draft.provision_text', d.id, { wId: p.wId, langs: changed.map(([l]) => l), revision })
    return ok({ revision, changed: changed.map(([l]) => l) })
  })
}

function descendantsOf(nodes: readonly Node[], id: number) {
  const out = new Set<number>()
  const walk = (parent: number) => {
    for (const n of nodes) {
      if (n.parentId !== parent || out.has(n.id)) continue
      out.add(n.id)
      walk(n.id)
    }
  }
  walk(id)
  return out
}

/**
 * Moves a provision up or down among its siblings, or into another parent (null: the top level) at a position
 * (the end if none), with its children. Positions are renumbered on both sides; the wId stays, the number follows.
 */
export function moveProvision(
  d: DraftRef,
  provisionId: number,
  raw: unknown,
  by: DraftActor,
): Result<{ parentId: number | null; position: number }, DraftsError> {
  const parsed = ProvisionMoveSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const move = parsed.data
  if (isFinalStage(d.stage)) return fail('draftClosed')
  return atomically((tx) => {
    const nodes = loadSkeleton(d.id)
    const p = nodes.find((n) => n.id === provisionId)
    if (!p) return fail('provisionNotInDraft')
    const from = siblingsOf(nodes, p.parentId)
    const index = from.findIndex((n) => n.id === p.id)
    let parentId: number | null
    let target: Node[]
    if ('direction' in move) {
      const other = move.direction === 'up' ? index - 1 : index + 1
      if (other < 0 || other >= from.length) return fail('cannotMove')
      target = [...from]
      ;[target[index], target[other]] = [target[other]!, target[index]!]
      parentId = p.parentId
    } else {
      parentId = move.parentId
      const parent = parentId === null ? null : nodes.find((n) => n.id === parentId)
      if (parent === undefined) return fail('provisionNotInDraft')
      if (parent && (parent.id === p.id || descendantsOf(nodes, p.id).has(parent.id))) return fail('cannotMove')
      if (!mayContain(parent?.kind ?? null, p.kind)) return fail('notAllowedHere')
      const rest = siblingsOf(nodes, parentId).filter((n) => n.id !== p.id)
      const position = Math.min(move.position ?? rest.length, rest.length)
      target = [...rest.slice(0, position), p, ...rest.slice(position)]
      if (parentId !== p.parentId)
        renumber(
          from.filter((n) => n.id !== p.id),
          p.parentId,
        )
    }
    renumber(target, parentId)
    const position = target.findIndex((n) => n.id === p.id)
    audit(tx, by, 'draft.provision_move', d.id, {
      wId: p.wId,
      parent: nodes.find((n) => n.id === parentId)?.wId ?? null,
      position,
    })
    return ok({ parentId, position })
  })
}

/** Deletes a provision with all it holds (their words and histories); its siblings close up. */
export function deleteProvision(
  d: DraftRef,
  provisionId: number,
  by: DraftActor,
): Result<{ deleted: number }, DraftsError> {
  if (isFinalStage(d.stage)) return fail('draftClosed')
  return atomically((tx) => {
    const nodes = loadSkeleton(d.id)
    const p = nodes.find((n) => n.id === provisionId)
    if (!p) return fail('provisionNotInDraft')
    const deleted = descendantsOf(nodes, p.id).size + 1
    // The composite key cascades to the children, theirs to their texts and histories.
    tx.delete(provision).where(eq(provision.id, p.id)).run()
    renumber(
      siblingsOf(nodes, p.parentId).filter((n) => n.id !== p.id),
      p.parentId,
    )
    audit(tx, by, 'draft.provision_delete', d.id, { wId: p.wId, deleted })
    return ok({ deleted })
  })
}

/**
 * Adds a whole tree of provisions at the end of the draft's top level (an Akoma Ntoso import, a pasted outline).
 * The size is checked before the input is parsed (at most `provisionsPerRequest` at once and `provisions` in the
 * draft); every node must sit where structure.ts allows, a given wId must be new, and a provision holding no others
 * needs words. Either the whole tree is written or nothing is.
 */
export function addProvisionTree(d: DraftRef, raw: unknown, by: DraftActor): Result<{ added: number }, DraftsError> {
  if (isFinalStage(d.stage)) return fail('draftClosed')
  const count = countTreeNodes(raw, draftLimits.provisionsPerRequest, draftLimits.depth)
  if (count > draftLimits.provisionsPerRequest) return fail('tooManyProvisions')
  const parsed = ProvisionTreeSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const tree = parsed.data
  const check = (nodes: ProvisionTreeNode[], parent: ProvisionKind | null, seen: Set<string>): DraftsError | null => {
    for (const n of nodes) {
      if (!mayContain(parent, n.kind)) return 'notAllowedHere'
      if (n.children.length === 0 && filledLanguages(n.texts).length === 0) return 'textRequired'
      if (n.wId !== undefined) {
        if (seen.has(n.wId)) return 'wIdTaken'
        seen.add(n.wId)
      }
      const refused = check(n.children, n.kind, seen)
      if (refused) return refused
    }
    return null
  }
  return atomically((tx) => {
    const nodes = loadSkeleton(d.id)
    if (nodes.length + count > draftLimits.provisions) return fail('tooManyProvisions')
    const taken = new Set(nodes.map((n) => n.wId))
    const refused = check(tree, null, new Set(taken))
    if (refused) return fail(refused)
    const insert = (list: ProvisionTreeNode[], parentId: number | null, start: number) => {
      list.forEach((n, i) => {
        const wId = n.wId ?? newWId(n.kind, taken)
        taken.add(wId)
        const { id } = tx
          .insert(provision)
          .values({ draftId: d.id, parentId, kind: n.kind, position: start + i, wId })
          .returning({ id: provision.id })
          .get()
        insertTexts(tx, { id, draftId: d.id }, filledLanguages(n.texts), 1, by)
        insert(n.children, id, 0)
      })
    }
    insert(tree, null, siblingsOf(nodes, null).length)
    audit(tx, by, 'draft.provision_import', d.id, { added: count })
    return ok({ added: count })
  })
}

/** How many provisions the draft holds. */
export function countProvisions(draftId: number) {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(provision)
      .where(eq(provision.draftId, draftId))
      .get()?.n ?? 0
  )
}

/** The history of a provision, newest first. */
export function listProvisionChanges(draftId: number, provisionId: number) {
  return getDb()
    .select()
    .from(provisionChange)
    .where(and(eq(provisionChange.draftId, draftId), eq(provisionChange.provisionId, provisionId)))
    .orderBy(sql`${provisionChange.id} DESC`)
    .all()
}
