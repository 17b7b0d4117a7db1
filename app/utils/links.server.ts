import { getConfig } from './config.server'

/**
 * The site's address for links sent by mail or written into calendars: PUBLIC_URL when set, else the address the
 * request came to, else (no request: the reminder scheduler, scripts) http://localhost:<PORT>.
 */
export function siteBaseUrl(request?: Request) {
  const { PUBLIC_URL, PORT } = getConfig()
  return PUBLIC_URL ?? (request ? new URL(request.url).origin : `http://localhost:${PORT}`)
}

/** An absolute link for mail: PUBLIC_URL when set, else the address the request came to. */
export function absoluteUrl(request: Request, path: string) {
  return new URL(path, siteBaseUrl(request)).toString()
}
