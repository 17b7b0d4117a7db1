import type { Locale, RequestState } from '#db/enums'
import { listActiveCoordinators } from '~/features/accounts'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import type { Tx } from '~/utils/db.server'
import { enqueueMail } from '~/utils/mail.server'

/**
 * Mails about requests for technical assistance, each in its recipient's language, with a link to the request
 * in that language. Queued through the transaction of the change (`tx`), delivered after it commits.
 */

type RequestRef = { id: number; subject: string }
type Recipient = { email: string; locale: Locale }

/** What happened, for the requester: each change of state, a coordinator's message, an output, who handles it. */
export type RequesterNotice =
  | { kind: 'submitted' }
  | { kind: 'state'; state: RequestState; reason: string | null }
  | { kind: 'message'; from: string; body: string }
  | { kind: 'output'; title: string }
  | { kind: 'assigned'; name: string }

function link(r: RequestRef, lang: Locale) {
  return absoluteUrl(`/${lang}/requests/${r.id}`)
}

/** Tells the requester (when the account still exists) what changed. */
export function notifyRequester(tx: Tx, r: RequestRef, to: Recipient | null, notice: RequesterNotice) {
  if (!to) return
  const t = getFixedT(to.locale, 'requests')
  const values = { subject: r.subject, number: r.id, link: link(r, to.locale) }
  const key = notice.kind === 'state' ? `mail.state.${notice.state}` : `mail.${notice.kind}`
  const extra =
    notice.kind === 'state'
      ? { reason: notice.reason ?? '' }
      : notice.kind === 'message'
        ? { from: notice.from, body: notice.body }
        : notice.kind === 'output'
          ? { title: notice.title }
          : notice.kind === 'assigned'
            ? { name: notice.name }
            : {}
  enqueueMail(tx, {
    to: to.email,
    locale: to.locale,
    subject: t(`${key}.subject`, { ...values, ...extra }),
    text: t(`${key}.body`, { ...values, ...extra }),
  })
}

/**
 * Tells the programme office: of a new request (every active coordinator), or of a reply or a withdrawal from
 * the requester's parliament (the coordinator in charge, or every coordinator when nobody is).
 */
export function notifyCoordinators(
  tx: Tx,
  r: RequestRef & { parliamentName: { en: string; ar: string } },
  notice: { kind: 'newRequest' } | { kind: 'reply'; from: string; body: string } | { kind: 'withdrawn'; from: string },
  assignee: Recipient | null = null,
) {
  const recipients = assignee && notice.kind !== 'newRequest' ? [assignee] : listActiveCoordinators()
  for (const to of recipients) {
    const t = getFixedT(to.locale, 'requests')
    const values = {
      subject: r.subject,
      number: r.id,
      link: link(r, to.locale),
      parliament: r.parliamentName[to.locale] || r.parliamentName.en || r.parliamentName.ar,
      ...(notice.kind === 'reply'
        ? { from: notice.from, body: notice.body }
        : notice.kind === 'withdrawn'
          ? { from: notice.from }
          : {}),
    }
    enqueueMail(tx, {
      to: to.email,
      locale: to.locale,
      subject: t(`mail.${notice.kind}.subject`, values),
      text: t(`mail.${notice.kind}.body`, values),
    })
  }
}

/** Tells a coordinator that someone else put them in charge of a request, in their language. */
export function notifyAssignee(tx: Tx, r: RequestRef, to: Recipient, by: string) {
  const t = getFixedT(to.locale, 'requests')
  const values = { subject: r.subject, number: r.id, link: link(r, to.locale), by }
  enqueueMail(tx, {
    to: to.email,
    locale: to.locale,
    subject: t('mail.assignedToYou.subject', values),
    text: t('mail.assignedToYou.body', values),
  })
}
