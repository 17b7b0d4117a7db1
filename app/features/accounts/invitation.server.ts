import { and, eq, gt, isNull } from 'drizzle-orm'
import { token, user, type Locale, type Role } from '#db/schema/index'
import { recordAuditEvent } from '~/utils/audit.server'
import { getDb, type Tx } from '~/utils/db.server'
import { absoluteUrl } from '~/utils/links.server'
import { hashPassword } from '~/utils/password.server'
import { fail, ok, type Result } from '~/utils/result'
import { atomically } from '~/utils/transaction.server'
import type { AccountsError } from './errors'
import { sendInvitationMail } from './mail.server'
import { consumeToken, createToken, findValidToken } from './token.server'
import { normalizeEmail } from './user.server'

type InvitationInput = { email: string; role: Role; parliamentId: number | null; locale: Locale }

export function createInvitation(input: InvitationInput & { invitedById: number }, db: Tx = getDb()) {
  return createToken(
    'invitation',
    {
      email: normalizeEmail(input.email),
      role: input.role,
      parliamentId: input.parliamentId,
      locale: input.locale,
      createdById: input.invitedById,
    },
    new Date(),
    db,
  )
}

/**
 * Invites someone: the invitation, its audit row and its mail (in the invitation's language) commit together, so
 * none is lost to a crash between them. The caller has checked who may invite whom (access.server.ts).
 */
export function inviteUser(input: InvitationInput, inviter: { id: number; name: string }) {
  const { email, role, parliamentId, locale } = input
  atomically((tx) => {
    const { secret, token: row } = createInvitation({ ...input, invitedById: inviter.id }, tx)
    recordAuditEvent(
      {
        actorId: inviter.id,
        action: 'invitation.created',
        targetType: 'invitation',
        targetId: row.id,
        details: { email, role, parliamentId },
      },
      tx,
    )
    sendInvitationMail(tx, {
      to: email,
      lang: locale,
      inviter: inviter.name,
      role,
      link: absoluteUrl(`/${locale}/invitations/${secret}`),
    })
  })
}

/** Whether an unexpired, unused invitation is already waiting for this address. */
export function hasPendingInvitation(email: string, now = new Date()) {
  return Boolean(
    getDb()
      .select({ id: token.id })
      .from(token)
      .where(
        and(
          eq(token.kind, 'invitation'),
          eq(token.email, normalizeEmail(email)),
          isNull(token.usedAt),
          gt(token.expiresAt, now),
        ),
      )
      .get(),
  )
}

export type AcceptResult = Result<typeof user.$inferSelect, Extract<AccountsError, 'invalid' | 'emailTaken'>>

/** Uses the invitation and creates the account, with its audit row, in one transaction: all happen or none. */
export async function acceptInvitation(secret: string, input: { name: string; password: string }) {
  const passwordHash = await hashPassword(input.password)
  const db = getDb()
  return db.transaction((tx): AcceptResult => {
    const pending = findValidToken('invitation', secret, new Date(), tx)
    if (!pending) return fail('invalid')
    const taken = tx.select({ id: user.id }).from(user).where(eq(user.email, pending.email)).get()
    if (taken) return fail('emailTaken')
    const invitation = consumeToken('invitation', secret, new Date(), tx)
    if (!invitation) return fail('invalid')
    const created = tx
      .insert(user)
      .values({
        email: invitation.email,
        name: input.name.trim(),
        role: invitation.role ?? 'member',
        parliamentId: invitation.parliamentId,
        locale: invitation.locale,
        passwordHash,
      })
      .returning()
      .get()
    recordAuditEvent(
      { actorId: created.id, action: 'invitation.accepted', targetType: 'user', targetId: created.id },
      tx,
    )
    return ok(created)
  })
}
