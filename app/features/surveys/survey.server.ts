// Building a questionnaire (issue 16): its fields, sections, questions and their options, display conditions. Each
// change commits with its audit row in one transaction; a refusal writes nothing. Once a response holds an answer
// to a question, the question may be closed but not removed or given another kind, nor its answered options removed.
// Every structural change ends by checking every display condition of the questionnaire (it names an earlier
// question of a kind that takes one, and a value that exists), and rolls back if one no longer holds.
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm'
import {
  mechanismProposal,
  survey,
  surveyAnswer,
  surveyAnswerChoice,
  surveyOption,
  surveyQuestion,
  surveySection,
} from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically, type Tx } from '~/utils/transaction.server'
import {
  MoveSchema,
  QuestionSchema,
  SectionSchema,
  SurveySchema,
  usesOptions,
  type QuestionInput,
} from './builder-schemas'
import { conditionSourceKinds, conditionValuesOf } from './conditions'
import { asSurveysError, type SurveysError } from './errors'
import { loadQuestionnaire, type SurveyRow } from './questionnaire.server'
import { kindsWithScale, surveyLimits } from './vocabulary'

export type SurveyActor = { id: number }

/** Thrown inside a transaction so that everything it wrote rolls back; turned into the Result's error. */
class Refused extends Error {
  constructor(readonly code: SurveysError) {
    super(`refused: ${code}`)
  }
}

function audit(tx: Tx, by: SurveyActor, action: string, surveyId: number, details?: Record<string, unknown>) {
  recordAuditEvent({ actorId: by.id, action, targetType: 'survey', targetId: surveyId, details }, tx)
}

/** Runs a change in one transaction; a `Refused` thrown inside rolls it back and comes out as the Result's error. */
function change<T>(fn: (tx: Tx) => T): Result<T, SurveysError> {
  try {
    return ok(atomically(fn))
  } catch (error) {
    if (error instanceof Refused) return fail(error.code)
    throw error
  }
}

function touch(surveyId: number, now = new Date()) {
  getDb().update(survey).set({ updatedAt: now }).where(eq(survey.id, surveyId)).run()
}

const firstError = (issues: { message: string }[]) => asSurveysError(issues[0]?.message)

/** The ids of the questions of a survey that hold at least one answer (or a mechanism proposed in one). */
export function answeredQuestionIds(surveyId: number): Set<number> {
  const rows = getDb().all<{ id: number }>(sql`
    SELECT q.id AS id FROM ${surveyQuestion} q WHERE q.survey_id = ${surveyId} AND (
      EXISTS (SELECT 1 FROM ${surveyAnswer} a WHERE a.question_id = q.id)
      OR EXISTS (SELECT 1 FROM ${surveyAnswerChoice} c WHERE c.question_id = q.id)
      OR EXISTS (SELECT 1 FROM ${mechanismProposal} p WHERE p.question_id = q.id))`)
  return new Set(rows.map((r) => r.id))
}

/** Whether any answer holds this option (picked, ticked, or a matrix row answered). */
function optionAnswered(optionId: number) {
  const db = getDb()
  return Boolean(
    db
      .select({ one: sql`1` })
      .from(surveyAnswer)
      .where(eq(surveyAnswer.optionId, optionId))
      .get() ??
    db
      .select({ one: sql`1` })
      .from(surveyAnswerChoice)
      .where(eq(surveyAnswerChoice.optionId, optionId))
      .get(),
  )
}

/**
 * The first display condition of the questionnaire that does not hold, read in the transaction: its question and
 * why (the source is missing or of a kind that takes none, the value does not exist, or it is not earlier).
 */
