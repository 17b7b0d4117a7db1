// A draft as a whole: its fields, its stage and its working group (issue 15). Each change commits with its audit
// row and its queued mails in one transaction (decision 011); routes check who may act first (guards.server.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import {
  draft,
  draftEditor,
  draftLead,
  draftPillar,
  draftResolution,
  draftTheme,
  parliament,
  user,
} from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically, type Tx } from '~/utils/transaction.server'
import type { DraftAccessFacts } from './access.server'
import { asDraftsError, type DraftsError } from './errors'
import { notifyEditorAdded, notifyStageMove, type Recipient } from './mail.server'
import { DraftSchema, EditorSchema, StageMoveSchema, type DraftInput } from './schemas'
import { canMoveStage, isFinalStage, needsClosingDate } from './stages'
import { draftLimits, type DraftStage } from './vocabulary'

export type DraftActor = { id: number; name: string }

export type DraftRow = typeof draft.$inferSelect
export type DraftPerson = Recipient & { name: string; parliamentId: number | null; isActive: boolean }
export type DraftDetail = DraftRow &
  DraftAccessFacts & {
    leads: { id: number; nameEn: string; nameAr: string; kind: string }[]
    editors: DraftPerson[]
    coordinator: DraftPerson | null
    pillars: number[]
    resolutions: string[]
    themes: string[]
  }

export function audit(
  tx: Tx,
  actor: { id: number },
  action: string,
  draftId: number,
  details?: Record<string, unknown>,
) {
  recordAuditEvent({ actorId: actor.id, action, targetType: 'draft', targetId: draftId, details }, tx)
}

const personColumns = {
  id: user.id,
  email: user.email,
  name: user.name,
  locale: user.locale,
  parliamentId: user.parliamentId,
  isActive: user.isActive,
}

/** A draft with its leads, working group and topics (five small queries), or null. */
export function getDraft(id: number): DraftDetail | null {
  const db = getDb()
  const row = db.select().from(draft).where(eq(draft.id, id)).get()
  if (!row) return null
  const leads = db
    .select({ id: parliament.id, nameEn: parliament.nameEn, nameAr: parliament.nameAr, kind: parliament.kind })
    .from(draftLead)
    .innerJoin(parliament, eq(parliament.id, draftLead.parliamentId))
    .where(eq(draftLead.draftId, id))
    .orderBy(asc(parliament.nameEn))
    .all()
  const editors = db
    .select(personColumns)
    .from(draftEditor)
    .innerJoin(user, eq(user.id, draftEditor.userId))
    .where(eq(draftEditor.draftId, id))
    .orderBy(asc(user.name))
    .all()
  const coordinator = row.coordinatorId
    ? (db.select(personColumns).from(user).where(eq(user.id, row.coordinatorId)).get() ?? null)
    : null
  const topics = db
    .select({ kind: sql<string>`'pillar'`, value: sql<string>`${draftPillar.pillar}` })
    .from(draftPillar)
    .where(eq(draftPillar.draftId, id))
    .union(
      db
        .select({ kind: sql<string>`'resolution'`, value: draftResolution.resolution })
        .from(draftResolution)
        .where(eq(draftResolution.draftId, id)),
    )
    .union(
      db
        .select({ kind: sql<string>`'theme'`, value: draftTheme.theme })
        .from(draftTheme)
        .where(eq(draftTheme.draftId, id)),
    )
    .all()
  return {
    ...row,
    leads,
    editors,
    coordinator,
    editorIds: editors.map((e) => e.id),
    leadParliamentIds: leads.map((l) => l.id),
    pillars: topics
      .filter((t) => t.kind === 'pillar')
      .map((t) => Number(t.value))
      .sort(),
    resolutions: topics
      .filter((t) => t.kind === 'resolution')
      .map((t) => t.value)
      .sort(),
    themes: topics
      .filter((t) => t.kind === 'theme')
      .map((t) => t.value)
      .sort(),
  }
}

/** The working group to mail: the coordinator in charge and the editors with an active account, once each. */
export function workingGroupOf(d: Pick<DraftDetail, 'coordinator' | 'editors'>): DraftPerson[] {
  const people = new Map<number, DraftPerson>()
  for (const p of [...(d.coordinator ? [d.coordinator] : []), ...d.editors]) if (p.isActive) people.set(p.id, p)
  return [...people.values()]
}

