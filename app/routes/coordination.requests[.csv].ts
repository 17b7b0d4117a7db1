import type { LoaderFunctionArgs } from '@remix-run/node'
import { listRequestsForExport } from '~/features/coordination/coordination.server'
import { requestsCsv, requestsCsvFileName } from '~/features/coordination/requests-csv.server'
import { recordRequestsExport } from '~/features/requests/actions.server'
import { requireRequestOfficeForFile } from '~/features/requests/guards.server'

/**
 * GET /coordination/requests.csv?lang=ar|en: every request for technical assistance, for coordinators. A file,
 * not a page: anyone else (a visitor too) gets a bare 403 rather than a sign-in page. Each export is audited.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireRequestOfficeForFile(request)
  const lang = new URL(request.url).searchParams.get('lang') === 'ar' ? 'ar' : 'en'
  const now = new Date()
  const rows = listRequestsForExport()
  recordRequestsExport(user, { lang, rows: rows.length })
  return new Response(requestsCsv(rows, lang, now), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${requestsCsvFileName(now)}"`,
      'Cache-Control': 'no-store',
    },
  })
}
