import type { SessionFormWindow } from './meeting-session-form'
import { listSpeakerChoices, meetingWindow } from './agenda.server'
import { listDocumentChoices } from './documents.server'
import type { MeetingRow } from './meeting.server'
import type { Language } from '~/utils/i18n'
import { formatInZone } from '~/utils/zoned-format'
import { utcToZonedInput } from '~/utils/zoned-time.server'

/** What the session form needs besides its values: the zone, the meeting's days, the speakers and documents offered. */
export function sessionFormContext(m: MeetingRow, lang: Language, currentSpeakers: number[] = []) {
  const w = meetingWindow(m)
  const first = w.days[0] ?? utcToZonedInput(m.startsAt, m.timeZone).slice(0, 10)
  const last = w.days.at(-1) ?? first
  const window: SessionFormWindow = {
    min: `${first}T00:00`,
    max: `${last}T23:59`,
    firstLabel: formatInZone(w.start, lang, m.timeZone, 'date'),
    lastLabel: formatInZone(new Date(w.end.getTime() - 1), lang, m.timeZone, 'date'),
  }
  return {
    timeZone: m.timeZone,
    window,
    speakers: listSpeakerChoices(m.id, lang, currentSpeakers),
    documents: listDocumentChoices(m.id).map((d) => ({
      id: d.id,
      titleEn: d.titleEn,
      titleAr: d.titleAr,
      state: d.state,
    })),
  }
}

/** A new session's default times: the meeting's start, for an hour (so the form opens on its first day). */
export function newSessionDefaults(m: MeetingRow) {
  const end = Math.min(m.startsAt.getTime() + 3600_000, meetingWindow(m).end.getTime())
  return { startsAt: utcToZonedInput(m.startsAt, m.timeZone), endsAt: utcToZonedInput(new Date(end), m.timeZone) }
}
