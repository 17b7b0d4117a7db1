// The signed unsubscribe link of every notification mail (issue 17, RFC 8058): `?u=<user>&k=<kind|daily|weekly>&s=`
// with s = signLink(['unsubscribe', u, k]). It turns off exactly that kind (a digest's link: every kind that goes
// in that digest) without signing in; a forged or altered link changes nothing.
import { eq } from 'drizzle-orm'
import { user } from '#db/schema/index'
import { verifySignedLink } from '~/utils/signed-link.server'
import { atomically } from '~/utils/transaction.server'
import { preferencesOf, setDelivery, isKind } from './preferences.server'
import { digestPeriods, type DigestPeriod, type NotificationKind } from './vocabulary'

export type UnsubscribeLink = { userId: number; target: NotificationKind | DigestPeriod }

/** The link's person and kind if its signature is right (and the person exists), else null. */
export function readUnsubscribeLink(params: URLSearchParams): UnsubscribeLink | null {
  const u = params.get('u') ?? ''
  const k = params.get('k') ?? ''
  if (!/^[1-9]\d{0,9}$/.test(u)) return null
  if (!isKind(k) && !(digestPeriods as readonly string[]).includes(k)) return null
  if (!verifySignedLink(['unsubscribe', u, k], params.get('s'))) return null
  return { userId: Number(u), target: k as NotificationKind | DigestPeriod }
}

/** Sets the link's kind (or its digest's kinds) to never; returns the kinds turned off. */
export function applyUnsubscribe(link: UnsubscribeLink): NotificationKind[] {
  return atomically((tx) => {
    const exists = tx.select({ id: user.id }).from(user).where(eq(user.id, link.userId)).get()
    if (!exists) return []
    const kinds: NotificationKind[] = isKind(link.target)
      ? [link.target]
      : (Object.entries(preferencesOf(tx, link.userId)) as [NotificationKind, string][])
          .filter(([, d]) => d === (link.target as DigestPeriod))
          .map(([k]) => k)
    for (const kind of kinds) setDelivery(tx, link.userId, kind, 'never')
    return kinds
  })
}
