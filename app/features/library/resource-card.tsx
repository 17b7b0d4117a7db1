import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'

type CardResource = {
  id: number
  type: string
  titleEn: string
  titleAr: string
  summaryEn: string
  summaryAr: string
  publishedOn: string | null
  visibility: string
}

/** A resource in a list of cards (the home page's latest): title, type, date and the start of the summary. */
export function ResourceCard({ resource: r, lang }: { resource: CardResource; lang: Language }) {
  const { t } = useTranslation('library')
  const title = pickLanguage({ en: r.titleEn, ar: r.titleAr }, lang)
  const summary = pickLanguage({ en: r.summaryEn, ar: r.summaryAr }, lang)
  return (
    <article className="resource-card">
      <h3 className="resource-card__title">
        <Link to={`/${lang}/resources/${r.id}`} lang={title.lang} dir={title.lang ? 'auto' : undefined}>
          {title.text}
        </Link>
      </h3>
      <p className="resource-card__meta">
        <span className="badge">{t(`types.${r.type}`)}</span>
        {r.visibility === 'members' ? <span className="badge badge--members">{t('page.membersOnly')}</span> : null}
        {r.publishedOn ? <span>{formatDate(new Date(`${r.publishedOn}T00:00:00Z`), lang)}</span> : null}
      </p>
      {summary.text ? (
        <p className="resource-card__summary" lang={summary.lang} dir={summary.lang ? 'auto' : undefined}>
          {summary.text}
        </p>
      ) : null}
    </article>
  )
}
