// A thread's proposal (issue 17): members take a position (agree, abstain, disagree, block) with a reason until it
// closes; at or after its closing date the facilitator (or a coordinator) records the outcome, shown at the top.
import { and, eq, isNull } from 'drizzle-orm'
import { groupPosition, groupProposal } from '#db/schema/index'
import { notify } from '~/features/notifications'
import { recordAuditEvent } from '~/utils/audit.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { ThreadError } from './thread-errors'
import { activeMemberIds, followThread, threadPath, type Actor, type ThreadRow } from './thread.server'
import type { Position } from './vocabulary'

export type ProposalRow = typeof groupProposal.$inferSelect

export const isOpen = (p: Pick<ProposalRow, 'closesAt' | 'closedAt'>, now = new Date()) =>
  p.closedAt === null && p.closesAt > now

/** Sets (or changes) the member's current position while the proposal is open. */
export function setPosition(
  proposal: ProposalRow,
  by: Actor,
  position: Position,
  reason: string,
  now = new Date(),
): Result<undefined, ThreadError> {
  if (!isOpen(proposal, now)) return fail('proposalClosed')
  return atomically((tx) => {
    tx.insert(groupPosition)
      .values({ proposalId: proposal.id, userId: by.id, position, reason, updatedAt: now })
      .onConflictDoUpdate({
        target: [groupPosition.proposalId, groupPosition.userId],
        set: { position, reason, updatedAt: now },
      })
      .run()
    followThread(tx, by.id, proposal.threadId)
    return ok()
  })
}

/**
 * Records the outcome of a proposal whose closing date has come (once: a conditional UPDATE), and tells the
 * group's members. Returns the notifications' ids for mailImmediately.
 */
export function recordOutcome(
  proposal: ProposalRow,
  thread: ThreadRow,
  by: Actor,
  outcome: string,
  now = new Date(),
): Result<{ notificationIds: number[] }, ThreadError> {
  if (proposal.closedAt) return fail('proposalClosed')
  if (proposal.closesAt > now) return fail('proposalNotClosed')
  return atomically((tx) => {
    const claimed = tx
      .update(groupProposal)
      .set({ closedAt: now, outcome, outcomeById: by.id, closeAnnouncedAt: now })
      .where(and(eq(groupProposal.id, proposal.id), isNull(groupProposal.closedAt)))
      .returning({ id: groupProposal.id })
      .get()
    if (!claimed) return fail('proposalClosed')
    const ids = notify(tx, activeMemberIds(tx, thread.groupId), {
      kind: 'decision_closed',
      actorId: by.id,
      groupId: thread.groupId,
      threadId: thread.id,
      subjectType: 'group_proposal',
      subjectId: proposal.id,
      titleEn: `Decision recorded in “${thread.title}”`,
      titleAr: `سُجِّل القرار في «${thread.title}»`,
      path: threadPath(thread.groupId, thread.id),
    })
    recordAuditEvent(
      { actorId: by.id, action: 'group.proposal.outcome', targetType: 'group_proposal', targetId: proposal.id },
      tx,
    )
    return ok({ notificationIds: ids })
  })
}