function brokenCondition(surveyId: number): { questionId: number; code: SurveysError } | null {
  const q = loadQuestionnaire(surveyId)
  if (!q) return null
  const order = new Map(q.questions.map((x, i) => [x.id, i]))
  for (const question of q.questions) {
    if (question.conditionQuestionId === null || question.conditionValue === null) continue
    const source = q.questions.find((x) => x.id === question.conditionQuestionId)
    if (!source || !conditionSourceKinds.includes(source.kind))
      return { questionId: question.id, code: 'conditionInvalid' }
    if (!conditionValuesOf(source).includes(question.conditionValue))
      return { questionId: question.id, code: 'conditionValueUnknown' }
    if (order.get(source.id)! >= order.get(question.id)!)
      return { questionId: question.id, code: 'conditionNotEarlier' }
  }
  return null
}

/**
 * Refuses (rolling back) when a condition is broken: with its own reason when it is `questionId`'s own condition,
 * else as `others` (another question's condition depends on what was just changed).
 */
function checkConditions(surveyId: number, questionId: number | null, others: SurveysError) {
  const broken = brokenCondition(surveyId)
  if (broken) throw new Refused(broken.questionId === questionId ? broken.code : others)
}

function refuseIfClosed(s: SurveyRow): SurveysError | null {
  return s.status === 'closed' ? 'surveyClosed' : null
}

// The questionnaire.

/** A coordinator's new questionnaire, a draft with one empty section to put questions in. */
export function createSurvey(raw: unknown, by: SurveyActor): Result<{ id: number }, SurveysError> {
  const parsed = SurveySchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  return change((tx) => {
    const { id } = getDb()
      .insert(survey)
      .values({ ...parsed.data, createdById: by.id })
      .returning({ id: survey.id })
      .get()
    getDb().insert(surveySection).values({ surveyId: id, position: 1 }).run()
    audit(tx, by, 'survey.create', id)
    return { id }
  })
}

/** The questionnaire's title and introduction. */
export function updateSurvey(s: SurveyRow, raw: unknown, by: SurveyActor): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  const parsed = SurveySchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  const done = change((tx) => {
    getDb()
      .update(survey)
      .set({ ...parsed.data, updatedAt: new Date() })
      .where(eq(survey.id, s.id))
      .run()
    audit(tx, by, 'survey.update', s.id)
  })
  return done.ok ? ok() : done
}

// Sections.

function sectionOf(s: SurveyRow, sectionId: number) {
  return getDb()
    .select()
    .from(surveySection)
    .where(and(eq(surveySection.id, sectionId), eq(surveySection.surveyId, s.id)))
    .get()
}

export function addSection(s: SurveyRow, raw: unknown, by: SurveyActor): Result<{ id: number }, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  const parsed = SectionSchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  return change((tx) => {
    const db = getDb()
    const stats = db
      .select({ n: sql<number>`count(*)`, last: max(surveySection.position) })
      .from(surveySection)
      .where(eq(surveySection.surveyId, s.id))
      .get()
    if ((stats?.n ?? 0) >= surveyLimits.sections) throw new Refused('tooManySections')
    const { id } = db
      .insert(surveySection)
      .values({ ...parsed.data, surveyId: s.id, position: (stats?.last ?? 0) + 1 })
      .returning({ id: surveySection.id })
      .get()
    touch(s.id)
    audit(tx, by, 'survey.section.add', s.id, { sectionId: id })
    return { id }
  })
}

export function updateSection(
  s: SurveyRow,
  sectionId: number,
  raw: unknown,
  by: SurveyActor,
): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  if (!sectionOf(s, sectionId)) return fail('sectionNotFound')
  const parsed = SectionSchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  const done = change((tx) => {
    getDb().update(surveySection).set(parsed.data).where(eq(surveySection.id, sectionId)).run()
    touch(s.id)
    audit(tx, by, 'survey.section.update', s.id, { sectionId })
  })
  return done.ok ? ok() : done
}

