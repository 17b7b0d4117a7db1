import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import type { AgendaSession, AgendaSpeaker, MeetingAgendaData } from './agenda.server'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { formatInZone, zoneOffsetLabel } from '~/utils/zoned-format'
import { isKnownTimeZone } from '~/utils/validation/time-zone'
import agendaStyles from '~/styles/meeting-agenda.css?url'

export type { AgendaResource, AgendaSession, AgendaSpeaker, MeetingAgendaData } from './agenda.server'

/** The stylesheet of the agenda and the documents list: add it to the route's `links`. */
export const agendaStylesheet = { rel: 'stylesheet', href: agendaStyles } as const

// "YYYY-MM-DD" of an instant in a zone, to group sessions by local day (en-CA formats dates that way).
const dayKeyFormats = new Map<string, Intl.DateTimeFormat>()
function dayKey(instant: number, zone: string) {
  let f = dayKeyFormats.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    dayKeyFormats.set(zone, f)
  }
  return f.format(instant)
}

/** Left-to-right names ("Asia/Qatar", "GMT+3") inside a sentence of either direction, kept in one piece. */
export function isolate(text: string) {
  return `\u2068${text}\u2069`
}

type Day = { key: string; first: number; sessions: (AgendaSession & { start: number; end: number })[] }

/** The sessions by local day in `zone` (they come sorted by start). */
export function groupSessionsByDay(agenda: MeetingAgendaData, zone: string): Day[] {
  const days: Day[] = []
  for (const s of agenda) {
    const start = Date.parse(s.startsAt)
    const end = Date.parse(s.endsAt)
    const key = dayKey(start, zone)
    const day = days.at(-1)
    if (day && day.key === key) day.sessions.push({ ...s, start, end })
    else days.push({ key, first: start, sessions: [{ ...s, start, end }] })
  }
  return days
}

/**
 * A meeting's agenda, day by day. Rendered on the server in the meeting's zone; once the page runs its
 * script, a toggle shows the times (and the days) in the viewer's own zone instead. `actions` adds controls
 * to each session (the coordinators' editor).
 */
export function MeetingAgenda({
  agenda,
  timeZone,
  lang,
  title,
  actions,
}: {
  agenda: MeetingAgendaData
  timeZone: string
  lang: Language
  /** The section's heading (h2); "Agenda" by default. */
  title?: string
  actions?: (session: AgendaSession) => ReactNode
}) {
  const { t } = useTranslation('agenda')
  // Unknown until the browser runs the effect: the first render matches the server's (no hydration mismatch).
  const [viewerZone, setViewerZone] = useState<string | null>(null)
  const [mine, setMine] = useState(false)
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    if (zone && zone !== timeZone && isKnownTimeZone(zone)) setViewerZone(zone)
  }, [timeZone])
  const zone = mine && viewerZone ? viewerZone : timeZone
  const days = groupSessionsByDay(agenda, zone)
  const offsets = new Set(days.map((d) => zoneOffsetLabel(d.first, zone)))
  const firstInstant = days[0]?.first ?? Date.now()
  return (
    <section className="agenda" aria-labelledby="agenda-title">
      <div className="agenda__head">
        <h2 id="agenda-title">{title ?? t('display.title')}</h2>
        {agenda.length ? (
          <p className="agenda__zone" aria-live="polite">
            {t('display.zone', {
              zone: isolate(zone),
              offset: isolate(offsets.size > 1 ? [...offsets].join(' / ') : zoneOffsetLabel(firstInstant, zone)),
            })}
          </p>
        ) : null}
        {viewerZone && agenda.length ? (
          <button
            type="button"
            className="button button--quiet button--small agenda__switch"
            aria-pressed={mine}
            onClick={() => setMine((v) => !v)}
          >
            {t('display.myZone', { zone: isolate(viewerZone) })}
          </button>
        ) : null}
      </div>
      {agenda.length ? (
        days.map((day) => (
          <section key={day.key} className="agenda-day" aria-labelledby={`agenda-day-${day.key}`}>
            <h3 id={`agenda-day-${day.key}`} className="agenda-day__title">
              {formatInZone(day.first, lang, zone, 'weekday')}
              {offsets.size > 1 ? (
                <span className="agenda-day__offset">
                  {' '}
                  {t('display.dayOffset', { offset: isolate(zoneOffsetLabel(day.first, zone)) })}
                </span>
              ) : null}
            </h3>
            <ol className="agenda-day__sessions">
              {day.sessions.map((s) => (
                <SessionItem key={s.id} session={s} dayKey={day.key} zone={zone} lang={lang} actions={actions} />
              ))}
            </ol>
          </section>
        ))
      ) : (
        <p className="muted">{t('display.empty')}</p>
      )}
    </section>
  )
}

