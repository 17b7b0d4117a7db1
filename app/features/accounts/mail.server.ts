import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'

/** The mails of the accounts area, written in the recipient's language, queued in the caller's transaction. */
export function sendInvitationMail(
  tx: Tx,
  input: { to: string; lang: Language; link: string; inviter: string; role: string },
) {
  const t = getFixedT(input.lang, 'auth')
  const role = t(`roles.${input.role}`, { ns: 'common' })
  return enqueueMail(tx, {
    to: input.to,
    locale: input.lang,
    subject: t('mail.invitation.subject'),
    text: t('mail.invitation.body', { inviter: input.inviter, role, link: input.link }),
  })
}

export function sendPasswordResetMail(tx: Tx, input: { to: string; lang: Language; link: string }) {
  const t = getFixedT(input.lang, 'auth')
  return enqueueMail(tx, {
    to: input.to,
    locale: input.lang,
    subject: t('mail.reset.subject'),
    text: t('mail.reset.body', { link: input.link }),
  })
}
