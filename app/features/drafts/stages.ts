// The one table of a draft's stage moves (issue 15): preparation → consultation (with a closing date in the
// future) → revision → adopted; revision may go back to consultation (a second round, with a new closing date);
// every stage but the final ones may go to withdrawn. Coordinators and the coordinator in charge move a draft.
import type { DraftStage } from './vocabulary'

export const stageMoves: Record<DraftStage, readonly DraftStage[]> = {
  preparation: ['consultation', 'withdrawn'],
  consultation: ['revision', 'withdrawn'],
  revision: ['consultation', 'adopted', 'withdrawn'],
  adopted: [],
  withdrawn: [],
}

export function canMoveStage(from: DraftStage, to: DraftStage) {
  return stageMoves[from].includes(to)
}

/** A move into consultation opens it until a closing date, which must be in the future. */
export function needsClosingDate(to: DraftStage) {
  return to === 'consultation'
}

/** Adopted and withdrawn drafts are final: nothing in them changes any more. */
export function isFinalStage(stage: DraftStage) {
  return stageMoves[stage].length === 0
}
