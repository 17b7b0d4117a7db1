import { useTranslation } from 'react-i18next'

/** The entry page of a section whose issue has not landed yet: what it will hold, honestly marked as coming. */
export function SectionPlaceholder({ section }: { section: 'resources' | 'meetings' }) {
  const { t } = useTranslation('common')
  return (
    <div className="page prose">
      <h1>{t(`${section}.title`)}</h1>
      <p className="lead">{t(`${section}.lead`)}</p>
      <p className="notice">{t(`${section}.openingSoon`)}</p>
    </div>
  )
}
