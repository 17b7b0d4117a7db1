import { and, eq, gt, isNull, type SQL } from 'drizzle-orm'
import { token, type Locale, type Role, type TokenKind } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import { generateSecret, hashSecret } from '~/utils/secret.server'

const HOUR = 60 * 60 * 1000
export const TOKEN_LIFETIME: Record<TokenKind, number> = {
  invitation: 7 * 24 * HOUR,
  password_reset: HOUR,
}

export type TokenInput = {
  email: string
  role?: Role | null
  parliamentId?: number | null
  locale?: Locale
  userId?: number | null
  createdById?: number | null
}

/**
 * Stores a new one-time token and returns its secret (to be mailed; only its hash is kept). It supersedes the
 * outstanding tokens of its kind for the same account (resets) or address (invitations): only the newest link works.
 */
export function createToken(kind: TokenKind, input: TokenInput, now = new Date(), db: Tx = getDb()) {
  const secret = generateSecret()
  // No await between the two statements, so no other request can slip a token in between them.
  voidTokens(kind, input.userId ? eq(token.userId, input.userId) : eq(token.email, input.email), now, db)
  const row = db
    .insert(token)
    .values({
      kind,
      tokenHash: hashSecret(secret),
      email: input.email,
      role: input.role ?? null,
      parliamentId: input.parliamentId ?? null,
      locale: input.locale ?? 'en',
      userId: input.userId ?? null,
      createdById: input.createdById ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME[kind]),
    })
    .returning()
    .get()
  return { secret, token: row }
}

/** Ends the outstanding (unused, unexpired) tokens of a kind that match `which`; returns how many. */
export function voidTokens(kind: TokenKind, which: SQL | undefined, now = new Date(), db: Tx = getDb()) {
  return db
    .update(token)
    .set({ usedAt: now })
    .where(and(eq(token.kind, kind), which, isNull(token.usedAt), gt(token.expiresAt, now)))
    .run().changes
}

/**
 * Ends every outstanding link that acts for an account: its reset links (after a password change or reset, or
 * when it is deactivated) and, with `invitations`, the invitations it sent (a deactivated inviter's stay unusable).
 */
export function voidAccountTokens(
  userId: number,
  options: { invitations?: boolean } = {},
  now = new Date(),
  db: Tx = getDb(),
) {
  const resets = voidTokens('password_reset', eq(token.userId, userId), now, db)
  const invitations = options.invitations ? voidTokens('invitation', eq(token.createdById, userId), now, db) : 0
  return resets + invitations
}

function validWhere(kind: TokenKind, secret: string, now: Date) {
  return and(
    eq(token.kind, kind),
    eq(token.tokenHash, hashSecret(secret)),
    isNull(token.usedAt),
    gt(token.expiresAt, now),
  )
}

/** The token if it is unused and unexpired, without using it (to show a form). */
export function findValidToken(kind: TokenKind, secret: string, now = new Date(), db: Tx = getDb()) {
  if (!/^[a-z2-7]{32}$/.test(secret)) return undefined
  return db
    .select()
    .from(token)
    .where(validWhere(kind, secret, now))
    .get()
}

/**
 * Marks the token used and returns it, or undefined when it is unknown, used or expired. A single UPDATE
 * makes it single-use even when two requests race for it.
 */
export function consumeToken(kind: TokenKind, secret: string, now = new Date(), db: Tx = getDb()) {
  if (!/^[a-z2-7]{32}$/.test(secret)) return undefined
  return db
    .update(token)
    .set({ usedAt: now })
    .where(validWhere(kind, secret, now))
    .returning()
    .get()
}
