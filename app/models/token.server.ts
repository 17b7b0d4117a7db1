import { and, eq, gt, isNull } from 'drizzle-orm'
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

/** Stores a new one-time token and returns its secret (to be mailed; only its hash is kept). */
export function createToken(kind: TokenKind, input: TokenInput, now = new Date()) {
  const secret = generateSecret()
  const row = getDb()
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
  return db.select().from(token).where(validWhere(kind, secret, now)).get()
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
