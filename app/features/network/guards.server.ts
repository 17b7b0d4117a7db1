// The network's require… guards (decision 011): a route's loader or action calls one first; it throws the 403/404.
import { redirect } from '@remix-run/node'
import { getUser, hasRole, requireRole, requireUser } from '~/utils/auth.server'
import type { Language } from '~/utils/i18n'
import { parseId } from '~/utils/ids'
import { canEditMechanism, canEditMember } from './access.server'
import { getMechanism } from './mechanism.server'
import { getMemberByUserId, getMemberForEdit, getMemberProfile } from './member.server'
import { getParliament, parliamentExists } from './parliament.server'

const notFound = () => new Response('Not Found', { status: 404 })
const forbidden = () => new Response('Forbidden', { status: 403 })

/** The profile of the `id` parameter as this viewer may see it: a members-only one does not exist for a visitor
 * (404, not 403: its existence is not revealed). */
export function requireVisibleMember(request: Request, idParam: string | undefined) {
  const user = getUser(request)
  const found = getMemberProfile(parseId(idParam), Boolean(user))
  if (!found) throw notFound()
  return { user, ...found }
}

/** The profile of the `id` parameter, if the signed-in user may edit it: 404 when there is none, else 403. */
export function requireEditableMember(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const target = getMemberForEdit(parseId(idParam))
  if (!target) throw notFound()
  if (!canEditMember(user, target)) throw forbidden()
  return { user, target }
}

/**
 * Who creates a profile: coordinators anyone's; a member their own, once, in the parliament of their account
 * (never one they post; null when the account has none). A member who has a profile is sent to edit it.
 */
export function requireMemberAuthor(request: Request, lang: Language) {
  const user = requireUser(request)
  if (hasRole(user, 'coordinator')) return { user, who: { kind: 'coordinator' as const } }
  const own = getMemberByUserId(user.id)
  if (own) throw redirect(`/${lang}/members/${own.id}/edit`)
  return { user, who: { kind: 'self' as const, parliamentId: user.parliamentId } }
}

/** The mechanism of the `id` parameter, if this user may edit it: 404 when there is none, 403 when it is another parliament's. */
export function requireEditableMechanism(request: Request, idParam: string | undefined) {
  const user = requireUser(request)
  const mechanism = getMechanism(parseId(idParam))
  if (!mechanism) throw notFound()
  if (!canEditMechanism(user, mechanism)) throw forbidden()
  return { user, mechanism }
}

/**
 * Who adds a mechanism, and to which parliament: coordinators to the one they choose (`own` null); a
 * member to their account's own, never one they post; a member with no parliament may not add (403).
 */
export function requireMechanismAuthor(request: Request) {
  const user = requireUser(request)
  if (hasRole(user, 'coordinator')) return { user, own: null }
  if (!user.parliamentId || !parliamentExists(user.parliamentId)) throw forbidden()
  return { user, own: user.parliamentId }
}

/** The parliament of the `id` parameter, for everyone to see: 404 when there is none. */
export function requireParliament(idParam: string | undefined) {
  const parliament = getParliament(parseId(idParam))
  if (!parliament) throw notFound()
  return parliament
}

/** The parliament of the `id` parameter, for a coordinator to edit: 403 for anyone else, 404 when there is none. */
export function requireEditableParliament(request: Request, idParam: string | undefined) {
  const user = requireRole(request, 'coordinator')
  return { user, parliament: requireParliament(idParam) }
}
