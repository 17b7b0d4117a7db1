import { getConfig } from './config.server'

/** An absolute link for mail: PUBLIC_URL when set, else the address the request came to. */
export function absoluteUrl(request: Request, path: string) {
  const base = getConfig().PUBLIC_URL ?? new URL(request.url).origin
  return new URL(path, base).toString()
}
