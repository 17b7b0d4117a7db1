// Amendments proposed in consultation (issue 15, "Consultation"; decision 025): new wording for a provision
// (replace), a new provision after it (insert_after) or its deletion, with a justification and the provision's
// revision when it was written (`base_revision`). The proposer withdraws it; the working group accepts it (the
// change is applied in the same transaction, recorded in the provision's history with the amendment's id) or
// rejects it with a reason the proposer reads. One transaction per write with its audit row and mail.
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm'
import { draftAmendment, draftAmendmentText, provision, provisionChange, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import { canDecideAmendments } from './access.server'
import { participationRefusal, type Participant } from './comment.server'
import { audit, type DraftDetail } from './draft.server'
import { asDraftsError, type DraftsError } from './errors'
import { notifyAmendmentDecided } from './mail.server'
import { addProvision, deleteProvision, getProvision, saveProvisionText } from './provision.server'
import {
  AmendmentAcceptSchema,
  AmendmentFilterSchema,
  AmendmentRejectSchema,
  AmendmentSchema,
  type AmendmentFilter,
  type ProvisionTextsInput,
} from './schemas'
import type { ProvisionKind, ProvisionText } from './snapshot'
import { mayContain } from './structure'
import type { AmendmentKind, AmendmentState } from './vocabulary'

const filledTexts = (texts: ProvisionTextsInput) =>
  Object.entries(texts).filter(([, t]) => t && (t.heading || t.body)) as [string, ProvisionText][]

/**
 * Proposes an amendment to a provision of this draft (one of another draft is refused: `provisionNotInDraft`),
 * while the consultation is open to the proposer. Replace and insert_after need words in at least one language; an
 * insert_after's new kind must fit beside the provision. The provision's current revision is kept as its base.
 */
export function proposeAmendment(
  d: DraftDetail,
  provisionId: number,
  raw: unknown,
  by: Participant,
  now = new Date(),
): Result<{ id: number }, DraftsError> {
  const refused = participationRefusal(d, by, now)
  if (refused) return fail(refused)
  const parsed = AmendmentSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const input = parsed.data
  const texts = input.kind === 'delete' ? [] : filledTexts(input.texts)
  if (input.kind !== 'delete' && texts.length === 0) return fail('textRequired')
  return atomically((tx) => {
    const p = getProvision(d.id, provisionId)
    if (!p) return fail('provisionNotInDraft')
    if (input.kind === 'insert_after') {
      const parent = p.parentId === null ? null : getProvision(d.id, p.parentId)
      if (!mayContain(parent?.kind ?? null, input.newKind)) return fail('notAllowedHere')
    }
    const { id } = tx
      .insert(draftAmendment)
      .values({
        draftId: d.id,
        provisionId: p.id,
        provisionWId: p.wId,
        kind: input.kind,
        newKind: input.kind === 'insert_after' ? input.newKind : null,
        justification: input.justification,
        proposerId: by.id,
        baseRevision: p.revision,
      })
      .returning({ id: draftAmendment.id })
      .get()
    if (texts.length)
      tx.insert(draftAmendmentText)
        .values(texts.map(([lang, t]) => ({ amendmentId: id, lang, heading: t.heading, body: t.body })))
        .run()
    audit(tx, by, 'draft.amendment_propose', d.id, { amendmentId: id, kind: input.kind, wId: p.wId })
    return ok({ id })
  })
}

/** An amendment as lists and pages show it: the proposer's name (never their email), its words, whether outdated. */
export type AmendmentView = {
  id: number
  provisionId: number | null
  provisionWId: string
  kind: AmendmentKind
  newKind: ProvisionKind | null
  justification: string
  proposerId: number | null
  proposerName: string | null
  status: AmendmentState
  reason: string | null
  decidedById: number | null
  decidedAt: Date | null
  baseRevision: number
  createdAt: Date
  texts: Record<string, ProvisionText>
  /** Its provision was saved since it was written, or deleted: only said of open amendments. */
  outdated: boolean
}

const amendmentColumns = {
  id: draftAmendment.id,
  provisionId: draftAmendment.provisionId,
  provisionWId: draftAmendment.provisionWId,
  kind: draftAmendment.kind,
  newKind: draftAmendment.newKind,
  justification: draftAmendment.justification,
  proposerId: draftAmendment.proposerId,
  proposerName: user.name,
  status: draftAmendment.status,
  reason: draftAmendment.reason,
  decidedById: draftAmendment.decidedById,
  decidedAt: draftAmendment.decidedAt,
  baseRevision: draftAmendment.baseRevision,
  createdAt: draftAmendment.createdAt,
  currentRevision: provision.revision,
}

/** Amendments matching `where`, with their words (two queries whatever their number). */
function loadAmendments(where: SQL): AmendmentView[] {
  const db = getDb()
  const rows = db
    .select(amendmentColumns)
    .from(draftAmendment)
    .leftJoin(provision, eq(provision.id, draftAmendment.provisionId))
    .leftJoin(user, eq(user.id, draftAmendment.proposerId))
    .where(where)
    .orderBy(asc(draftAmendment.createdAt), asc(draftAmendment.id))
    .all()
  const texts = new Map<number, Record<string, ProvisionText>>()
  if (rows.length) {
    for (const t of db
      .select()
      .from(draftAmendmentText)
      .where(
        inArray(
          draftAmendmentText.amendmentId,
          rows.map((r) => r.id),
        ),
      )
      .all())
      texts.set(t.amendmentId, { ...texts.get(t.amendmentId), [t.lang]: { heading: t.heading, body: t.body } })
  }
  return rows.map(({ currentRevision, ...r }) => ({
    ...r,
    texts: texts.get(r.id) ?? {},
    outdated: r.status === 'open' && currentRevision !== r.baseRevision,
  }))
}

/** One amendment of this draft, or null (one of another draft is null too). */
export function getAmendment(draftId: number, amendmentId: number): AmendmentView | null {
  return loadAmendments(and(eq(draftAmendment.draftId, draftId), eq(draftAmendment.id, amendmentId))!)[0] ?? null
}

/**
 * The draft's amendments by provision (its wId, which outlives a deleted provision), oldest first, filtered by
 * provision and status. Two queries.
 */
export function listAmendments(
  draftId: number,
  rawFilter: AmendmentFilter = {},
): Result<Record<string, AmendmentView[]>, DraftsError> {
  const parsed = AmendmentFilterSchema.safeParse(rawFilter)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const filter = parsed.data
  const where: (SQL | undefined)[] = [eq(draftAmendment.draftId, draftId)]
  if (filter.provisionId !== undefined) where.push(eq(draftAmendment.provisionId, filter.provisionId))
  if (filter.status !== undefined) where.push(eq(draftAmendment.status, filter.status))
  const byProvision: Record<string, AmendmentView[]> = {}
  for (const a of loadAmendments(and(...where)!)) (byProvision[a.provisionWId] ??= []).push(a)
  return ok(byProvision)
}

/** How many open amendments each provision has (by wId), and how many of them are outdated. One query. */
export function countOpenAmendments(draftId: number): Record<string, { open: number; outdated: number }> {
  const rows = getDb()
    .select({
      wId: draftAmendment.provisionWId,
      open: sql<number>`count(*)`,
      outdated: sql<number>`sum(${provision.revision} <> ${draftAmendment.baseRevision})`,
    })
    .from(draftAmendment)
    .innerJoin(provision, eq(provision.id, draftAmendment.provisionId))
    .where(
      and(
        eq(draftAmendment.draftId, draftId),
        eq(draftAmendment.status, 'open'),
        isNotNull(draftAmendment.provisionId),
      ),
    )
    .groupBy(draftAmendment.provisionWId)
    .all()
  return Object.fromEntries(rows.map((r) => [r.wId, { open: r.open, outdated: r.outdated ?? 0 }]))
}

/** An open amendment of this draft, read in the caller's transaction. */
function findOpen(draftId: number, amendmentId: number): Result<AmendmentView, DraftsError> {
  const a = getAmendment(draftId, amendmentId)
  if (!a) return fail('amendmentNotFound')
  if (a.status !== 'open') return fail('amendmentNotOpen')
  return ok(a)
}

/** Marks an open amendment decided; false if someone decided it meanwhile. */
function decide(
  amendmentId: number,
  set: { status: AmendmentState; reason?: string; decidedById: number | null; decidedAt: Date | null },
) {
  return (
    getDb()
      .update(draftAmendment)
      .set(set)
      .where(and(eq(draftAmendment.id, amendmentId), eq(draftAmendment.status, 'open')))
      .run().changes === 1
  )
}

/** The proposer withdraws their amendment while it is open (even once the consultation has closed). */
export function withdrawAmendment(
  d: DraftDetail,
  amendmentId: number,
  by: Participant,
  now = new Date(),
): Result<undefined, DraftsError> {
  return atomically((tx) => {
    const found = findOpen(d.id, amendmentId)
    if (!found.ok) return found
    if (found.value.proposerId !== by.id) return fail('notProposer')
    if (!decide(amendmentId, { status: 'withdrawn', decidedById: by.id, decidedAt: now }))
      return fail('amendmentNotOpen')
    audit(tx, by, 'draft.amendment_withdraw', d.id, { amendmentId, wId: found.value.provisionWId })
    return ok()
  })
}

function proposerOf(a: AmendmentView) {
  if (a.proposerId === null) return null
  const person = getDb()
    .select({ id: user.id, email: user.email, locale: user.locale, isActive: user.isActive })
    .from(user)
    .where(eq(user.id, a.proposerId))
    .get()
  return person?.isActive ? person : null
}

/**
 * The working group accepts an open amendment, in consultation or revision, applying it in the same transaction:
 * replace — the proposed languages' words become the provision's (its other languages stay), revision + 1, a
 * history row per changed language with the amendment's id; insert_after — a new provision of its kind right after
 * the provision; delete — the provision and all it holds are deleted. An outdated replace or delete (the provision
 * was saved since the amendment was written) is refused with `amendmentOutdated` unless `confirmOutdated` is given:
 * the page shows both texts and the editor confirms. The proposer is mailed in their language.
 */
export function acceptAmendment(
  d: DraftDetail,
  amendmentId: number,
  raw: unknown,
  by: Participant,
  now = new Date(),
): Result<{ provisionId: number | null }, DraftsError> {
  if (!canDecideAmendments(d, by)) return fail('workingGroupOnly')
  const parsed = AmendmentAcceptSchema.safeParse(raw ?? {})
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { confirmOutdated } = parsed.data
  return atomically((tx): Result<{ provisionId: number | null }, DraftsError> => {
    const found = findOpen(d.id, amendmentId)
    if (!found.ok) return found
    const a = found.value
    const p = a.provisionId === null ? null : getProvision(d.id, a.provisionId)
    if (!p) return fail('provisionNotInDraft')
    if (a.outdated && a.kind !== 'insert_after' && !confirmOutdated) return fail('amendmentOutdated')
    // Each step below refuses before it writes, and the amendment is marked last: a refusal leaves nothing.
    let provisionId: number | null = p.id
    if (a.kind === 'replace') {
      const saved = saveProvisionText(d, p.id, { baseRevision: p.revision, texts: a.texts }, by, { amendmentId })
      if (!saved.ok) return fail(saved.error)
    } else if (a.kind === 'insert_after') {
      const added = addProvision(
        d,
        { kind: a.newKind, parentId: p.parentId, position: p.position + 1, texts: a.texts },
        by,
      )
      if (!added.ok) return added
      provisionId = added.value.id
      tx.update(provisionChange).set({ amendmentId }).where(eq(provisionChange.provisionId, provisionId)).run()
    } else {
      const deleted = deleteProvision(d, p.id, by)
      if (!deleted.ok) return deleted
      provisionId = null
    }
    decide(amendmentId, { status: 'accepted', decidedById: by.id, decidedAt: now })
    audit(tx, by, 'draft.amendment_accept', d.id, {
      amendmentId,
      kind: a.kind,
      wId: a.provisionWId,
      ...(a.outdated ? { outdated: true } : {}),
    })
    const proposer = proposerOf(a)
    if (proposer && proposer.id !== by.id)
      notifyAmendmentDecided(tx, d, proposer, { accepted: true, by: by.name, reason: '', wId: a.provisionWId })
    return ok({ provisionId })
  })
}

/** The working group rejects an open amendment with a reason (required), which the proposer reads and is mailed. */
export function rejectAmendment(
  d: DraftDetail,
  amendmentId: number,
  raw: unknown,
  by: Participant,
  now = new Date(),
): Result<undefined, DraftsError> {
  if (!canDecideAmendments(d, by)) return fail('workingGroupOnly')
  const parsed = AmendmentRejectSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { reason } = parsed.data
  return atomically((tx) => {
    const found = findOpen(d.id, amendmentId)
    if (!found.ok) return found
    const a = found.value
    if (!decide(amendmentId, { status: 'rejected', reason, decidedById: by.id, decidedAt: now }))
      return fail('amendmentNotOpen')
    audit(tx, by, 'draft.amendment_reject', d.id, { amendmentId, wId: a.provisionWId })
    const proposer = proposerOf(a)
    if (proposer && proposer.id !== by.id)
      notifyAmendmentDecided(tx, d, proposer, { accepted: false, by: by.name, reason, wId: a.provisionWId })
    return ok()
  })
}
