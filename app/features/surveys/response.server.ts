// A parliament's response to a questionnaire (issue 16): its answers read back, saved as the members go (each save
// checked against the revision the form started from), submitted once, reopened only by a coordinator. Every change
// commits with its audit row and its mails in one transaction; a refusal writes nothing.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import {
  mechanismProposal,
  parliament,
  surveyAnswer,
  surveyAnswerChoice,
  surveyFile,
  surveyResponse,
  user,
} from '#db/schema/index'
import { listParliamentMechanisms } from '~/features/network'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { removeBlobIfUnreferenced } from '~/utils/file-store.server'
import { getPendingUpload, takePendingUpload } from '~/utils/pending-upload.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { AnswerError } from './answer-errors'
import { notifyReopened, notifySubmitted, type MailSurvey, type Recipient } from './answer-mail.server'
import {
  checkAnswer,
  missingAnswer,
  openQuestions,
  shownQuestionIds,
  type Answer,
  type AnswerFormValues,
  type ProposalInput,
} from './answer-schemas'
import type { Question, Questionnaire } from './questionnaire.server'
import type { ProposalState } from './vocabulary'

export type ResponseRow = typeof surveyResponse.$inferSelect
/** Who writes: a member of the response's parliament (the guards checked it). */
export type Respondent = { id: number; name: string; parliamentId: number }

export function getResponse(id: number): ResponseRow | undefined {
  return getDb().select().from(surveyResponse).where(eq(surveyResponse.id, id)).get()
}

/** The response of `parliamentId` to survey `surveyId`: there is one only when the survey was sent to it. */
export function getResponseOf(surveyId: number, parliamentId: number): ResponseRow | undefined {
  return getDb()
    .select()
    .from(surveyResponse)
    .where(and(eq(surveyResponse.surveyId, surveyId), eq(surveyResponse.parliamentId, parliamentId)))
    .get()
}

/** A proposal as its answer shows it. */
export type ProposalSummary = ProposalInput & { id: number; state: ProposalState; mechanismId: number | null }
export type StoredAnswers = {
  answers: Map<number, Answer>
  files: Map<number, { id: number; name: string; sha256: string }>
  proposals: Map<number, ProposalSummary>
  updated: Map<number, { at: Date; byId: number | null }>
}

/**
 * The answers of a response by question id (three queries). A mechanism proposed and since accepted reads as
 * that mechanism; one pending or rejected as the proposal.
 */
export function loadAnswers(responseId: number, db: Tx = getDb()): StoredAnswers {
  const rows = db.select().from(surveyAnswer).where(eq(surveyAnswer.responseId, responseId)).all()
  const choices = db
    .select()
    .from(surveyAnswerChoice)
    .where(eq(surveyAnswerChoice.responseId, responseId))
    .orderBy(asc(surveyAnswerChoice.optionId))
    .all()
  const fileIds = rows.flatMap((r) => (r.fileId ? [r.fileId] : []))
  const proposalIds = rows.flatMap((r) => (r.proposalId ? [r.proposalId] : []))
  const files = new Map(
    (fileIds.length ? db.select().from(surveyFile).where(inArray(surveyFile.id, fileIds)).all() : []).map((f) => [
      f.id,
      f,
    ]),
  )
  const proposals = new Map(
    (proposalIds.length
      ? db.select().from(mechanismProposal).where(inArray(mechanismProposal.id, proposalIds)).all()
      : []
    ).map((p) => [p.id, p]),
  )
  const choicesOf = new Map<number, (typeof choices)[number][]>()
  for (const c of choices) {
    const list = choicesOf.get(c.questionId)
    if (list) list.push(c)
    else choicesOf.set(c.questionId, [c])
  }
  const out: StoredAnswers = { answers: new Map(), files: new Map(), proposals: new Map(), updated: new Map() }
  for (const r of rows) {
    out.updated.set(r.questionId, { at: r.updatedAt, byId: r.updatedById })
    let answer: Answer | null = null
    if (r.optionId !== null) answer = { kind: 'single_choice', optionId: r.optionId }
    else if (r.choice !== null) answer = { kind: 'yes_no', choice: r.choice }
    else if (r.numberValue !== null) answer = { kind: 'number', value: r.numberValue }
    else if (r.textValue !== null) answer = { kind: 'short_text', text: r.textValue }
    else if (r.fileId !== null) {
      const f = files.get(r.fileId)
      if (f) {
        answer = { kind: 'file', fileId: f.id }
        out.files.set(r.questionId, { id: f.id, name: f.originalName, sha256: f.sha256 })
      }
    } else if (r.proposalId !== null || r.mechanismId !== null) {
      const p = r.proposalId ? proposals.get(r.proposalId) : undefined
      if (p) {
        out.proposals.set(r.questionId, {
          id: p.id,
          state: p.state,
          mechanismId: p.mechanismId,
          kind: p.kind,
          nameEn: p.nameEn,
          nameAr: p.nameAr,
          descriptionEn: p.descriptionEn,
          descriptionAr: p.descriptionAr,
          year: p.year,
        })
      }
      if (r.mechanismId !== null) answer = { kind: 'mechanism', mechanismId: r.mechanismId }
      else if (p) {
        const { kind, nameEn, nameAr, descriptionEn, descriptionAr, year } = p
        answer = { kind: 'mechanism', proposal: { kind, nameEn, nameAr, descriptionEn, descriptionAr, year } }
      }
    } else {
      const list = choicesOf.get(r.questionId) ?? []
      if (list.some((c) => c.scaleValue !== null)) {
        answer = {
          kind: 'matrix',
          rows: Object.fromEntries(list.flatMap((c) => (c.scaleValue === null ? [] : [[c.optionId, c.scaleValue]]))),
        }
      } else if (list.length) answer = { kind: 'multiple_choice', optionIds: list.map((c) => c.optionId) }
    }
    if (answer) out.answers.set(r.questionId, answer)
  }
  return out
}

