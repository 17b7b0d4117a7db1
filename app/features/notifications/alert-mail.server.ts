// The alert's mail (issue 17): what newly matches a saved search, in its owner's language, with the search's page
// one click away and a signed link that turns this alert off without signing in. Queued in the claim's transaction.
import type { Locale } from '#db/enums'
import { pickLanguage } from '~/utils/bilingual'
import type { Tx } from '~/utils/db.server'
import { getFixedT } from '~/utils/i18n.server'
import { absoluteUrl } from '~/utils/links.server'
import { enqueueMail } from '~/utils/mail.server'
import { signLink } from '~/utils/signed-link.server'
import type { AlertItem } from './alert-matches.server'
import { searchPath } from './saved-search.server'
import type { SearchScope } from './vocabulary'

/** The signed address that turns alert `id` off (the mail's link). */
export function alertUnsubscribePath(lang: Locale, id: number) {
  return `/${lang}/alerts/${id}/unsubscribe?sig=${signLink(['alert', id])}`
}

export function queueAlertMail(
  tx: Tx,
  to: { email: string; locale: Locale },
  search: { id: number; name: string; scope: SearchScope; query: string },
  items: readonly AlertItem[],
) {
  const lang = to.locale
  const t = getFixedT(lang, 'alerts')
  const list = items
    .map((i) => `- ${pickLanguage({ en: i.titleEn, ar: i.titleAr }, lang).text}\n  ${absoluteUrl(`/${lang}${i.path}`)}`)
    .join('\n')
  const values = {
    name: search.name,
    count: items.length,
    list,
    link: absoluteUrl(`/${lang}${searchPath(search.scope, search.query)}`),
    unsubscribe: absoluteUrl(alertUnsubscribePath(lang, search.id)),
  }
  return enqueueMail(tx, {
    to: to.email,
    locale: lang,
    subject: t('mail.subject', values),
    text: t('mail.body', values),
  })
}
