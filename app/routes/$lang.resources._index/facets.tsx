// The filters beside the library's results: each facet's values with their counts, each a link that adds or removes
// that value (back to page 1).
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FacetGroup } from '~/features/library/resource-search'
import type { ResourceSearchQuery } from '~/features/search/schemas'
import { resourceFacets, resourceSearchParams } from '~/features/search/search-params'
import type { ResourceFacets } from '~/features/search/search.server'
import { formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'

type FacetKey = (typeof resourceFacets)[number]

const yearFormats = new Map<Language, Intl.NumberFormat>()
/** A year in the page's digits, without a thousands separator. */
function formatYear(year: number, lang: Language) {
  let f = yearFormats.get(lang)
  if (!f) yearFormats.set(lang, (f = new Intl.NumberFormat(lang, { useGrouping: false })))
  return f.format(year)
}

/** A link to this list with one filter value added or removed (back to page 1). */
function toggleHref(lang: Language, query: ResourceSearchQuery, key: FacetKey, value: string | number) {
  const current = query[key] as (string | number)[]
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  const params = resourceSearchParams({ ...query, [key]: next })
  return `/${lang}/resources${params.size ? `?${params}` : ''}`
}

export function LibraryFacets({
  lang,
  query,
  facets,
  filtered,
}: {
  lang: Language
  query: ResourceSearchQuery
  facets: ResourceFacets
  filtered: boolean
}) {
  const { t } = useTranslation(['library', 'common', 'network'])
  const clearParams = resourceSearchParams({ q: query.q, sort: query.sort })
  const clearHref = `/${lang}/resources${clearParams.size ? `?${clearParams}` : ''}`
  const facetLabel = (key: FacetKey, value: string | number) => {
    switch (key) {
      case 'type':
        return t(`types.${value}`)
      case 'pillar':
        return t(`pillarsShort.${value}`, { ns: 'network' })
      case 'resolution':
        return t(`resolutions.${value}`, { ns: 'common' })
      case 'theme':
        return t(`themes.${value}`)
      case 'language':
        return t(`contentLanguages.${value}`)
      case 'region':
        return t(`regions.${value}`, { ns: 'common' })
      case 'year':
        return formatYear(Number(value), lang)
    }
  }
  return (
    <aside className="library__facets" id="filters" aria-labelledby="filters-title" tabIndex={-1}>
      <h2 id="filters-title">{t('filtersTitle')}</h2>
      {filtered ? (
        <p>
          <Link to={clearHref}>{t('clearFilters')}</Link>
        </p>
      ) : null}
      {resourceFacets.map((key) =>
        facets[key].length ? (
          <FacetGroup
            key={key}
            id={`facet-${key}`}
            title={t(`facets.${key}`)}
            selectedLabel={t('selected')}
            compact={key === 'year'}
            items={facets[key].map((f) => ({
              label: facetLabel(key, f.value),
              count: formatNumber(f.count, lang),
              href: toggleHref(lang, query, key, f.value),
              selected: (query[key] as (string | number)[]).includes(f.value),
            }))}
          />
        ) : null,
      )}
    </aside>
  )
}
