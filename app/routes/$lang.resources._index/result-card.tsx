// One result of the library's search: its title and snippet with the words found marked, its type, date and
// languages, and its first themes.
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { HighlightedText } from '~/features/library/resource-search'
import type { ResourceSearchRow } from '~/features/search/search.server'
import { formatDate } from '~/utils/format'
import type { Language } from '~/utils/i18n'

export function ResultCard({ row, lang }: { row: ResourceSearchRow; lang: Language }) {
  const { t } = useTranslation('library')
  const written = (['en', 'ar'] as const).filter((l) =>
    l === 'en' ? row.titleEn || row.summaryEn : row.titleAr || row.summaryAr,
  )
  const date = row.publishedOn ? formatDate(new Date(`${row.publishedOn}T00:00:00Z`), lang) : null
  return (
    <article className="result" aria-labelledby={`result-${row.id}`}>
      <h3 id={`result-${row.id}`} className="result__title">
        <Link to={`/${lang}/resources/${row.id}`}>
          <HighlightedText segments={row.title.segments} lang={row.title.lang} />
        </Link>
      </h3>
      <p className="result__meta">
        <span className="result__type">{t(`types.${row.type}`)}</span>
        {date ? <span>{t('published', { date })}</span> : null}
        {row.visibility === 'members' ? <span className="badge badge--members">{t('membersOnly')}</span> : null}
      </p>
      {row.snippet ? (
        <p className="result__snippet">
          <HighlightedText segments={row.snippet.segments} lang={row.snippet.lang} />
        </p>
      ) : null}
      <div className="result__footer">
        <ul className="result__languages" aria-label={t('writtenIn')}>
          {written.map((l) => (
            <li key={l} className="badge">
              {t(`contentLanguages.${l}`)}
            </li>
          ))}
        </ul>
        {row.themes.length ? (
          <ul className="tags result__themes" aria-label={t('facets.theme')}>
            {row.themes.slice(0, 3).map((theme) => (
              <li key={theme}>{t(`themes.${theme}`)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  )
}