function SessionItem({
  session: s,
  dayKey: key,
  zone,
  lang,
  actions,
}: {
  session: AgendaSession & { start: number; end: number }
  dayKey: string
  zone: string
  lang: Language
  actions?: (session: AgendaSession) => ReactNode
}) {
  const { t } = useTranslation(['agenda', 'library'])
  const title = pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang)
  const description = pickLanguage({ en: s.descriptionEn, ar: s.descriptionAr }, lang)
  // An end on another local day (a session past midnight in the viewer's zone) shows its date too.
  const endStyle = dayKey(s.end, zone) === key ? 'time' : 'dateTime'
  const titleId = `session-${s.id}-title`
  return (
    <li className="agenda-session" id={`session-${s.id}`}>
      <p className="agenda-session__time">
        {t('display.time', {
          start: formatInZone(s.start, lang, zone, 'time'),
          end: formatInZone(s.end, lang, zone, endStyle),
        })}
      </p>
      <div className="agenda-session__body">
        <h4 id={titleId} className="agenda-session__title" lang={title.lang} dir={title.lang ? 'auto' : undefined}>
          {title.text}
        </h4>
        {s.room ? (
          <p className="agenda-session__room">
            {t('display.roomLabel')}{' '}
            <span dir="auto" lang={textLanguage(s.room, lang)}>
              {s.room}
            </span>
          </p>
        ) : null}
        {description.text ? (
          <div
            className="agenda-session__description"
            lang={description.lang}
            dir={description.lang ? 'auto' : undefined}
          >
            {description.text.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : null}
        {s.speakers.length ? (
          <div className="agenda-session__list">
            <p className="agenda-session__label" id={`session-${s.id}-speakers`}>
              {t('display.speakers')}
            </p>
            <ul aria-labelledby={`session-${s.id}-speakers`}>
              {s.speakers.map((sp, i) => (
                <li key={i}>
                  <Speaker speaker={sp} lang={lang} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {s.resources.length ? (
          <div className="agenda-session__list">
            <p className="agenda-session__label" id={`session-${s.id}-documents`}>
              {t('display.documents')}
            </p>
            <ul aria-labelledby={`session-${s.id}-documents`}>
              {s.resources.map((r) => (
                <li key={r.id}>
                  <a href={`/${lang}/resources/${r.id}`}>
                    <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                  </a>{' '}
                  <span className="muted">({t(`types.${r.type}`, { ns: 'library' })})</span>
                  {r.visibility === 'members' ? (
                    <span className="badge badge--members">{t('display.membersOnly')}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {actions ? <div className="agenda-session__actions">{actions(s)}</div> : null}
      </div>
    </li>
  )
}

/** A speaker: the name (a link to a member's profile), then the affiliation on a line of its own (no mixing of
 * directions within one line when an English name meets an Arabic page). */
function Speaker({ speaker: sp, lang }: { speaker: AgendaSpeaker; lang: Language }) {
  const name =
    sp.kind === 'external' ? (
      <span dir="auto" lang={textLanguage(sp.name, lang)}>
        {sp.name}
      </span>
    ) : sp.memberId !== null ? (
      <a href={`/${lang}/members/${sp.memberId}`}>
        <BilingualText en={sp.nameEn} ar={sp.nameAr} lang={lang} />
      </a>
    ) : (
      <BilingualText en={sp.nameEn} ar={sp.nameAr} lang={lang} />
    )
  const affiliation =
    sp.kind === 'external' ? (
      sp.affiliation ? (
        <span dir="auto" lang={textLanguage(sp.affiliation, lang)}>
          {sp.affiliation}
        </span>
      ) : null
    ) : sp.parliamentEn || sp.parliamentAr ? (
      <BilingualText en={sp.parliamentEn} ar={sp.parliamentAr} lang={lang} />
    ) : null
  return (
    <>
      <span className="agenda-speaker__name">{name}</span>
      {affiliation ? (
        <span className="agenda-speaker__affiliation">
          <span className="visually-hidden">{lang === 'ar' ? '، ' : ', '}</span>
          {affiliation}
        </span>
      ) : null}
    </>
  )
}
