// Mails about drafts, each in its recipient's language with a link to the draft in that language. Queued through
// the transaction of the change (`tx`), delivered after it commits (decisions 011 and 022).
import type { Locale } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import type { Namespace } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'
import type { DraftStage } from './vocabulary'

// locales/*/drafts.json; the namespace is listed in app/utils/i18n.ts and locales/index.ts.
const ns: Namespace = 'drafts'

export type DraftRef = { id: number; titleEn: string; titleAr: string }
export type Recipient = { id: number; email: string; locale: Locale }

function values(d: DraftRef, lang: Locale) {
  return {
    title: pickLanguage({ en: d.titleEn, ar: d.titleAr }, lang).text,
    link: absoluteUrl(`/${lang}/drafts/${d.id}`),
  }
}

/** Tells each person of the working group (but the one who made the move) that the draft changed stage. */
export function notifyStageMove(
  tx: Tx,
  d: DraftRef,
  to: readonly Recipient[],
  move: { to: DraftStage; by: string; closesAt: Date | null },
) {
  for (const person of to) {
    const t = getFixedT(person.locale, ns)
    const v = {
      ...values(d, person.locale),
      by: move.by,
      closesAt: move.closesAt ? formatDate(move.closesAt, person.locale, 'dateTime') : '',
    }
    enqueueMail(tx, {
      to: person.email,
      locale: person.locale,
      subject: t(`mail.stage.${move.to}.subject`, v),
      text: t(`mail.stage.${move.to}.body`, v),
    })
  }
}

/** Tells someone they joined the draft's working group. */
export function notifyEditorAdded(tx: Tx, d: DraftRef, person: Recipient, by: string) {
  const t = getFixedT(person.locale, ns)
  const v = { ...values(d, person.locale), by }
  enqueueMail(tx, {
    to: person.email,
    locale: person.locale,
    subject: t('mail.editorAdded.subject', v),
    text: t('mail.editorAdded.body', v),
  })
}
