import { pickLanguage } from '~/utils/bilingual'
import { siteBaseUrl } from '~/utils/links.server'
import { isLanguage, type Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'
import { formatInZone, formatRangeInZone, zoneOffsetLabel } from '~/utils/zoned-format'

/** The meeting as the participation mails describe it. */
export type MailMeeting = {
  id: number
  titleEn: string
  titleAr: string
  city: string
  format: 'in_person' | 'online' | 'hybrid'
  timeZone: string
  startsAt: Date
  endsAt: Date
  registrationDeadline: Date | null
}

export type MailRecipient = { email: string; locale: string }

/** The kinds of mail of invitations and registration (locales/<lang>/participation.json `mail.<kind>`). */
export type ParticipationMailKind =
  'invitation' | 'confirmed' | 'pending' | 'approved' | 'declined' | 'waitlisted' | 'promoted' | 'cancelled'

/** Where links in mail point: the request's origin (or PUBLIC_URL) when there is one. */
export function meetingLink(baseUrl: string, lang: Language, meetingId: number, page = '') {
  return new URL(`/${lang}/meetings/${meetingId}${page}`, baseUrl).toString()
}

function languageOf(r: MailRecipient): Language {
  return isLanguage(r.locale) ? r.locale : 'en'
}

/** The values every participation mail can use, in the recipient's language and the meeting's zone. */
function mailValues(m: MailMeeting, lang: Language, baseUrl: string) {
  const t = getFixedT(lang, 'participation')
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  const zone = `${m.timeZone}, ${zoneOffsetLabel(m.startsAt, m.timeZone)}`
  return {
    title,
    dates: `${formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone)} (${zone})`,
    place: m.format === 'online' ? t('mail.online') : m.city || t('mail.online'),
    deadline: m.registrationDeadline
      ? t('mail.deadlineLine', { deadline: formatInZone(m.registrationDeadline, lang, m.timeZone, 'dateTime') })
      : '',
    link: meetingLink(baseUrl, lang, m.id),
    registerLink: meetingLink(baseUrl, lang, m.id, '/register'),
  }
}

type Compose = (
  t: ReturnType<typeof getFixedT>,
  values: ReturnType<typeof mailValues>,
) => { subject: string; text: string }

/** Queues one mail to `to`, composed in their language with the meeting's values. */
function enqueueFor(tx: Tx, to: MailRecipient, m: MailMeeting, baseUrl: string, compose: Compose) {
  const lang = languageOf(to)
  return enqueueMail(tx, {
    to: to.email,
    locale: lang,
    ...compose(getFixedT(lang, 'participation'), mailValues(m, lang, baseUrl)),
  })
}

/** One mail about a registration or an invitation, in the recipient's language. */
export function sendParticipationMail(
  tx: Tx,
  kind: ParticipationMailKind,
  to: MailRecipient,
  m: MailMeeting,
  baseUrl: string = siteBaseUrl(),
) {
  return enqueueFor(tx, to, m, baseUrl, (t, values) => ({
    subject: t(`mail.${kind}.subject`, values),
    text: t(`mail.${kind}.body`, values),
  }))
}

/** A coordinators' message to the participants, wrapped in a header and a footer in the recipient's language. */
export function sendParticipantMessage(
  tx: Tx,
  to: MailRecipient,
  m: MailMeeting,
  message: { subject: string; body: string },
  baseUrl: string = siteBaseUrl(),
) {
  return enqueueFor(tx, to, m, baseUrl, (t, values) => ({
    subject: t('mail.message.subject', { ...values, subject: message.subject }),
    text: [t('mail.message.header', values), message.body, t('mail.message.footer', values)].join('\n\n'),
  }))
}