/** The stored answers given the kinds of their questions (the columns alone do not tell a scale from a number). */
export function answersFor(questions: readonly Question[], stored: StoredAnswers) {
  const out = new Map<number, Answer>()
  for (const q of questions) {
    const a = stored.answers.get(q.id)
    if (!a) continue
    if ((q.kind === 'scale' || q.kind === 'number') && a.kind === 'number')
      out.set(q.id, { kind: q.kind, value: a.value })
    else if ((q.kind === 'date' || q.kind === 'long_text') && a.kind === 'short_text')
      out.set(q.id, { kind: q.kind, text: a.text })
    else out.set(q.id, a)
  }
  return out
}

/** The mechanisms of a parliament in the directory, to pick as an answer (the network feature reads them). */
export function listMechanismChoices(parliamentId: number) {
  return listParliamentMechanisms(parliamentId)
    .map(({ id, nameEn, nameAr, kind }) => ({ id, nameEn, nameAr, kind }))
    .sort((a, b) => a.nameEn.localeCompare(b.nameEn) || a.id - b.id)
}

type SurveyState = Pick<Questionnaire, 'status' | 'deadline'>

/**
 * Why the response cannot take answers now, or null: the survey must be open, before its deadline (a response a
 * coordinator reopened takes answers after it: reopening is how a late correction is let in), and not submitted.
 */
export function answeringRefusal(s: SurveyState, r: Pick<ResponseRow, 'status'>, now = new Date()): AnswerError | null {
  if (s.status !== 'open') return 'surveyNotOpen'
  if (r.status === 'submitted') return 'alreadySubmitted'
  if (s.deadline && s.deadline.getTime() <= now.getTime() && r.status !== 'reopened') return 'deadlinePassed'
  return null
}

export type SaveInput = { baseRevision: number; values: AnswerFormValues; submit: boolean }
export type SaveRefusal =
  | { ok: false; error: Exclude<AnswerError, 'invalidAnswers' | 'incomplete' | 'staleRevision'> }
  | { ok: false; error: 'invalidAnswers' | 'incomplete'; fieldErrors: Record<number, AnswerError> }
  | { ok: false; error: 'staleRevision'; current: { revision: number; at: Date | null; byId: number | null } }
export type SaveResult = { ok: true; value: { revision: number; submitted: boolean } } | SaveRefusal

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly refusal: SaveRefusal) {
    super(refusal.error)
  }
}

const sameProposal = (a: ProposalInput, b: ProposalInput) =>
  a.kind === b.kind &&
  a.nameEn === b.nameEn &&
  a.nameAr === b.nameAr &&
  a.descriptionEn === b.descriptionEn &&
  a.descriptionAr === b.descriptionAr &&
  a.year === b.year

