// The builder's mail: the invitation to answer a questionnaire, to each active member of an invited parliament, in
// their language with a link in that language. Queued through the transaction of the sending (`tx`), delivered
// after it commits (decisions 011 and 022). The answer side's mails (reminder, thanks) are answer-mail.server.ts.
import type { Locale } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import type { Tx } from '~/utils/db.server'
import { formatDate } from '~/utils/format'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { enqueueMail } from '~/utils/mail.server'

export type SurveyRef = { id: number; titleEn: string; titleAr: string; deadline: Date }
export type Invitee = { email: string; locale: Locale; parliamentNameEn: string; parliamentNameAr: string }

/** Invites one member to answer on behalf of their parliament: the title, the deadline and the answer page. */
export function sendInvitation(tx: Tx, s: SurveyRef, to: Invitee) {
  const t = getFixedT(to.locale, 'surveys')
  const values = {
    title: pickLanguage({ en: s.titleEn, ar: s.titleAr }, to.locale).text,
    parliament: pickLanguage({ en: to.parliamentNameEn, ar: to.parliamentNameAr }, to.locale).text,
    deadline: formatDate(s.deadline, to.locale),
    link: absoluteUrl(`/${to.locale}/surveys/${s.id}/respond`),
  }
  return enqueueMail(tx, {
    to: to.email,
    locale: to.locale,
    subject: t('invitationMail.subject', values),
    text: t('invitationMail.body', values),
  })
}
