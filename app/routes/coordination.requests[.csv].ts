import type { LoaderFunctionArgs } from '@remix-run/node'
import { recordAuditEvent } from '~/utils/audit.server'
import { listRequestsForExport } from '~/features/coordination/coordination.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { requestsCsv, requestsCsvFileName } from '~/features/coordination/requests-csv.server'

/**
 * GET /coordination/requests.csv?lang=ar|en: every request for technical assistance, for coordinators. A file,
 * not a page: anyone else (a visitor too) gets a bare 403 rather than a sign-in page. Each export is audited.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request)
  if (!user || !hasRole(user, 'coordinator')) throw new Response('Forbidden', { status: 403 })
  const lang = new URL(request.url).searchParams.get('lang') === 'ar' ? 'ar' : 'en'
  const now = new Date()
  const rows = listRequestsForExport()
  recordAuditEvent({ actorId: user.id, action: 'coordination.export_requests', details: { lang, rows: rows.length } })
  return new Response(requestsCsv(rows, lang, now), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${requestsCsvFileName(now)}"`,
      'Cache-Control': 'no-store',
    },
  })
}
