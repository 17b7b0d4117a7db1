import { pickLanguage } from '~/utils/bilingual'
import type { Language, Namespace } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import type { MeetingRow } from './meeting.server'

/** The title of a page about one meeting: "<key's text>: <meeting title> · ParlNet". */
export function meetingPageTitle(m: MeetingRow, lang: Language, key: string, ns: Namespace = 'agenda') {
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  return `${getFixedT(lang, ns)(key)}: ${title} · ${getFixedT(lang)('shell.siteName')}`
}