/** Swaps a section with the one before or after it; refused if a display condition would then look forward. */
export function moveSection(
  s: SurveyRow,
  sectionId: number,
  raw: unknown,
  by: SurveyActor,
): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  if (!sectionOf(s, sectionId)) return fail('sectionNotFound')
  const parsed = MoveSchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  const done = change((tx) => {
    const db = getDb()
    const order = db
      .select({ id: surveySection.id })
      .from(surveySection)
      .where(eq(surveySection.surveyId, s.id))
      .orderBy(asc(surveySection.position), asc(surveySection.id))
      .all()
      .map((r) => r.id)
    swapAndRenumber(order, sectionId, parsed.data.direction, (id, position) =>
      db.update(surveySection).set({ position }).where(eq(surveySection.id, id)).run(),
    )
    checkConditions(s.id, null, 'conditionOrder')
    touch(s.id)
    audit(tx, by, 'survey.section.move', s.id, { sectionId, direction: parsed.data.direction })
  })
  return done.ok ? ok() : done
}

/** Swaps `id` with its neighbour in `order` and writes positions 1, 2, 3… (refused at either end). */
function swapAndRenumber(
  order: number[],
  id: number,
  direction: 'up' | 'down',
  write: (id: number, position: number) => void,
) {
  const at = order.indexOf(id)
  const to = direction === 'up' ? at - 1 : at + 1
  if (at < 0 || to < 0 || to >= order.length) throw new Refused('cannotMove')
  ;[order[at], order[to]] = [order[to]!, order[at]!]
  order.forEach((x, i) => write(x, i + 1))
}

/** Removes an empty section (its questions must be moved or removed first). */
export function deleteSection(s: SurveyRow, sectionId: number, by: SurveyActor): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  if (!sectionOf(s, sectionId)) return fail('sectionNotFound')
  const done = change((tx) => {
    const db = getDb()
    const holds = db
      .select({ id: surveyQuestion.id })
      .from(surveyQuestion)
      .where(eq(surveyQuestion.sectionId, sectionId))
      .get()
    if (holds) throw new Refused('sectionNotEmpty')
    db.delete(surveySection).where(eq(surveySection.id, sectionId)).run()
    touch(s.id)
    audit(tx, by, 'survey.section.delete', s.id, { sectionId })
  })
  return done.ok ? ok() : done
}

// Questions.

function questionOf(s: SurveyRow, questionId: number) {
  return getDb()
    .select()
    .from(surveyQuestion)
    .where(and(eq(surveyQuestion.id, questionId), eq(surveyQuestion.surveyId, s.id)))
    .get()
}

/** The columns of a question from its input: what its kind does not use is left empty. */
function questionFields(input: QuestionInput) {
  const scale = kindsWithScale.includes(input.kind)
  const number = input.kind === 'number'
  return {
    kind: input.kind,
    sectionId: input.sectionId,
    textEn: input.textEn,
    textAr: input.textAr,
    helpEn: input.helpEn,
    helpAr: input.helpAr,
    isRequired: input.isRequired,
    scaleLowEn: scale ? input.scaleLowEn : '',
    scaleLowAr: scale ? input.scaleLowAr : '',
    scaleHighEn: scale ? input.scaleHighEn : '',
    scaleHighAr: scale ? input.scaleHighAr : '',
    unitEn: number ? input.unitEn : '',
    unitAr: number ? input.unitAr : '',
    numberMin: number ? input.numberMin : null,
    numberMax: number ? input.numberMax : null,
    conditionQuestionId: input.condition?.questionId ?? null,
    conditionValue: input.condition?.value ?? null,
  }
}

function nextQuestionPosition(sectionId: number) {
  const row = getDb()
    .select({ last: max(surveyQuestion.position) })
    .from(surveyQuestion)
    .where(eq(surveyQuestion.sectionId, sectionId))
    .get()
  return (row?.last ?? 0) + 1
}

function parseQuestion(s: SurveyRow, raw: unknown): Result<QuestionInput, SurveysError> {
  const parsed = QuestionSchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  if (!sectionOf(s, parsed.data.sectionId)) return fail('sectionNotFound')
  const condition = parsed.data.condition
  if (condition && !questionOf(s, condition.questionId)) return fail('conditionInvalid')
  return ok(parsed.data)
}

