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

/** The draft's title in `lang` (or the other) and its link; `wId` points the link at one provision. */
function values(d: DraftRef, lang: Locale, wId?: string) {
  return {
    title: pickLanguage({ en: d.titleEn, ar: d.titleAr }, lang).text,
    link: absoluteUrl(`/${lang}/drafts/${d.id}${wId ? `/provisions/${encodeURIComponent(wId)}` : ''}`),
  }
}

/** The start of a comment for a mail: its first 300 characters (whole code points), an ellipsis if cut. */
function excerpt(text: string, max = 300) {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max).join('').trimEnd()}…` : text
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

/** Tells the thread's people (its first author and those who replied, but the writer) that someone replied. */
export function notifyCommentReply(
  tx: Tx,
  d: DraftRef,
  to: readonly Recipient[],
  reply: { by: string; body: string; wId: string },
) {
  for (const person of to) {
    const t = getFixedT(person.locale, ns)
    const v = { ...values(d, person.locale, reply.wId), by: reply.by, excerpt: excerpt(reply.body) }
    enqueueMail(tx, {
      to: person.email,
      locale: person.locale,
      subject: t('mail.commentReply.subject', v),
      text: t('mail.commentReply.body', v),
    })
  }
}

/** Tells the proposer that their amendment was accepted, or rejected with the reason. */
export function notifyAmendmentDecided(
  tx: Tx,
  d: DraftRef,
  person: Recipient,
  decision: { accepted: boolean; by: string; reason: string; wId: string },
) {
  const t = getFixedT(person.locale, ns)
  const v = { ...values(d, person.locale, decision.wId), by: decision.by, reason: decision.reason }
  const key = decision.accepted ? 'amendmentAccepted' : 'amendmentRejected'
  enqueueMail(tx, {
    to: person.email,
    locale: person.locale,
    subject: t(`mail.${key}.subject`, v),
    text: t(`mail.${key}.body`, v),
  })
}
