import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, timestamps } from './columns'
import { parliament } from './network'
import { locales, roles, tokenKinds } from '../enums'

export const user = sqliteTable(
  'user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased and trimmed; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull().default('member'),
    parliamentId: integer('parliament_id').references(() => parliament.id, {
      onDelete: 'set null',
    }),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    passwordHash: text('password_hash').notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('user_email_idx').on(t.email),
    index('user_parliament_id_idx').on(t.parliamentId),
    index('user_role_idx').on(t.role),
  ],
)

/** A signed-in browser. The id is the SHA-256 (hex) of the cookie's token; the token itself is never stored. */
export const session = sqliteTable(
  'session',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('session_user_id_idx').on(t.userId)],
)

/** One-time links (invitations and password resets), stored hashed, single use, expiring. */
export const token = sqliteTable(
  'token',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: tokenKinds }).notNull(),
    /** SHA-256 (hex) of the secret sent by mail. */
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    /** Invitations: the role and parliament the new account gets. */
    role: text('role', { enum: roles }),
    parliamentId: integer('parliament_id').references(() => parliament.id, {
      onDelete: 'set null',
    }),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    /** Password resets: the account. */
    userId: integer('user_id').references(() => user.id, { onDelete: 'cascade' }),
    createdById: integer('created_by_id').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('token_token_hash_idx').on(t.tokenHash), index('token_email_idx').on(t.email)],
)
