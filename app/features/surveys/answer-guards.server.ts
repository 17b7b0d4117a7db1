// The guards of answering (issue 16), thrown as the response a loader or action answers (decision 011). A response
// the viewer may not see answers 404, so a forged address learns nothing of it: a member sees only their own
// parliament's, and only when the questionnaire was sent to it. Coordinators read responses on the status board
// and in the results; they write none (403 on the answer form).
import { requireRole, requireUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canAnswerFor, canManageSurveys } from './access.server'
import { loadQuestionnaire } from './questionnaire.server'
import { getResponseOf } from './response.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The viewer's parliament's response to the survey of the route's `id`, for a member of that parliament. */
export function requireOwnResponse(request: Request, idParam: string | undefined) {
  // Parsed before anything is read, so that a forged id is a 404 for anyone, signed in or not.
  const id = parseId(idParam)
  const user = requireUser(request)
  const survey = loadQuestionnaire(id)
  if (!survey || survey.status === 'draft') throw notFound()
  if (canManageSurveys(user)) throw forbidden()
  const response = user.parliamentId ? getResponseOf(survey.id, user.parliamentId) : undefined
  if (!response || !canAnswerFor(user, response.parliamentId, true)) throw notFound()
  return {
    user,
    survey,
    response,
    respondent: { id: user.id, name: user.name, parliamentId: response.parliamentId },
  }
}

/** A coordinator, and the survey of the route's `id` (404 when there is none). */
export function requireSurveyCoordinator(request: Request, idParam: string | undefined) {
  const id = parseId(idParam)
  const user = requireRole(request, 'coordinator')
  const survey = loadQuestionnaire(id)
  if (!survey) throw notFound()
  return { user, survey }
}

/** Coordinators review the mechanisms described in answers. */
export function requireProposalReviewer(request: Request) {
  return requireRole(request, 'coordinator')
}
