import { exportPopolo } from '~/features/network/popolo/export.server'

/** GET /export/popolo.json: the public profiles of the network in the Popolo format. */
export function loader() {
  return new Response(JSON.stringify(exportPopolo(), null, 1), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'inline; filename="parlnet-popolo.json"',
      'Cache-Control': 'public, max-age=300',
    },
  })
}