/** A new question at the end of its section, with its options (choices) or rows (matrix). */
export function addQuestion(s: SurveyRow, raw: unknown, by: SurveyActor): Result<{ id: number }, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  const parsed = parseQuestion(s, raw)
  if (!parsed.ok) return parsed
  const input = parsed.value
  if (input.options.some((o) => o.id !== undefined)) return fail('optionNotFound')
  return change((tx) => {
    const db = getDb()
    const count = db
      .select({ n: sql<number>`count(*)` })
      .from(surveyQuestion)
      .where(eq(surveyQuestion.surveyId, s.id))
      .get()
    if ((count?.n ?? 0) >= surveyLimits.questions) throw new Refused('tooManyQuestions')
    const { id } = db
      .insert(surveyQuestion)
      .values({ ...questionFields(input), surveyId: s.id, position: nextQuestionPosition(input.sectionId) })
      .returning({ id: surveyQuestion.id })
      .get()
    if (usesOptions(input.kind)) {
      const kept = input.options.filter((o) => !o.remove)
      if (kept.length)
        db.insert(surveyOption)
          .values(kept.map((o, i) => ({ questionId: id, position: i + 1, labelEn: o.labelEn, labelAr: o.labelAr })))
          .run()
    }
    checkConditions(s.id, id, 'conditionOrder')
    touch(s.id)
    audit(tx, by, 'survey.question.add', s.id, { questionId: id, kind: input.kind })
    return { id }
  })
}

/**
 * Saves a question's words, settings, condition and options. Refused once it holds answers: another kind, or the
 * removal of an answered option. A move to another section puts it at that section's end.
 */
