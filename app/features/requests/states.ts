import type { RequestState } from '#db/enums'

/**
 * Where a request for technical assistance may go from each state (coordinators move it):
 * submitted → under_review → accepted or declined → in_progress → completed. A request may be declined straight
 * from "submitted", and an accepted one completed without an "in progress" step (a short briefing).
 */
export const requestTransitions: Record<RequestState, readonly RequestState[]> = {
  submitted: ['under_review', 'declined'],
  under_review: ['accepted', 'declined'],
  accepted: ['in_progress', 'completed'],
  declined: [],
  in_progress: ['completed'],
  completed: [],
  withdrawn: [],
}

/** Declined, completed and withdrawn requests are closed: no more messages, no more moves. */
export function isClosedState(state: RequestState) {
  return state === 'declined' || state === 'completed' || state === 'withdrawn'
}

/** The requester's parliament may withdraw a request until work on it starts. */
export function canWithdrawRequest(state: RequestState) {
  return state === 'submitted' || state === 'under_review' || state === 'accepted'
}

export function canMoveRequest(from: RequestState, to: RequestState) {
  return requestTransitions[from].includes(to)
}

/** The states still waiting for the programme office, in the order of the dashboard. */
export const openRequestStates = [
  'submitted',
  'under_review',
  'accepted',
  'in_progress',
] as const satisfies readonly RequestState[]
