import type { LoaderFunctionArgs } from '@remix-run/node'
import { canManageSurveys } from '~/features/surveys/access.server'
import { getAnswerFile } from '~/features/surveys/response.server'
import { getUser } from '~/utils/auth.server'
import { fileResponse } from '~/utils/file-response.server'
import { parseId } from '~/utils/ids'

/**
 * GET or HEAD /surveys/<id>/files/<fileId>: a file given as an answer, for the members of the parliament that gave
 * it and for coordinators; anyone else gets 404, as for a file that does not exist.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const surveyId = parseId(params.id)
  const fileId = parseId(params.fileId)
  const user = getUser(request)
  const file = user ? getAnswerFile(surveyId, fileId) : undefined
  const mayRead =
    file && (canManageSurveys(user) || (user?.role === 'member' && user.parliamentId === file.parliamentId))
  if (!file || !mayRead) throw new Response('Not Found', { status: 404 })
  return fileResponse(request, { ...file, isPublic: false })
}
