import type { ResourceState } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'

// Queued in the caller's transaction (enqueueMail), delivered after its commit.

/** Tells the author of a resource that its state changed, in the author's language. */
export function sendResourceStateMail(
  tx: Tx,
  input: {
    to: string
    lang: Language
    state: ResourceState
    title: { en: string; ar: string }
    link: string
    reason: string | null
  },
) {
  const t = getFixedT(input.lang, 'library')
  const title = pickLanguage(input.title, input.lang).text
  return enqueueMail(tx, {
    to: input.to,
    locale: input.lang,
    subject: t(`mail.${input.state}.subject`, { title }),
    text: t(`mail.${input.state}.body`, { title, link: input.link, reason: input.reason ?? '' }),
  })
}

/** Tells a coordinator that a resource waits for review, in the coordinator's language. */
export function sendReviewRequestMail(
  tx: Tx,
  input: { to: string; lang: Language; title: { en: string; ar: string }; link: string },
) {
  const t = getFixedT(input.lang, 'library')
  const title = pickLanguage(input.title, input.lang).text
  return enqueueMail(tx, {
    to: input.to,
    locale: input.lang,
    subject: t('mail.toReview.subject', { title }),
    text: t('mail.toReview.body', { title, link: input.link }),
  })
}
