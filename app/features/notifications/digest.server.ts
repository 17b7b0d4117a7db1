// Daily and weekly digests (issue 17): for each person whose delivery for some kinds is that period, one mail per
// period listing everything unread and not yet mailed. The (person, period, key) row in digest_sent is claimed
// before the mail is queued, in the same transaction, so a second run — after a restart — sends nothing; a key
// not after the newest one already claimed (a clock moved back) sends nothing either.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Locale } from '#db/enums'
import { digestSent, notification, notificationPreference, user } from '#db/schema/index'
import { getDb, type Tx } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { enqueueMail } from '~/utils/mail.server'
import { atomically } from '~/utils/transaction.server'
import { unsubscribeHeaders, unsubscribeUrl } from './mail.server'
import { defaultDelivery, notificationKinds, type DigestPeriod } from './vocabulary'

/** `2026-12-04` for a day, `2026-W49` for an ISO week (UTC). Both sort in time order. */
export function periodKey(period: DigestPeriod, now: Date): string {
  if (period === 'daily') return now.toISOString().slice(0, 10)
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const day = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - day)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

const deliveryOf = sql.raw(
  `CASE n.kind ${notificationKinds.map((k) => `WHEN '${k}' THEN '${defaultDelivery[k]}'`).join(' ')} END`,
)

type Pending = { id: number; userId: number; titleEn: string; titleAr: string; path: string }

const MAX_LISTED = 50

/** Runs one period's digests at `now`; returns how many mails were queued. */
export function sendDigests(period: DigestPeriod, now: Date = new Date()): number {
  const key = periodKey(period, now)
  return atomically((tx) => {
    // Everything unread and unmailed whose person wants its kind in this period's digest, still visible to them.
    const rows = getDb().all<{
      id: number
      userId: number
      titleEn: string
      titleAr: string
      path: string
    }>(sql`SELECT n.id AS id, n.user_id AS userId, n.title_en AS titleEn, n.title_ar AS titleAr, n.path AS path
      FROM ${notification} n
      LEFT JOIN ${notificationPreference} p ON p.user_id = n.user_id AND p.kind = n.kind
      WHERE n.mailed_at IS NULL AND n.read_at IS NULL
        AND COALESCE(p.delivery, ${deliveryOf}) = ${period}
        AND ${sql.raw(stillVisibleAlias)}
      ORDER BY n.user_id, n.id DESC`)
    const byUser = new Map<number, Pending[]>()
    for (const r of rows) {
      const list = byUser.get(r.userId)
      if (list) list.push(r)
      else byUser.set(r.userId, [r])
    }
    if (byUser.size === 0) return 0
    const people = new Map<number, { email: string; locale: Locale }>()
    const ids = [...byUser.keys()]
    for (let i = 0; i < ids.length; i += 500) {
      for (const u of tx
        .select({ id: user.id, email: user.email, locale: user.locale })
        .from(user)
        .where(and(inArray(user.id, ids.slice(i, i + 500)), eq(user.isActive, true)))
        .all())
        people.set(u.id, u)
    }
    const latest = new Map<number, string>()
    for (const r of getDb().all<{ userId: number; k: string }>(
      sql`SELECT user_id AS userId, MAX(period_key) AS k FROM ${digestSent} WHERE period = ${period} GROUP BY user_id`,
    ))
      latest.set(r.userId, r.k)
    const now2 = new Date()
    let sent = 0
    for (const [userId, items] of byUser) {
      const person = people.get(userId)
      if (!person) continue
      const last = latest.get(userId)
      if (last && last >= key) continue
      const claimed = tx
        .insert(digestSent)
        .values({ userId, period, periodKey: key, count: items.length })
        .onConflictDoNothing()
        .run().changes
      if (!claimed) continue
      queueDigest(tx, period, userId, person, items)
      const itemIds = items.map((i) => i.id)
      for (let i = 0; i < itemIds.length; i += 500)
        tx.update(notification)
          .set({ mailedAt: now2 })
          // By id alone (read unmailed in this same IMMEDIATE transaction): with `mailed_at IS NULL` SQLite picks the
          // unmailed index and scans every pending row per person.
          .where(inArray(notification.id, itemIds.slice(i, i + 500)))
          .run()
      sent++
    }
    return sent
  })
}

// The same condition as stillVisible, on the alias `n` of the raw query above.
const stillVisibleAlias = `(n.group_id IS NULL
  OR EXISTS (SELECT 1 FROM work_group g WHERE g.id = n.group_id AND g.access = 'open')
  OR EXISTS (SELECT 1 FROM group_member m WHERE m.group_id = n.group_id AND m.user_id = n.user_id AND m.state = 'active'))`

function queueDigest(
  tx: Tx,
  period: DigestPeriod,
  userId: number,
  person: { email: string; locale: Locale },
  items: Pending[],
) {
  const lang = person.locale
  const t = getFixedT(lang, 'notifications')
  const lines = items
    .slice(0, MAX_LISTED)
    .map(
      (i) =>
        `- ${(lang === 'ar' ? i.titleAr : i.titleEn) || i.titleEn || i.titleAr}\n  ${absoluteUrl(`/${lang}${i.path}`)}`,
    )
  if (items.length > MAX_LISTED) lines.push(t('digest.more', { count: items.length - MAX_LISTED }))
  const unsubscribe = unsubscribeUrl(userId, period, lang)
  enqueueMail(tx, {
    to: person.email,
    locale: lang,
    subject: t(`digest.subject.${period}`, { count: items.length }),
    text: t('digest.body', {
      count: items.length,
      list: lines.join('\n'),
      centre: absoluteUrl(`/${lang}/notifications`),
      preferences: absoluteUrl(`/${lang}/account/notifications`),
      unsubscribe,
    }),
    headers: unsubscribeHeaders(unsubscribe),
  })
}

/** Both periods at `now` (the scheduler and scripts/send-reminders.ts call this). */
export function sendDueDigests(now: Date = new Date()) {
  return { daily: sendDigests('daily', now), weekly: sendDigests('weekly', now) }
}

const TEN_MINUTES = 10 * 60 * 1000
const g = globalThis as { __parlnetDigests?: ReturnType<typeof setInterval> }

/** Every 10 minutes, beside the meetings' and questionnaires' reminders: a period's digest goes once. */
export function startDigestScheduler() {
  const run = () => {
    try {
      const { daily, weekly } = sendDueDigests()
      if (daily || weekly) console.log(`digests: queued ${daily} daily and ${weekly} weekly digest(s)`)
    } catch (error) {
      console.error('digests: the run failed', error)
    }
  }
  run()
  if (g.__parlnetDigests) clearInterval(g.__parlnetDigests)
  g.__parlnetDigests = setInterval(run, TEN_MINUTES)
  g.__parlnetDigests.unref()
}
