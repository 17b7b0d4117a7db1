import type { Language } from '~/utils/i18n'
import { pickLanguage } from '~/utils/bilingual'

/** Text from a bilingual pair, in the page's language when it exists, otherwise marked with its own. */
export function BilingualText({ en, ar, lang }: { en: string | null; ar: string | null; lang: Language }) {
  const picked = pickLanguage({ en, ar }, lang)
  return picked.lang ? (
    <span lang={picked.lang} dir="auto">
      {picked.text}
    </span>
  ) : (
    <>{picked.text}</>
  )
}
