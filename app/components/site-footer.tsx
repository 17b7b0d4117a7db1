import { useTranslation } from 'react-i18next'

export function SiteFooter() {
  const { t } = useTranslation('common')
  return (
    <footer className="site-footer">
      <p>{t('shell.footerMission')}</p>
      <p className="muted">{t('shell.footerNote')}</p>
    </footer>
  )
}
