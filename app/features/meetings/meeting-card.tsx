import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { MeetingFormat, MeetingKind, MeetingState, MeetingVisibility } from '#db/enums'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import type { Language } from '~/utils/i18n'
import { formatInZone, formatRangeInZone } from '~/utils/zoned-format'

export type MeetingCardData = {
  id: number
  kind: MeetingKind
  format: MeetingFormat
  titleEn: string
  titleAr: string
  city: string
  countryCode: string | null
  timeZone: string
  startsAt: Date
  endsAt: Date
  visibility: MeetingVisibility
  state: MeetingState
}

/** Where a meeting takes place, in a line: "Doha, Qatar", "Online", "Doha, Qatar · Online". */
export function meetingPlace(
  m: Pick<MeetingCardData, 'format' | 'city' | 'countryCode'>,
  lang: Language,
  online: string,
) {
  const venue = [m.city, m.countryCode ? countryName(m.countryCode, lang) : '']
    .filter(Boolean)
    .join(lang === 'ar' ? '، ' : ', ')
  if (m.format === 'online') return online
  return m.format === 'hybrid' ? `${venue} · ${online}` : venue
}

/** The meeting's kind (and, asked for, its format), its visibility unless public, its state unless published. */
export function MeetingBadges({
  meeting: m,
  withFormat = false,
}: {
  meeting: Pick<MeetingCardData, 'kind' | 'format' | 'visibility' | 'state'>
  withFormat?: boolean
}) {
  const { t } = useTranslation('meetings')
  return (
    <p className="badges">
      <span className="badge">{t(`kinds.${m.kind}`)}</span>
      {withFormat ? <span className="badge">{t(`formats.${m.format}`)}</span> : null}
      {m.visibility !== 'public' ? (
        <span className="badge badge--members">{t(`visibilities.${m.visibility}`)}</span>
      ) : null}
      {m.state !== 'published' ? (
        <span className={`badge badge--state meeting-state--${m.state}`}>{t(`states.${m.state}`)}</span>
      ) : null}
    </p>
  )
}

/** A meeting in a list: its first day large, then title, dates (in its own zone), place and badges. */
export function MeetingCard({
  meeting: m,
  lang,
  headingLevel = 3,
}: {
  meeting: MeetingCardData
  lang: Language
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation('meetings')
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const day = formatInZone(m.startsAt, lang, m.timeZone, 'day')
  const month = formatInZone(m.startsAt, lang, m.timeZone, 'monthYear')
  return (
    <article className="meeting-card">
      <p className="meeting-card__date" aria-hidden="true">
        <span className="meeting-card__day">{day}</span>
        <span className="meeting-card__month">{month}</span>
      </p>
      <div>
        <Heading>
          <Link to={`/${lang}/meetings/${m.id}`} lang={title.lang}>
            {title.text}
          </Link>
        </Heading>
        <p>
          <time dateTime={m.startsAt.toISOString()}>{formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone)}</time>
        </p>
        <p lang={m.city ? textLanguage(m.city, lang) : undefined}>{meetingPlace(m, lang, t('card.online'))}</p>
        <MeetingBadges meeting={m} />
      </div>
    </article>
  )
}

/** "13 Dec 2021" of a meeting's start in its own zone (used by compact lists). */
export function meetingStartDate(m: Pick<MeetingCardData, 'startsAt' | 'timeZone'>, lang: Language) {
  return formatInZone(m.startsAt, lang, m.timeZone, 'date')
}
