// The notifications' mail (issue 17): `mailImmediately(ids)` after the commit that made them, for the people whose
// delivery for that kind is "immediately"; every mail carries RFC 8058 List-Unsubscribe headers with a signed link
// that turns off exactly that kind without signing in.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Locale } from '#db/enums'
import { notification, user } from '#db/schema/index'
import type { Tx } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { enqueueMail } from '~/utils/mail.server'
import { signLink } from '~/utils/signed-link.server'
import { atomically } from '~/utils/transaction.server'
import { storedDeliveries } from './preferences.server'
import { defaultDelivery, type DigestPeriod, type NotificationKind } from './vocabulary'

/** The one-click link that sets `kind` (or every kind of a digest period) to never for `userId` (signed). */
export function unsubscribeUrl(userId: number, kind: NotificationKind | DigestPeriod, lang: Locale) {
  const q = new URLSearchParams({ u: String(userId), k: kind, s: signLink(['unsubscribe', userId, kind]) })
  return absoluteUrl(`/unsubscribe?${q}&lang=${lang}`)
}

/** RFC 8058 headers for a mail about `kind`. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

type Row = {
  id: number
  userId: number
  kind: NotificationKind
  titleEn: string
  titleAr: string
  path: string
  email: string
  locale: Locale
}

function mailOne(tx: Tx, n: Row) {
  const t = getFixedT(n.locale, 'notifications')
  const title = (n.locale === 'ar' ? n.titleAr : n.titleEn) || n.titleEn || n.titleAr
  const unsubscribe = unsubscribeUrl(n.userId, n.kind, n.locale)
  const values = {
    title,
    kind: t(`kinds.${n.kind}`),
    link: absoluteUrl(`/${n.locale}${n.path}`),
    centre: absoluteUrl(`/${n.locale}/notifications`),
    unsubscribe,
  }
  enqueueMail(tx, {
    to: n.email,
    locale: n.locale,
    subject: t('mail.subject', values),
    text: t('mail.body', values),
    headers: unsubscribeHeaders(unsubscribe),
  })
}

/**
 * Mails each of these notifications, not mailed yet, whose person wants its kind immediately (an active account),
 * in their language, and marks it mailed. Call after the commit that wrote them; returns how many went out.
 */
export function mailImmediately(ids: readonly number[]): number {
  if (ids.length === 0) return 0
  return atomically((tx) => {
    const rows: Row[] = tx
      .select({
        id: notification.id,
        userId: notification.userId,
        kind: notification.kind,
        titleEn: notification.titleEn,
        titleAr: notification.titleAr,
        path: notification.path,
        email: user.email,
        locale: user.locale,
      })
      .from(notification)
      .innerJoin(user, eq(user.id, notification.userId))
      .where(and(inArray(notification.id, [...ids]), isNull(notification.mailedAt), eq(user.isActive, true)))
      .all()
    let sent = 0
    const byKind = new Map<NotificationKind, Row[]>()
    for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r])
    for (const [kind, list] of byKind) {
      const stored = storedDeliveries(
        tx,
        list.map((r) => r.userId),
        kind,
      )
      const now = new Date()
      for (const r of list) {
        if ((stored.get(r.userId) ?? defaultDelivery[kind]) !== 'immediate') continue
        mailOne(tx, r)
        tx.update(notification).set({ mailedAt: now }).where(eq(notification.id, r.id)).run()
        sent++
      }
    }
    return sent
  })
}
