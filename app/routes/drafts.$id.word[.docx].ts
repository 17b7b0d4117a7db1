import type { LoaderFunctionArgs } from '@remix-run/node'
import contentDisposition from 'content-disposition'
import { docxFileName, exportDocx } from '~/features/drafts/docx-export.server'
import { readExportSnapshot } from '~/features/drafts/version-snapshot.server'
import { requireVisibleDraft } from '~/features/drafts/guards.server'

/**
 * GET /drafts/<id>/word.docx?version=<n>: the Word file of a saved version (no version: the working text), both
 * languages side by side, for whoever may see the draft (anyone else: 404). A malformed version is a 400, a version
 * the draft lacks a 404.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { draft } = requireVisibleDraft(request, params.id)
  const snapshot = readExportSnapshot(draft.id, new URL(request.url).searchParams.get('version'))
  // A copy on its own ArrayBuffer: what the Response body's type takes.
  const bytes = new Uint8Array(await exportDocx(snapshot))
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': contentDisposition(docxFileName(snapshot), { type: 'attachment' }),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
    },
  })
}