/** Refusals of the references a draft's fields make: lead parliaments, the coordinator in charge, editors. */
function checkReferences(input: DraftInput): DraftsError | null {
  const db = getDb()
  const found = db
    .select({ id: parliament.id })
    .from(parliament)
    .where(inArray(parliament.id, input.leadParliamentIds))
    .all()
  if (found.length !== input.leadParliamentIds.length) return 'parliamentUnknown'
  const coordinator = db
    .select({ role: user.role, isActive: user.isActive })
    .from(user)
    .where(eq(user.id, input.coordinatorId))
    .get()
  if (!coordinator || !coordinator.isActive || coordinator.role === 'member') return 'coordinatorUnknown'
  if (input.editorIds.length > 0) {
    const editors = db
      .select({ id: user.id })
      .from(user)
      .where(and(inArray(user.id, input.editorIds), eq(user.isActive, true)))
      .all()
    if (editors.length !== input.editorIds.length) return 'userUnknown'
  }
  return null
}

function writeTopics(draftId: number, input: Pick<DraftInput, 'pillars' | 'resolutions' | 'themes'>) {
  const db = getDb()
  db.delete(draftPillar).where(eq(draftPillar.draftId, draftId)).run()
  db.delete(draftResolution).where(eq(draftResolution.draftId, draftId)).run()
  db.delete(draftTheme).where(eq(draftTheme.draftId, draftId)).run()
  if (input.pillars.length)
    db.insert(draftPillar)
      .values(input.pillars.map((pillar) => ({ draftId, pillar })))
      .run()
  if (input.resolutions.length)
    db.insert(draftResolution)
      .values(input.resolutions.map((resolution) => ({ draftId, resolution })))
      .run()
  if (input.themes.length)
    db.insert(draftTheme)
      .values(input.themes.map((theme) => ({ draftId, theme })))
      .run()
}

function writeLeads(draftId: number, parliamentIds: readonly number[]) {
  const db = getDb()
  db.delete(draftLead).where(eq(draftLead.draftId, draftId)).run()
  db.insert(draftLead)
    .values(parliamentIds.map((parliamentId) => ({ draftId, parliamentId })))
    .run()
}

function fields(input: DraftInput) {
  return {
    kind: input.kind,
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    summaryEn: input.summaryEn,
    summaryAr: input.summaryAr,
    originalLanguage: input.originalLanguage,
    coordinatorId: input.coordinatorId,
    visibility: input.visibility,
    consultationScope: input.consultationScope,
  }
}

/** A coordinator's new draft, in preparation, with its leads, topics and first editors; the editors are told. */
export function createDraft(raw: unknown, by: DraftActor): Result<{ id: number }, DraftsError> {
  const parsed = DraftSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const input = parsed.data
  const refused = checkReferences(input)
  if (refused) return fail(refused)
  return atomically((tx) => {
    const { id } = getDb()
      .insert(draft)
      .values({ ...fields(input), createdById: by.id })
      .returning({ id: draft.id })
      .get()
    writeLeads(id, input.leadParliamentIds)
    writeTopics(id, input)
    if (input.editorIds.length)
      getDb()
        .insert(draftEditor)
        .values(input.editorIds.map((userId) => ({ draftId: id, userId })))
        .run()
    audit(tx, by, 'draft.create', id, { kind: input.kind })
    const saved = getDraft(id)!
    for (const editor of saved.editors)
      if (editor.id !== by.id && editor.isActive) notifyEditorAdded(tx, saved, editor, by.name)
    return ok({ id })
  })
}

/**
 * Saves the draft's fields (not its stage, not its editors). Newly named editors are added (and told); editors are
 * removed one by one (removeEditor), so a form that omits them does not drop anybody.
 */
export function updateDraft(d: DraftDetail, raw: unknown, by: DraftActor): Result<undefined, DraftsError> {
  if (isFinalStage(d.stage)) return fail('draftClosed')
  const parsed = DraftSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const input = parsed.data
  const refused = checkReferences(input)
  if (refused) return fail(refused)
  return atomically((tx) => {
    getDb()
      .update(draft)
      .set({ ...fields(input), updatedAt: new Date() })
      .where(eq(draft.id, d.id))
      .run()
    writeLeads(d.id, input.leadParliamentIds)
    writeTopics(d.id, input)
    const added = input.editorIds.filter((id) => !d.editorIds.includes(id))
    if (added.length)
      getDb()
        .insert(draftEditor)
        .values(added.map((userId) => ({ draftId: d.id, userId })))
        .run()
    audit(tx, by, 'draft.update', d.id, added.length ? { editorsAdded: added } : undefined)
    const saved = getDraft(d.id)!
    for (const editor of saved.editors)
      if (added.includes(editor.id) && editor.id !== by.id && editor.isActive)
        notifyEditorAdded(tx, saved, editor, by.name)
    return ok()
  })
}

