import { sql } from 'drizzle-orm'
import { integer } from 'drizzle-orm/sqlite-core'

/** `created_at`, set by SQLite when the row is inserted (seconds since the epoch). */
export const createdAt = () =>
  integer('created_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`)

/** `created_at` and `updated_at` for rows that are edited. */
export const timestamps = () => ({
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp' })
    .notNull()
    .default(sql`(unixepoch())`),
})
