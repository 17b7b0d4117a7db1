import type { Language } from './i18n'
import { getFixedT } from './i18n.server'
import { sendMail } from './mail.server'

/** The mails of the accounts area, written in the recipient's language. */
export function sendInvitationMail(input: { to: string; lang: Language; link: string; inviter: string; role: string }) {
  const t = getFixedT(input.lang, 'auth')
  const role = t(`roles.${input.role}`, { ns: 'common' })
  return sendMail({
    to: input.to,
    locale: input.lang,
    subject: t('mail.invitation.subject'),
    text: t('mail.invitation.body', { inviter: input.inviter, role, link: input.link }),
  })
}

export function sendPasswordResetMail(input: { to: string; lang: Language; link: string }) {
  const t = getFixedT(input.lang, 'auth')
  return sendMail({
    to: input.to,
    locale: input.lang,
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', { link: input.link }),
  })
}
