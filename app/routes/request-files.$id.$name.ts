import type { LoaderFunctionArgs } from '@remix-run/node'
import { canViewRequest } from '~/features/requests/access.server'
import { getRequestFile } from '~/features/requests/request.server'
import { getUser } from '~/utils/auth.server'
import { fileResponse } from '~/utils/file-response.server'
import { parseId } from '~/utils/ids'

/**
 * GET or HEAD /request-files/<id>/<name>: an attachment of a request for technical assistance, for the members of
 * the request's parliament and the coordinators only. Anyone else — visitors included — gets 404, as for a file
 * that does not exist. Never cached by shared caches.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const user = getUser(request)
  const file = getRequestFile(parseId(params.id))
  if (!file || !canViewRequest(file, user)) throw new Response('Not Found', { status: 404 })
  return fileResponse(request, { ...file, isPublic: false })
}
