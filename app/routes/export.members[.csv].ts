import { exportMembersCsv } from '~/features/network/popolo/export.server'

/** GET /export/members.csv: the public profiles as a spreadsheet. */
export function loader() {
  return new Response(exportMembersCsv(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="parlnet-members.csv"',
      'Cache-Control': 'public, max-age=300',
    },
  })
}
