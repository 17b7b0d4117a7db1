import { pickLanguage } from '~/utils/bilingual'
import { siteBaseUrl } from '~/utils/links.server'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'
import { meetingPagePath, meetingVenueText, type IcsMeeting } from './ics.server'
import { formatInZone, formatRangeInZone } from '~/utils/zoned-format'

// The meeting mails of the calendar part (reminders, changes, cancellations), each in its recipient's language,
// with dates and times in the meeting's own zone and named as such.

export type MailMeeting = Pick<
  IcsMeeting,
  'id' | 'titleEn' | 'titleAr' | 'format' | 'address' | 'city' | 'countryCode' | 'timeZone' | 'startsAt' | 'endsAt'
> & { registrationDeadline?: Date | null }

export type Recipient = { email: string; name: string; locale: Language }

/** An absolute link without a request (scheduler, scripts): PUBLIC_URL, else the default local address. */
export function siteUrl(path: string, baseUrl?: string) {
  return new URL(path, baseUrl ?? siteBaseUrl()).toString()
}

/** The zone's generic name in the reader's language ("Arabian Standard Time", "توقيت المملكة المتحدة"). */
function zoneName(zone: string, lang: Language, at: Date) {
  const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? zone
}

/** "13 Dec 2021, 09:00 – 15 Dec 2021, 17:00 (Arabian Standard Time)", in the meeting's zone. */
export function meetingWhen(m: MailMeeting, lang: Language) {
  return `${formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone)} (${zoneName(m.timeZone, lang, m.startsAt)})`
}

/** An instant of the meeting ("13 Dec 2021, 09:00 (Arabian Standard Time)"), in its zone. */
export function meetingInstant(m: MailMeeting, at: Date, lang: Language) {
  return `${formatInZone(at, lang, m.timeZone, 'dateTime')} (${zoneName(m.timeZone, lang, at)})`
}

export function meetingWhere(m: MailMeeting, lang: Language) {
  return meetingVenueText(m, lang) || '—'
}

type MailKind = 'dayBefore' | 'deadlineEve' | 'changed' | 'cancelled'

/** Sends one of the calendar mails to `to`, in their language, with the meeting's facts filled in. */
export function sendMeetingMail(
  tx: Tx,
  kind: MailKind,
  to: Recipient,
  m: MailMeeting,
  options: { baseUrl?: string; change?: { time: boolean; venue: boolean } } = {},
) {
  const lang = to.locale
  const t = getFixedT(lang, 'calendar')
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  const when = meetingWhen(m, lang)
  const where = meetingWhere(m, lang)
  const changes = [
    options.change?.time ? t('mail.changed.time', { when }) : '',
    options.change?.venue ? t('mail.changed.venue', { where }) : '',
  ]
    .filter(Boolean)
    .join('\n')
  const values = {
    name: to.name,
    title,
    when,
    where,
    changes,
    start: formatInZone(m.startsAt, lang, m.timeZone, 'dateTime'),
    deadline: m.registrationDeadline ? meetingInstant(m, m.registrationDeadline, lang) : '',
    link: siteUrl(meetingPagePath(m.id, lang), options.baseUrl),
    ics: siteUrl(`/meetings/${m.id}/calendar.ics?lang=${lang}`, options.baseUrl),
  }
  return enqueueMail(tx, {
    to: to.email,
    locale: lang,
    subject: t(`mail.${kind}.subject`, values),
    text: t(`mail.${kind}.body`, values),
  })
}
