import { useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { switchLanguagePath, type Language } from '~/utils/i18n'

/** A link to the same page in the other language (a full load, so the whole document changes direction). */
export function LanguageSwitch({ lang }: { lang: Language }) {
  const { t } = useTranslation('common')
  const location = useLocation()
  const other: Language = lang === 'ar' ? 'en' : 'ar'
  return (
    <a
      className="language-switch"
      href={switchLanguagePath(location.pathname, location.search, other)}
      hrefLang={other}
      lang={other}
      aria-label={t('shell.switchLanguageLabel')}
    >
      {other === 'ar' ? 'العربية' : 'English'}
    </a>
  )
}
