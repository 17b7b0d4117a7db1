import type { LoaderFunctionArgs } from '@remix-run/node'
import contentDisposition from 'content-disposition'
import { exportFileName, readExportLanguage, responsesXlsx, xlsxMediaType } from '~/features/surveys/export.server'
import { loadQuestionnaire } from '~/features/surveys/questionnaire.server'
import { requireResultsManager } from '~/features/surveys/results-guards.server'

/**
 * GET /surveys/<id>/results.xlsx?lang=en|ar: the submitted responses as a workbook (right to left in Arabic), for
 * coordinators (anyone else who may see the results: 403; who may not: 404). A language other than en or ar is a 400.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { survey } = requireResultsManager(request, params.id)
  const lang = readExportLanguage(request)
  const bytes = await responsesXlsx(loadQuestionnaire(survey.id)!, lang)
  return new Response(bytes, {
    headers: {
      'Content-Type': xlsxMediaType,
      'Content-Disposition': contentDisposition(exportFileName(survey.id, 'responses', lang, 'xlsx'), {
        type: 'attachment',
      }),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  })
}
