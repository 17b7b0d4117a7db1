import type { LoaderFunctionArgs } from '@remix-run/node'
import contentDisposition from 'content-disposition'
import { exportFileName, readExportLanguage, responsesCsv } from '~/features/surveys/export.server'
import { loadQuestionnaire } from '~/features/surveys/questionnaire.server'
import { requireResultsManager } from '~/features/surveys/results-guards.server'

/**
 * GET /surveys/<id>/results.csv?lang=en|ar: the submitted responses, one row per parliament, for coordinators (anyone
 * else who may see the results: 403; who may not: 404). A language other than en or ar is a 400.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const { survey } = requireResultsManager(request, params.id)
  const lang = readExportLanguage(request)
  const body = new TextEncoder().encode(responsesCsv(loadQuestionnaire(survey.id)!, lang))
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(exportFileName(survey.id, 'responses', lang, 'csv'), {
        type: 'attachment',
      }),
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'private, no-store',
    },
  })
}
