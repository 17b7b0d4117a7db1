import path from 'node:path'
import { z } from '~/utils/zod'

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true')

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  /** smtp://user:pass@host:587 or smtps://…; unset keeps mail in the outbox table. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('ParlNet <no-reply@parlnet.localhost>'),
  /** The public address: the only source of links in mail and calendars (unset: http://localhost:PORT, with a warning). */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  /** Load the demo data into an empty database on start. */
  DEMO: flag.default(true),
  LOG_REQUESTS: flag.default(true),
  /** Keep the pages anonymous visitors see for 2 s (server/page-cache.mjs). */
  PAGE_CACHE: flag.default(true),
  /** The largest file the library accepts, in megabytes. */
  MAX_UPLOAD_MB: z.coerce
    .number({ error: 'must be a number of megabytes' })
    .positive('must be more than 0')
    .max(10240, 'must be at most 10240')
    .default(200),
})

export type Config = z.infer<typeof ConfigSchema>

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "unset", as in most twelve-factor apps.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const result = ConfigSchema.safeParse(cleaned)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    const value = env[name]
    // JSON.stringify escapes line breaks and control characters, so the message stays on one line.
    const shown = name === 'SMTP_URL' ? '' : ` (got ${JSON.stringify(String(value).slice(0, 40))})`
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`)
  }
  return result.data
}

let cached: Config | undefined

export function getConfig(): Config {
  cached ??= parseConfig(process.env)
  return cached
}

export function getDatabasePath(config: Config = getConfig()) {
  return path.resolve(config.DATA_DIR, 'portal.db')
}
