// Who may see and do what with questionnaires (issue 16). Pure rules over facts the caller has loaded; the routes'
// guards call them first in every loader and action, and the list's queries repeat them in their WHERE clauses.
import type { Role } from '#db/enums'
import { hasRole } from '~/utils/auth.server'

export type SurveyViewer = { id: number; role: Role; parliamentId: number | null } | null
export type SurveyFacts = { status: 'draft' | 'open' | 'closed'; resultsPublishedAt: Date | null }

/** Coordinators (and admins) build, send, reopen, and read free text and per-parliament answers. */
export function canManageSurveys(viewer: SurveyViewer) {
  return hasRole(viewer, 'coordinator')
}

/**
 * A member answers for their own parliament only, and only when that parliament was sent the questionnaire
 * (`invitedParliamentIds` holds the parliaments with a response row). Coordinators write no response.
 */
export function canAnswerFor(viewer: SurveyViewer, parliamentId: number, invited: boolean) {
  return Boolean(viewer && viewer.role === 'member' && viewer.parliamentId === parliamentId && invited)
}

/** Results: coordinators always; anyone else (visitors too) once they are published, as aggregates only. */
export function canSeeResults(s: SurveyFacts, viewer: SurveyViewer) {
  return canManageSurveys(viewer) || (s.status !== 'draft' && s.resultsPublishedAt !== null)
}

/** Only aggregates for those who do not manage surveys: no free text, no per-parliament answers, small cells hidden. */
export function seesOnlyAggregates(viewer: SurveyViewer) {
  return !canManageSurveys(viewer)
}
