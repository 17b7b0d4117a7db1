// New mechanisms described in answers to a mechanism question (issue 16): a coordinator reviews them; accepted, one
// becomes a row of the mechanisms directory for the response's parliament (with the pillars the coordinator gives
// it), and the answer then names that mechanism; rejected, it stays with the answer only.
import { and, desc, eq, sql } from 'drizzle-orm'
import { mechanismProposal, parliament, survey, surveyAnswer, surveyQuestion, user } from '#db/schema/index'
import type { Pillar } from '#db/enums'
import { insertMechanism } from '~/features/network'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb } from '~/utils/db.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { AnswerError } from './answer-errors'
import type { ProposalState } from './vocabulary'

export type ProposalListItem = Awaited<ReturnType<typeof listProposals>>[number]

/** Proposals in a state (pending: oldest first, waiting longest; decided: newest first), with where they came from. */
export function listProposals(state: ProposalState, limit = 100) {
  return getDb()
    .select({
      id: mechanismProposal.id,
      state: mechanismProposal.state,
      kind: mechanismProposal.kind,
      nameEn: mechanismProposal.nameEn,
      nameAr: mechanismProposal.nameAr,
      descriptionEn: mechanismProposal.descriptionEn,
      descriptionAr: mechanismProposal.descriptionAr,
      year: mechanismProposal.year,
      mechanismId: mechanismProposal.mechanismId,
      createdAt: mechanismProposal.createdAt,
      reviewedAt: mechanismProposal.reviewedAt,
      parliamentId: mechanismProposal.parliamentId,
      parliamentNameEn: parliament.nameEn,
      parliamentNameAr: parliament.nameAr,
      surveyId: survey.id,
      surveyTitleEn: survey.titleEn,
      surveyTitleAr: survey.titleAr,
      questionTextEn: surveyQuestion.textEn,
      questionTextAr: surveyQuestion.textAr,
      proposedBy: user.name,
    })
    .from(mechanismProposal)
    .innerJoin(parliament, eq(parliament.id, mechanismProposal.parliamentId))
    .innerJoin(surveyQuestion, eq(surveyQuestion.id, mechanismProposal.questionId))
    .innerJoin(survey, eq(survey.id, surveyQuestion.surveyId))
    .leftJoin(user, eq(user.id, mechanismProposal.proposedById))
    .where(eq(mechanismProposal.state, state))
    .orderBy(
      state === 'pending' ? mechanismProposal.id : desc(mechanismProposal.reviewedAt),
      desc(mechanismProposal.id),
    )
    .limit(limit)
    .all()
}

export function countPendingProposals() {
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(mechanismProposal)
    .where(eq(mechanismProposal.state, 'pending'))
    .get()!.n
}

type Reviewer = { id: number }
type ReviewError = Extract<AnswerError, 'proposalNotFound' | 'proposalDecided' | 'pillarRequired'>

/**
 * Accepts a pending proposal: the mechanism joins the directory for the proposal's parliament with `pillars`
 * (1–4, at least one, as every mechanism of the directory), the answers that proposed it name it, and the audit
 * records both. Refused, with nothing written, for a proposal unknown or already decided, or without a pillar.
 */
export function acceptProposal(
  id: number,
  pillars: readonly number[],
  by: Reviewer,
  now = new Date(),
): Result<{ mechanismId: number; parliamentId: number }, ReviewError> {
  const chosen = [...new Set(pillars)].filter((p) => Number.isInteger(p) && p >= 1 && p <= 4).sort()
  if (chosen.length === 0 || chosen.length !== new Set(pillars).size) return fail('pillarRequired')
  return atomically((tx) => {
    const p = tx.select().from(mechanismProposal).where(eq(mechanismProposal.id, id)).get()
    if (!p) return fail('proposalNotFound')
    const decided = tx
      .update(mechanismProposal)
      .set({ state: 'accepted', reviewedById: by.id, reviewedAt: now, updatedAt: now })
      .where(and(eq(mechanismProposal.id, id), eq(mechanismProposal.state, 'pending')))
      .run()
    if (decided.changes === 0) return fail('proposalDecided')
    // The directory's own rows (the mechanism, its pillars, its audit entry), in this transaction so that the
    // proposal is never accepted without its mechanism.
    const { id: mechanismId } = insertMechanism(
      tx,
      {
        kind: p.kind,
        nameEn: p.nameEn,
        nameAr: p.nameAr,
        descriptionEn: p.descriptionEn,
        descriptionAr: p.descriptionAr,
        year: p.year,
        url: null,
        pillars: chosen as Pillar[],
      },
      { parliamentId: p.parliamentId, createdById: by.id, details: { proposalId: id } },
    )
    tx.update(mechanismProposal).set({ mechanismId }).where(eq(mechanismProposal.id, id)).run()
    tx.update(surveyAnswer).set({ mechanismId }).where(eq(surveyAnswer.proposalId, id)).run()
    recordAuditEvent(
      {
        actorId: by.id,
        action: 'survey.proposal_accepted',
        targetType: 'mechanism_proposal',
        targetId: id,
        details: { mechanismId, parliamentId: p.parliamentId },
      },
      tx,
    )
    return ok({ mechanismId, parliamentId: p.parliamentId })
  })
}

/** Rejects a pending proposal (it stays the answer's description, out of the directory). */
export function rejectProposal(id: number, by: Reviewer, now = new Date()): Result<undefined, ReviewError> {
  return atomically((tx) => {
    const decided = tx
      .update(mechanismProposal)
      .set({ state: 'rejected', reviewedById: by.id, reviewedAt: now, updatedAt: now })
      .where(and(eq(mechanismProposal.id, id), eq(mechanismProposal.state, 'pending')))
      .returning({ parliamentId: mechanismProposal.parliamentId })
      .get()
    if (!decided) {
      const exists = tx
        .select({ id: mechanismProposal.id })
        .from(mechanismProposal)
        .where(eq(mechanismProposal.id, id))
        .get()
      return fail(exists ? 'proposalDecided' : 'proposalNotFound')
    }
    recordAuditEvent(
      {
        actorId: by.id,
        action: 'survey.proposal_rejected',
        targetType: 'mechanism_proposal',
        targetId: id,
        details: { parliamentId: decided.parliamentId },
      },
      tx,
    )
    return ok()
  })
}
