// The route guards of the builder's pages: each throws the response a loader or action answers (decision 011). A
// questionnaire the viewer may not see answers 404 (a forged address learns nothing, a visitor included); one they
// see (their parliament was sent it, or its results are published) but may not build answers 403.
import { and, eq } from 'drizzle-orm'
import { surveyResponse } from '#db/schema/index'
import { getUser, requireRole } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { parseId } from '~/utils/ids'
import type { SessionUser } from '~/utils/session.server'
import { canAnswerFor, canManageSurveys, canSeeResults } from './access.server'
import { getSurvey, type SurveyRow } from './questionnaire.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

export type OwnResponse = typeof surveyResponse.$inferSelect

/** The response of the viewer's parliament to a questionnaire that was sent, if there is one. */
export function ownResponse(s: SurveyRow, user: SessionUser | null): OwnResponse | null {
  if (!user?.parliamentId || s.status === 'draft') return null
  return (
    getDb()
      .select()
      .from(surveyResponse)
      .where(and(eq(surveyResponse.surveyId, s.id), eq(surveyResponse.parliamentId, user.parliamentId)))
      .get() ?? null
  )
}

/** Who may see a questionnaire's overview: coordinators, members of a parliament sent it, anyone once published. */
function visibility(s: SurveyRow, user: SessionUser | null) {
  const response = ownResponse(s, user)
  const answers = Boolean(user && response && canAnswerFor(user, response.parliamentId, true))
  return { response, answers, visible: canManageSurveys(user) || answers || canSeeResults(s, user) }
}

/** The questionnaire of a route's `id`, for whoever may see it, with the viewer's own parliament's response. */
export function requireVisibleSurvey(request: Request, idParam: string | undefined) {
  const user = getUser(request)
  const s = getSurvey(parseId(idParam))
  if (!s) throw notFound()
  const seen = visibility(s, user)
  if (!seen.visible) throw notFound()
  return { user, survey: s, response: seen.response, answers: seen.answers }
}

/** Coordinators create questionnaires (a visitor is sent to sign in, a member gets 403). */
export function requireSurveyCreator(request: Request) {
  return requireRole(request, 'coordinator')
}

/** Coordinators build, preview and send a questionnaire; others get 404, or 403 if they may see it. */
export function requireSurveyManager(
  request: Request,
  idParam: string | undefined,
): { user: SessionUser; survey: SurveyRow } {
  const user = getUser(request)
  const s = getSurvey(parseId(idParam))
  if (!s) throw notFound()
  if (user && canManageSurveys(user)) return { user, survey: s }
  if (!user || !visibility(s, user).visible) throw notFound()
  throw forbidden()
}
