// The mails of answering a questionnaire (issue 16): the thanks on submission, the reminder before the deadline, the
// word that a coordinator reopened the response. Each to a parliament's members, in each one's language, with a
// link from PUBLIC_URL; queued in the change's transaction and delivered after it commits (decision 022).
import type { Locale } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import type { Tx } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import type { Namespace } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { enqueueMail } from '~/utils/mail.server'

const ns: Namespace = 'surveys'

export type MailSurvey = { id: number; titleEn: string; titleAr: string; deadline: Date | null }
export type Recipient = { id: number; email: string; locale: Locale }
type Names = { nameEn: string; nameAr: string }

function values(s: MailSurvey, lang: Locale, parliament: Names) {
  return {
    title: pickLanguage({ en: s.titleEn, ar: s.titleAr }, lang).text,
    parliament: pickLanguage({ en: parliament.nameEn, ar: parliament.nameAr }, lang).text,
    deadline: s.deadline ? formatDate(s.deadline, lang, 'dateTime') : '',
    link: absoluteUrl(`/${lang}/surveys/${s.id}/respond`),
  }
}

function send(tx: Tx, to: readonly Recipient[], key: string, make: (lang: Locale) => Record<string, string>) {
  for (const person of to) {
    const t = getFixedT(person.locale, ns)
    const v = make(person.locale)
    enqueueMail(tx, {
      to: person.email,
      locale: person.locale,
      subject: t(`mail.${key}.subject`, v),
      text: t(`mail.${key}.body`, v),
    })
  }
}

/** Thanks the parliament's members once one of them submitted its response. */
export function notifySubmitted(
  tx: Tx,
  s: MailSurvey,
  to: readonly Recipient[],
  ctx: { parliament: Names; by: string; at: Date },
) {
  send(tx, to, 'thanks', (lang) => ({
    ...values(s, lang, ctx.parliament),
    by: ctx.by,
    at: formatDate(ctx.at, lang, 'dateTime'),
  }))
}

/** Reminds the members of a parliament that has not submitted that the deadline is near. */
export function notifyReminder(tx: Tx, s: MailSurvey, to: readonly Recipient[], ctx: { parliament: Names }) {
  send(tx, to, 'reminder', (lang) => values(s, lang, ctx.parliament))
}

/** Tells the parliament's members that a coordinator reopened their response. */
export function notifyReopened(
  tx: Tx,
  s: MailSurvey,
  to: readonly Recipient[],
  ctx: { parliament: Names; by: string },
) {
  send(tx, to, 'reopened', (lang) => ({ ...values(s, lang, ctx.parliament), by: ctx.by }))
}