export function updateQuestion(
  s: SurveyRow,
  questionId: number,
  raw: unknown,
  by: SurveyActor,
): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  const question = questionOf(s, questionId)
  if (!question) return fail('questionNotFound')
  const parsed = parseQuestion(s, raw)
  if (!parsed.ok) return parsed
  const input = parsed.value
  const answered = answeredQuestionIds(s.id).has(questionId)
  if (input.kind !== question.kind && answered) return fail('kindLocked')
  const db = getDb()
  const existing = db.select().from(surveyOption).where(eq(surveyOption.questionId, questionId)).all()
  const known = new Map(existing.map((o) => [o.id, o]))
  if (input.options.some((o) => o.id !== undefined && !known.has(o.id))) return fail('optionNotFound')
  // Options not in the form are kept as they are (a form never drops one by omission); `remove` takes one away,
  // and a kind without options takes them all away.
  const keepsOptions = usesOptions(input.kind)
  const removed = keepsOptions
    ? input.options.filter((o) => o.remove && o.id !== undefined).map((o) => o.id!)
    : existing.map((o) => o.id)
  if (removed.some(optionAnswered)) return fail('optionAnswered')
  const done = change((tx) => {
    const moved = input.sectionId !== question.sectionId
    db.update(surveyQuestion)
      .set({
        ...questionFields(input),
        ...(moved ? { position: nextQuestionPosition(input.sectionId) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(surveyQuestion.id, questionId))
      .run()
    if (removed.length) db.delete(surveyOption).where(inArray(surveyOption.id, removed)).run()
    if (keepsOptions) {
      let position = existing.filter((o) => !removed.includes(o.id)).reduce((m, o) => Math.max(m, o.position), 0)
      for (const o of input.options) {
        if (o.remove) continue
        if (o.id !== undefined) {
          const before = known.get(o.id)!
          if (before.labelEn !== o.labelEn || before.labelAr !== o.labelAr)
            db.update(surveyOption)
              .set({ labelEn: o.labelEn, labelAr: o.labelAr })
              .where(eq(surveyOption.id, o.id))
              .run()
        } else {
          db.insert(surveyOption)
            .values({ questionId, position: ++position, labelEn: o.labelEn, labelAr: o.labelAr })
            .run()
        }
      }
      const left = db
        .select({ n: sql<number>`count(*)` })
        .from(surveyOption)
        .where(eq(surveyOption.questionId, questionId))
        .get()!.n
      if (left > surveyLimits.optionsPerQuestion) throw new Refused('tooManyOptions')
      if (left < (input.kind === 'matrix' ? 1 : 2))
        throw new Refused(input.kind === 'matrix' ? 'rowsRequired' : 'optionsRequired')
    }
    checkConditions(s.id, questionId, 'usedInCondition')
    touch(s.id)
    audit(tx, by, 'survey.question.update', s.id, {
      questionId,
      ...(input.kind !== question.kind ? { kind: { from: question.kind, to: input.kind } } : {}),
      ...(removed.length ? { optionsRemoved: removed } : {}),
    })
  })
  return done.ok ? ok() : done
}

/** Swaps a question with the one before or after it in its section; refused if a condition would look forward. */
export function moveQuestion(
  s: SurveyRow,
  questionId: number,
  raw: unknown,
  by: SurveyActor,
): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  const question = questionOf(s, questionId)
  if (!question) return fail('questionNotFound')
  const parsed = MoveSchema.safeParse(raw)
  if (!parsed.success) return fail(firstError(parsed.error.issues))
  const done = change((tx) => {
    const db = getDb()
    const siblings = db
      .select({ id: surveyQuestion.id })
      .from(surveyQuestion)
      .where(eq(surveyQuestion.sectionId, question.sectionId))
      .orderBy(asc(surveyQuestion.position), asc(surveyQuestion.id))
      .all()
      .map((r) => r.id)
    swapAndRenumber(siblings, questionId, parsed.data.direction, (id, position) =>
      db.update(surveyQuestion).set({ position }).where(eq(surveyQuestion.id, id)).run(),
    )
    checkConditions(s.id, questionId, 'conditionOrder')
    touch(s.id)
    audit(tx, by, 'survey.question.move', s.id, { questionId, direction: parsed.data.direction })
  })
  return done.ok ? ok() : done
}

/** Closes a question (no longer asked, its answers kept) or opens it again. */
export function setQuestionClosed(
  s: SurveyRow,
  questionId: number,
  closedNow: boolean,
  by: SurveyActor,
  now = new Date(),
): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  if (!questionOf(s, questionId)) return fail('questionNotFound')
  const done = change((tx) => {
    getDb()
      .update(surveyQuestion)
      .set({ closedAt: closedNow ? now : null, updatedAt: now })
      .where(eq(surveyQuestion.id, questionId))
      .run()
    touch(s.id, now)
    audit(tx, by, closedNow ? 'survey.question.close' : 'survey.question.reopen', s.id, { questionId })
  })
  return done.ok ? ok() : done
}

/** Removes a question no response has answered and no other question's condition names. */
export function deleteQuestion(s: SurveyRow, questionId: number, by: SurveyActor): Result<undefined, SurveysError> {
  const closed = refuseIfClosed(s)
  if (closed) return fail(closed)
  if (!questionOf(s, questionId)) return fail('questionNotFound')
  const done = change((tx) => {
    const db = getDb()
    if (answeredQuestionIds(s.id).has(questionId)) throw new Refused('questionAnswered')
    const dependent = db
      .select({ id: surveyQuestion.id })
      .from(surveyQuestion)
      .where(eq(surveyQuestion.conditionQuestionId, questionId))
      .get()
    if (dependent) throw new Refused('usedInCondition')
    db.delete(surveyQuestion).where(eq(surveyQuestion.id, questionId)).run()
    touch(s.id)
    audit(tx, by, 'survey.question.delete', s.id, { questionId })
  })
  return done.ok ? ok() : done
}
