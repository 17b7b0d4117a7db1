import fs from 'node:fs'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { isPhotoVisible, photoPath, photoSizes, type PhotoSize } from '~/features/network/member-photo.server'
import { getUser } from '~/utils/auth.server'

/** GET /photos/<sha256>/<size>: a member's photo, if the viewer may see the profile. */
export function loader({ params, request }: LoaderFunctionArgs) {
  const hash = params.hash ?? ''
  const size = Number(params.size) as PhotoSize
  if (!/^[a-f0-9]{64}$/.test(hash) || !photoSizes.includes(size)) throw new Response('Not Found', { status: 404 })
  if (!isPhotoVisible(hash, Boolean(getUser(request)))) throw new Response('Not Found', { status: 404 })
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(photoPath(hash, size))
  } catch {
    throw new Response('Not Found', { status: 404 })
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, max-age=86400',
    },
  })
}
