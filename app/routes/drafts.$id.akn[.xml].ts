import type { LoaderFunctionArgs } from '@remix-run/node'
import contentDisposition from 'content-disposition'
import { aknFileName, exportAkomaNtoso } from '~/features/drafts/akn-export.server'
import { readExportSnapshot } from '~/features/drafts/version-snapshot.server'
import { requireVisibleDraft } from '~/features/drafts/guards.server'

/**
 * GET /drafts/<id>/akn.xml?version=<n>&lang=en|ar: the Akoma Ntoso 3.0 file of a saved version (no version: the
 * working text) in one language (no lang: the draft's original), for whoever may see the draft (anyone else gets the
 * 404 of a draft that does not exist). A malformed version or language is a 400, a version the draft lacks a 404.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const { draft } = requireVisibleDraft(request, params.id)
  const search = new URL(request.url).searchParams
  const snapshot = readExportSnapshot(draft.id, search.get('version'))
  const asked = search.get('lang')
  if (asked !== null && !snapshot.languages.includes(asked)) throw new Response('Bad Request', { status: 400 })
  const lang = asked ?? snapshot.languages[0]!
  return new Response(exportAkomaNtoso(snapshot, lang), {
    headers: {
      'Content-Type': 'application/akn+xml; charset=utf-8',
      'Content-Disposition': contentDisposition(aknFileName(snapshot, lang), { type: 'attachment' }),
      // A draft in preparation is the working group's: never kept by shared caches.
      'Cache-Control': 'private, no-store',
    },
  })
}