/** The active members of a parliament: those the response's mails go to, each in their language. */
export function parliamentMembers(parliamentId: number, db: Tx = getDb()): Recipient[] {
  return db
    .select({ id: user.id, email: user.email, locale: user.locale })
    .from(user)
    .where(and(eq(user.parliamentId, parliamentId), eq(user.role, 'member'), eq(user.isActive, true)))
    .orderBy(asc(user.id))
    .all()
}

function parliamentNames(id: number, db: Tx) {
  return db
    .select({ nameEn: parliament.nameEn, nameAr: parliament.nameAr })
    .from(parliament)
    .where(eq(parliament.id, id))
    .get()!
}

const mailSurvey = (s: Questionnaire): MailSurvey => ({
  id: s.id,
  titleEn: s.titleEn,
  titleAr: s.titleAr,
  deadline: s.deadline,
})

/**
 * Saves the answers the form holds to the questions still asked, or (`submit`) saves and submits them. Refused,
 * with nothing written: when the response cannot take answers (answeringRefusal); when someone saved since the
 * form's `baseRevision` (their revision comes back, the typed answers stay with the caller); when an answer does not
 * fit its question (per question); on submission, when a shown required question is unanswered (per question).
 * Answers to questions the display conditions hide are cleared. A submission thanks the parliament's members.
 */
export function saveResponse(
  s: Questionnaire,
  r: ResponseRow,
  input: SaveInput,
  by: Respondent,
  now = new Date(),
): SaveResult {
  if (r.surveyId !== s.id || r.parliamentId !== by.parliamentId) throw new Error('The response is not theirs.')
  const refusal = answeringRefusal(s, r, now)
  if (refusal) return fail(refusal) as SaveRefusal
  if (input.baseRevision !== r.revision) {
    return {
      ok: false,
      error: 'staleRevision',
      current: { revision: r.revision, at: r.lastActivityAt, byId: r.lastActivityById },
    }
  }
  const stored = loadAnswers(r.id)
  const before = answersFor(s.questions, stored)
  const asked = openQuestions(s.questions)
  const mechanismIds = new Set(
    asked.some((q) => q.kind === 'mechanism') ? listMechanismChoices(r.parliamentId).map((m) => m.id) : [],
  )
  const fieldErrors: Record<number, AnswerError> = {}
  const after = new Map<number, Answer | null>()
  for (const q of s.questions) {
    if (q.closedAt !== null) {
      after.set(q.id, before.get(q.id) ?? null)
      continue
    }
    const checked = checkAnswer(q, input.values[q.id], {
      mechanismIds,
      keptFileId: stored.files.get(q.id)?.id ?? null,
      now,
    })
    if (!checked.ok) fieldErrors[q.id] = checked.error
    else after.set(q.id, checked.answer)
  }
  for (const q of asked) {
    const a = after.get(q.id)
    if (a?.kind === 'file' && 'upload' in a && !getPendingUpload(a.upload, by.id)) fieldErrors[q.id] = 'fileMissing'
  }
  if (Object.keys(fieldErrors).length) return { ok: false, error: 'invalidAnswers', fieldErrors }
  const shown = shownQuestionIds(s.questions, after)
  for (const q of asked) if (!shown.has(q.id)) after.set(q.id, null)
  if (input.submit) {
    for (const q of asked) {
      if (!shown.has(q.id)) continue
      const missing = missingAnswer(q, after.get(q.id))
      if (missing) fieldErrors[q.id] = missing
    }
    if (Object.keys(fieldErrors).length) return { ok: false, error: 'incomplete', fieldErrors }
  }

  const blobsToCheck: string[] = []
  try {
    const value = atomically((tx) => {
      // The revision and the status checked again where they are written: of two saves, or two submissions, made
      // at once from the same revision, one wins and the other is told.
      const moved = tx
        .update(surveyResponse)
        .set({
          revision: sql`${surveyResponse.revision} + 1`,
          status: input.submit ? 'submitted' : r.status === 'invited' ? 'started' : r.status,
          startedAt: r.startedAt ?? now,
          lastActivityAt: now,
          lastActivityById: by.id,
          ...(input.submit ? { submittedAt: now, submittedById: by.id } : {}),
        })
        .where(
          and(
            eq(surveyResponse.id, r.id),
            eq(surveyResponse.revision, input.baseRevision),
            ne(surveyResponse.status, 'submitted'),
          ),
        )
        .run()
      if (moved.changes === 0) {
        const now2 = tx.select().from(surveyResponse).where(eq(surveyResponse.id, r.id)).get()!
        throw new Refused(
          now2.status === 'submitted'
            ? { ok: false, error: 'alreadySubmitted' }
            : {
                ok: false,
                error: 'staleRevision',
                current: { revision: now2.revision, at: now2.lastActivityAt, byId: now2.lastActivityById },
              },
        )
      }
      for (const q of asked) {
        writeAnswer(tx, r, q, before.get(q.id) ?? null, after.get(q.id) ?? null, stored, by, now, blobsToCheck)
      }
      recordAuditEvent(
        {
          actorId: by.id,
          action: input.submit ? 'survey.response_submitted' : 'survey.response_saved',
          targetType: 'survey_response',
          targetId: r.id,
          details: { surveyId: s.id, parliamentId: r.parliamentId, revision: input.baseRevision + 1 },
        },
        tx,
      )
      if (input.submit) {
        notifySubmitted(tx, mailSurvey(s), parliamentMembers(r.parliamentId, tx), {
          parliament: parliamentNames(r.parliamentId, tx),
          by: by.name,
          at: now,
        })
      }
      return { revision: input.baseRevision + 1, submitted: input.submit }
    })
    for (const sha256 of blobsToCheck) removeBlobIfUnreferenced(sha256)
    return ok(value)
  } catch (error) {
    if (error instanceof Refused) return error.refusal
    throw error
  }
}

