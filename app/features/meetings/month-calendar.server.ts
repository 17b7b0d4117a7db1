import type { MeetingCardData } from './meeting-card'
import type { Language } from '~/utils/i18n'
import { localDays } from '~/utils/zoned-time.server'

export type CalendarDay = {
  /** "YYYY-MM-DD" */
  date: string
  day: number
  inMonth: boolean
  isToday: boolean
  meetings: Pick<MeetingCardData, 'id' | 'titleEn' | 'titleAr' | 'state'>[]
}

/** Weeks begin on Monday in English pages and on Saturday in Arabic ones (as in most Arab countries). */
export function weekStart(lang: Language) {
  return lang === 'ar' ? 6 : 1
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

/** The first instant before and after the month's grid, padded by a day so meetings of any zone are caught. */
export function monthRange(month: string, lang: Language) {
  const { start, end } = gridBounds(month, lang)
  return { from: new Date(start.getTime() - 86_400_000), to: new Date(end.getTime() + 2 * 86_400_000) }
}

function gridBounds(month: string, lang: Language) {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 1, 1))
  const last = new Date(Date.UTC(y, m, 0))
  const start = new Date(first)
  start.setUTCDate(first.getUTCDate() - ((first.getUTCDay() - weekStart(lang) + 7) % 7))
  const end = new Date(last)
  end.setUTCDate(last.getUTCDate() + ((weekStart(lang) + 6 - last.getUTCDay() + 7) % 7))
  return { start, end }
}

/**
 * The month as weeks of days, each day with the meetings that take place on it — on the meeting's own local
 * days (a meeting in Doha on 13–15 December is on those three days wherever the viewer is).
 */
export function buildMonthGrid(month: string, lang: Language, meetings: MeetingCardData[], today = new Date()) {
  const byDay = new Map<string, CalendarDay['meetings']>()
  for (const m of meetings) {
    for (const date of localDays(m.startsAt, m.endsAt, m.timeZone)) {
      const list = byDay.get(date) ?? []
      list.push({ id: m.id, titleEn: m.titleEn, titleAr: m.titleAr, state: m.state })
      byDay.set(date, list)
    }
  }
  const { start, end } = gridBounds(month, lang)
  const weeks: CalendarDay[][] = []
  const todayIso = iso(today)
  for (let d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    if ((d.getUTCDay() - weekStart(lang) + 7) % 7 === 0) weeks.push([])
    const date = iso(d)
    weeks[weeks.length - 1]!.push({
      date,
      day: d.getUTCDate(),
      inMonth: date.slice(0, 7) === month,
      isToday: date === todayIso,
      meetings: byDay.get(date) ?? [],
    })
  }
  return weeks
}

/** "YYYY-MM" of the month before or after. */
export function shiftMonth(month: string, by: number) {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return d.toISOString().slice(0, 7)
}
