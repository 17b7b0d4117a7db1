import { getConfig, type Config } from './config.server'

/**
 * The site's address for every link sent by mail or written into a calendar: PUBLIC_URL, else
 * http://localhost:<PORT>. Never the request's Host or X-Forwarded-Host: a stranger can forge both and would get
 * the victim's reset link mailed to their own site (docs/decisions/020-links-from-configuration.md).
 */
export function siteBaseUrl() {
  const { PUBLIC_URL, PORT } = getConfig()
  return PUBLIC_URL ? new URL(PUBLIC_URL).origin : `http://localhost:${PORT}`
}

/** An absolute link for mail or a calendar, on siteBaseUrl(). */
export function absoluteUrl(path: string) {
  return new URL(path, siteBaseUrl()).toString()
}

/** The one line printed at start-up when PUBLIC_URL is unset (mailed links then point to this machine), or null. */
export function publicUrlWarning(config: Config = getConfig()) {
  if (config.PUBLIC_URL) return null
  return `warning: PUBLIC_URL is unset, so links in mail and calendars point to http://localhost:${config.PORT} (set PUBLIC_URL to the public address)`
}