const answerKey = (a: Answer | null) => (a ? JSON.stringify(a) : '')

/** Replaces one question's answer (when it changed): its row, its ticked options, its file or proposal. */
function writeAnswer(
  tx: Tx,
  r: ResponseRow,
  q: Question,
  before: Answer | null,
  after: Answer | null,
  stored: StoredAnswers,
  by: Respondent,
  now: Date,
  blobsToCheck: string[],
) {
  if (answerKey(before) === answerKey(after) && !(after?.kind === 'mechanism' && 'proposal' in after)) return
  const where = and(eq(surveyAnswer.responseId, r.id), eq(surveyAnswer.questionId, q.id))
  const oldProposal = stored.proposals.get(q.id)
  const oldFile = stored.files.get(q.id)
  let proposalId: number | null = null
  if (after?.kind === 'mechanism' && 'proposal' in after) {
    if (oldProposal && sameProposal(oldProposal, after.proposal)) {
      if (answerKey(before) === answerKey(after)) return
      proposalId = oldProposal.id
    } else if (oldProposal?.state === 'pending') {
      tx.update(mechanismProposal)
        .set({ ...after.proposal, proposedById: by.id, updatedAt: now })
        .where(eq(mechanismProposal.id, oldProposal.id))
        .run()
      proposalId = oldProposal.id
    } else {
      proposalId = tx
        .insert(mechanismProposal)
        .values({
          responseId: r.id,
          questionId: q.id,
          parliamentId: r.parliamentId,
          ...after.proposal,
          proposedById: by.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: mechanismProposal.id })
        .get().id
    }
  } else if (oldProposal?.state === 'pending') {
    // The answer no longer describes it: a proposal nobody reviewed yet goes with it.
    tx.update(surveyAnswer).set({ proposalId: null }).where(where).run()
    tx.delete(mechanismProposal).where(eq(mechanismProposal.id, oldProposal.id)).run()
  }
  tx.delete(surveyAnswerChoice)
    .where(and(eq(surveyAnswerChoice.responseId, r.id), eq(surveyAnswerChoice.questionId, q.id)))
    .run()
  tx.delete(surveyAnswer).where(where).run()
  let fileId: number | null = null
  if (after?.kind === 'file') {
    if ('upload' in after) {
      const pending = takePendingUpload(tx, after.upload, by.id)
      if (!pending) throw new Refused({ ok: false, error: 'invalidAnswers', fieldErrors: { [q.id]: 'fileMissing' } })
      fileId = tx
        .insert(surveyFile)
        .values({
          responseId: r.id,
          sha256: pending.sha256,
          size: pending.size,
          mediaType: pending.mediaType,
          originalName: pending.originalName,
          uploadedById: by.id,
          createdAt: now,
        })
        .returning({ id: surveyFile.id })
        .get().id
    } else fileId = after.fileId
  }
  if (oldFile && oldFile.id !== fileId) {
    tx.delete(surveyFile).where(eq(surveyFile.id, oldFile.id)).run()
    blobsToCheck.push(oldFile.sha256)
  }
  if (!after) return
  const base = { responseId: r.id, questionId: q.id, updatedById: by.id, updatedAt: now }
  switch (after.kind) {
    case 'single_choice':
      tx.insert(surveyAnswer)
        .values({ ...base, optionId: after.optionId })
        .run()
      break
    case 'yes_no':
      tx.insert(surveyAnswer)
        .values({ ...base, choice: after.choice })
        .run()
      break
    case 'scale':
    case 'number':
      tx.insert(surveyAnswer)
        .values({ ...base, numberValue: after.value })
        .run()
      break
    case 'date':
    case 'short_text':
    case 'long_text':
      tx.insert(surveyAnswer)
        .values({ ...base, textValue: after.text })
        .run()
      break
    case 'file':
      tx.insert(surveyAnswer)
        .values({ ...base, fileId })
        .run()
      break
    case 'mechanism':
      tx.insert(surveyAnswer)
        .values({ ...base, ...('mechanismId' in after ? { mechanismId: after.mechanismId } : { proposalId }) })
        .run()
      break
    case 'multiple_choice':
    case 'matrix': {
      tx.insert(surveyAnswer).values(base).run()
      const rows =
        after.kind === 'multiple_choice'
          ? after.optionIds.map((optionId) => ({ responseId: r.id, questionId: q.id, optionId, scaleValue: null }))
          : Object.entries(after.rows).map(([optionId, scaleValue]) => ({
              responseId: r.id,
              questionId: q.id,
              optionId: Number(optionId),
              scaleValue,
            }))
      if (rows.length) tx.insert(surveyAnswerChoice).values(rows).run()
      break
    }
  }
}