/**
 * A step that must commit with a move to 'adopted' (adoption.server.ts publishes the final version to the library):
 * it runs in the move's transaction after the stage has changed; a refusal undoes the move. What it returns is
 * added to the move's audit row.
 */
export type AdoptionStep = (tx: Tx) => Result<Record<string, unknown>, DraftsError>

class StepRefused extends Error {
  constructor(readonly code: DraftsError) {
    super(`adoption refused: ${code}`)
  }
}

/**
 * Moves the draft to another stage if the table of moves allows it (stages.ts). Opening a consultation needs a
 * closing date after `now`; adopting needs its publication (`adopt`, which adoptDraft gives: a draft is never
 * adopted without its library resource). Audited, and the working group (but whoever moved it) is mailed, each in
 * their language.
 */
export function moveDraftStage(
  d: DraftDetail,
  raw: unknown,
  by: DraftActor,
  now = new Date(),
  adopt?: AdoptionStep,
): Result<{ from: DraftStage; to: DraftStage }, DraftsError> {
  const parsed = StageMoveSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { to, closesAt } = parsed.data
  if (!canMoveStage(d.stage, to)) return fail('stageMoveNotAllowed')
  if (to === 'adopted' && !adopt) return fail('stageMoveNotAllowed')
  if (needsClosingDate(to)) {
    if (!closesAt) return fail('closingDateRequired')
    if (closesAt <= now) return fail('closingDateInPast')
  }
  try {
    return atomically((tx) => {
      const moved = getDb()
        .update(draft)
        .set({
          stage: to,
          stageChangedAt: now,
          updatedAt: now,
          ...(needsClosingDate(to) ? { consultationClosesAt: closesAt } : {}),
        })
        // The stage it was read in: a move made meanwhile by someone else is not made twice.
        .where(and(eq(draft.id, d.id), eq(draft.stage, d.stage)))
        .run()
      if (moved.changes === 0) return fail('stageMoveNotAllowed')
      let adoption: Record<string, unknown> = {}
      if (to === 'adopted' && adopt) {
        const step = adopt(tx)
        // Thrown, so that the stage change above rolls back with whatever the step wrote.
        if (!step.ok) throw new StepRefused(step.error)
        adoption = step.value
      }
      audit(tx, by, 'draft.stage', d.id, {
        from: d.stage,
        to,
        ...(closesAt && needsClosingDate(to) ? { closesAt: closesAt.toISOString() } : {}),
        ...adoption,
      })
      notifyStageMove(
        tx,
        d,
        workingGroupOf(d).filter((p) => p.id !== by.id),
        { to, by: by.name, closesAt: needsClosingDate(to) ? closesAt : null },
      )
      return ok({ from: d.stage, to })
    })
  } catch (error) {
    if (error instanceof StepRefused) return fail(error.code)
    throw error
  }
}

/** Adds someone to the working group (an active account, not already in it); they are told. */
export function addEditor(d: DraftDetail, raw: unknown, by: DraftActor): Result<undefined, DraftsError> {
  if (isFinalStage(d.stage)) return fail('draftClosed')
  const parsed = EditorSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { userId } = parsed.data
  if (d.editorIds.includes(userId)) return fail('alreadyEditor')
  if (d.editorIds.length >= draftLimits.editors) return fail('tooLong')
  const person = getDb().select(personColumns).from(user).where(eq(user.id, userId)).get()
  if (!person || !person.isActive) return fail('userUnknown')
  return atomically((tx) => {
    getDb().insert(draftEditor).values({ draftId: d.id, userId }).run()
    audit(tx, by, 'draft.editor_add', d.id, { userId })
    if (person.id !== by.id) notifyEditorAdded(tx, d, person, by.name)
    return ok()
  })
}

/** Takes someone out of the working group. */
export function removeEditor(d: DraftDetail, raw: unknown, by: DraftActor): Result<undefined, DraftsError> {
  const parsed = EditorSchema.safeParse(raw)
  if (!parsed.success) return fail(asDraftsError(parsed.error.issues[0]?.message))
  const { userId } = parsed.data
  if (!d.editorIds.includes(userId)) return fail('notAnEditor')
  return atomically((tx) => {
    getDb()
      .delete(draftEditor)
      .where(and(eq(draftEditor.draftId, d.id), eq(draftEditor.userId, userId)))
      .run()
    audit(tx, by, 'draft.editor_remove', d.id, { userId })
    return ok()
  })
}
