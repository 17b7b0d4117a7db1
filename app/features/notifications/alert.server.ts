// Alert runs (issue 17): each saved search with a daily or weekly alert mails, once per period, what newly matches
// since its high-water mark. The period is claimed with a conditional UPDATE of `last_period_key` (and of the mark
// read) in the transaction that queues the mail: a second run, a restart, two processes or a clock moved back never
// mail the same item twice. A period with nothing new is not claimed (what appears later that day still goes).
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm'
import { savedSearch, user } from '#db/schema/index'
import { getDb } from '~/utils/db.server'
import { atomically } from '~/utils/transaction.server'
import { queueAlertMail } from './alert-mail.server'
import { findMatches, newMatches } from './alert-matches.server'
import type { AlertFrequency } from './vocabulary'

/** The period `now` falls in, in UTC: `2026-12-04` for a day, `2026-W49` for an ISO week. */
export function periodKeyOf(frequency: Exclude<AlertFrequency, 'off'>, now: Date) {
  if (frequency === 'daily') return now.toISOString().slice(0, 10)
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const day = d.getUTCDay() || 7
  d.setUTCDate(d.getUTCDate() + 4 - day)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Runs every alert due at `now`; returns how many mails were queued. */
export function runDueAlerts(now = new Date()) {
  const db = getDb()
  const due = db
    .select({
      id: savedSearch.id,
      name: savedSearch.name,
      scope: savedSearch.scope,
      query: savedSearch.query,
      frequency: savedSearch.frequency,
      highWaterMark: savedSearch.highWaterMark,
      lastPeriodKey: savedSearch.lastPeriodKey,
      owner: { id: user.id, role: user.role, parliamentId: user.parliamentId, email: user.email, locale: user.locale },
    })
    .from(savedSearch)
    .innerJoin(user, eq(user.id, savedSearch.userId))
    .where(and(inArray(savedSearch.frequency, ['daily', 'weekly']), eq(user.isActive, true)))
    .all()
  let mailed = 0
  for (const search of due) {
    if (search.frequency === 'off') continue
    const key = periodKeyOf(search.frequency, now)
    if (search.lastPeriodKey === key) continue
    const items = newMatches(
      findMatches(search.scope, search.query, search.owner, search.owner.locale),
      search.highWaterMark,
    )
    if (items.length === 0) continue
    const mark = items[0]!.id
    const sent = atomically((tx) => {
      const claim = tx
        .update(savedSearch)
        .set({ lastPeriodKey: key, highWaterMark: mark, lastRunAt: now })
        .where(
          and(
            eq(savedSearch.id, search.id),
            eq(savedSearch.frequency, search.frequency),
            eq(savedSearch.highWaterMark, search.highWaterMark),
            or(isNull(savedSearch.lastPeriodKey), ne(savedSearch.lastPeriodKey, key)),
          ),
        )
        .run()
      if (claim.changes === 0) return false
      queueAlertMail(tx, search.owner, search, items)
      return true
    })
    if (sent) mailed++
  }
  return mailed
}

const TEN_MINUTES = 10 * 60 * 1000
const globalForAlerts = globalThis as unknown as { __parlnetAlerts?: ReturnType<typeof setInterval> }

/** Runs the alerts now and every 10 minutes beside the reminders (one timer, never keeping the process alive). */
export function startAlertScheduler() {
  const run = () => {
    try {
      const mailed = runDueAlerts()
      if (mailed) console.log(`alerts: mailed ${mailed} saved-search alert(s)`)
    } catch (error) {
      console.error('alerts: the run failed', error)
    }
  }
  run()
  if (globalForAlerts.__parlnetAlerts) clearInterval(globalForAlerts.__parlnetAlerts)
  globalForAlerts.__parlnetAlerts = setInterval(run, TEN_MINUTES)
  globalForAlerts.__parlnetAlerts.unref()
}