/**
 * A coordinator reopens a submitted response: its parliament's members may change and submit it again (after the
 * deadline too), and are told so. Refused ('notSubmitted', nothing written) for a response not submitted.
 */
export function reopenResponse(
  s: Questionnaire,
  responseId: number,
  by: { id: number; name: string },
  now = new Date(),
): Result<undefined, 'notSubmitted' | 'surveyNotOpen'> {
  if (s.status !== 'open') return fail('surveyNotOpen')
  return atomically((tx) => {
    const moved = tx
      .update(surveyResponse)
      .set({ status: 'reopened', reopenedAt: now, revision: sql`${surveyResponse.revision} + 1` })
      .where(
        and(
          eq(surveyResponse.id, responseId),
          eq(surveyResponse.surveyId, s.id),
          eq(surveyResponse.status, 'submitted'),
        ),
      )
      .returning({ parliamentId: surveyResponse.parliamentId })
      .get()
    if (!moved) return fail('notSubmitted')
    recordAuditEvent(
      {
        actorId: by.id,
        action: 'survey.response_reopened',
        targetType: 'survey_response',
        targetId: responseId,
        details: { surveyId: s.id, parliamentId: moved.parliamentId },
      },
      tx,
    )
    notifyReopened(tx, mailSurvey(s), parliamentMembers(moved.parliamentId, tx), {
      parliament: parliamentNames(moved.parliamentId, tx),
      by: by.name,
    })
    return ok()
  })
}

/** The names of users by id (who saved last, who submitted). */
export function userNames(ids: readonly (number | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))]
  if (!wanted.length) return new Map<number, string>()
  return new Map(
    getDb()
      .select({ id: user.id, name: user.name })
      .from(user)
      .where(inArray(user.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  )
}

/** A file given as an answer, for a member of its parliament or a coordinator (the route checks who asks). */
export function getAnswerFile(surveyId: number, fileId: number) {
  return getDb()
    .select({
      id: surveyFile.id,
      sha256: surveyFile.sha256,
      size: surveyFile.size,
      mediaType: surveyFile.mediaType,
      originalName: surveyFile.originalName,
      parliamentId: surveyResponse.parliamentId,
    })
    .from(surveyFile)
    .innerJoin(surveyResponse, eq(surveyResponse.id, surveyFile.responseId))
    .where(and(eq(surveyFile.id, fileId), eq(surveyResponse.surveyId, surveyId)))
    .get()
}
