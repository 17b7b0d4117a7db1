import type { LoaderFunctionArgs } from '@remix-run/node'
import { getFileForDownload } from '~/features/library/resource-file.server'
import { getUser } from '~/utils/auth.server'
import { fileResponse } from '~/utils/file-response.server'
import { parseId } from '~/utils/ids'

/**
 * GET or HEAD /files/<id>/<name>: a library file, by the rules of its resource. A file the viewer may not see
 * answers 404, the same as one that does not exist (no hint that a members-only file is there). The name in the
 * address is only there so that a saved file keeps it; the stored original name is what is sent.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const user = getUser(request)
  const file = getFileForDownload(id, user && { id: user.id, role: user.role })
  if (!file) throw new Response('Not Found', { status: 404 })
  return fileResponse(request, file)
}
