// The route guards of a questionnaire's results (issue 16 §3), thrown as responses (decision 011). Results the
// viewer may not see answer 404 (a forged address learns nothing, not even that the questionnaire exists); the
// exports and the publication actions are for coordinators: anyone else who may see the results gets a 403.
import { getUser } from '~/utils/auth.server'
import { parseId } from '~/utils/ids'
import { canManageSurveys, canSeeResults } from './access.server'
import { getSurvey } from './questionnaire.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The questionnaire of the route's `id` for anyone who may see its results (a visitor too, once published). */
export function requireResultsViewer(request: Request, idParam: string | undefined) {
  const user = getUser(request)
  const survey = getSurvey(parseId(idParam))
  if (!survey || !canSeeResults(survey, user)) throw notFound()
  return { user, survey }
}

/** Coordinators only: the per-parliament exports and the publication actions. */
export function requireResultsManager(request: Request, idParam: string | undefined) {
  const { user, survey } = requireResultsViewer(request, idParam)
  if (!user || !canManageSurveys(user)) throw forbidden()
  return { user, survey }
}
