import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { FacetGroup, HighlightedText } from '~/features/library/resource-search'
import { searchResources, type ResourceSearchRow } from '~/features/search/search.server'
import { getUser } from '~/utils/auth.server'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { pageTitle } from '~/utils/page.server'
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS } from '~/features/search/query'
import { searchWasShortened } from '~/utils/query-string'
import {
  hasResourceFilters,
  parseResourceSearch,
  resourceFacets,
  resourceSearchParams,
  resourceSorts,
  type ResourceSearchQuery,
} from '~/features/search/schemas'
import styles from '~/styles/library.css?url'
import { GetForm } from '~/components/get-form'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: data.title },
        // The Atom feed of the same filters, for feed readers that look for it.
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: data.feedHref, title: data.feedTitle },
      ]
    : []

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const url = new URL(request.url)
  const query = parseResourceSearch(url.searchParams)
  const user = getUser(request)
  const found = searchResources(query, user ? { id: user.id, role: user.role } : null, lang)
  // A query longer than the parser reads was bounded by the schema: say so, as for too many words.
  const result = { ...found, capped: found.capped || searchWasShortened(url.searchParams.get('q'), MAX_QUERY_LENGTH) }
  // The feed follows the query and filters, not the order or the page (it is always the newest).
  const feedParams = resourceSearchParams({ ...query, sort: undefined }).toString()
  return {
    lang,
    query,
    result,
    filtered: hasResourceFilters(query),
    canShare: Boolean(user),
    feedHref: `/${lang}/resources/feed.xml${feedParams ? `?${feedParams}` : ''}`,
    feedTitle: getFixedT(lang, 'library')('feedTitle'),
    title: pageTitle(lang, 'title', 'library'),
  }
}

const yearFormats = new Map<Language, Intl.NumberFormat>()
/** A year in the page's digits, without a thousands separator. */
function formatYear(year: number, lang: Language) {
  let f = yearFormats.get(lang)
  if (!f) yearFormats.set(lang, (f = new Intl.NumberFormat(lang, { useGrouping: false })))
  return f.format(year)
}

/** A link to this list with one filter value added or removed (back to page 1). */
function toggleHref(
  lang: Language,
  query: ResourceSearchQuery,
  key: (typeof resourceFacets)[number],
  value: string | number,
) {
  const current = query[key] as (string | number)[]
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  const params = resourceSearchParams({ ...query, [key]: next })
  return `/${lang}/resources${params.size ? `?${params}` : ''}`
}

export default function Library() {
  const { lang, query, result, filtered, canShare, feedHref } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['library', 'common', 'network'])
  const hasQuery = Boolean(query.q.trim())
  const sortHref = (sort: string) => {
    const params = resourceSearchParams({ ...query, sort: sort as ResourceSearchQuery['sort'] })
    return `/${lang}/resources?${params}`
  }
  const clearHref = (() => {
    const params = resourceSearchParams({ q: query.q, sort: query.sort })
    return `/${lang}/resources${params.size ? `?${params}` : ''}`
  })()
  const facetLabel = (key: (typeof resourceFacets)[number], value: string | number) => {
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
  const anyFacet = resourceFacets.some((key) => result.facets[key].length > 0)

  return (
    <div className="page library">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p className="library__actions">
        {canShare ? (
          <Link className="button" to={`/${lang}/resources/new`}>
            {t('share')}
          </Link>
        ) : null}
        <a className="library__feed" href={feedHref} type="application/atom+xml">
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <circle cx="3" cy="13" r="2" fill="currentColor" />
            <path d="M1 6a9 9 0 0 1 9 9M1 1a14 14 0 0 1 14 14" fill="none" stroke="currentColor" strokeWidth="2.2" />
          </svg>
          {t('feed')}
        </a>
      </p>

      <GetForm className="filters library__search" role="search" aria-label={t('searchLabel')}>
        <div className="field filters__query">
          <label htmlFor="q">{t('query')}</label>
          <div className="library__query">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={2000}
              aria-describedby="q-hint"
              dir="auto"
            />
            <button type="submit" className="button">
              {t('submit')}
            </button>
          </div>
          <p className="field__hint" id="q-hint">
            {t('queryHint')}
          </p>
        </div>
        {/* A new search keeps the filters chosen (they can be cleared below). */}
        {resourceFacets.flatMap((key) =>
          (query[key] as (string | number)[]).map((v) => (
            <input key={`${key}-${v}`} type="hidden" name={key} value={String(v)} />
          )),
        )}
      </GetForm>

      <div className="library__layout">
        <section className="library__results" aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            {t('resultsTitle')}
          </h2>
          {result.problem ? <p className="notice">{t(`problems.${result.problem}`)}</p> : null}
          {result.capped ? <p className="notice">{t('capped', { max: formatNumber(MAX_QUERY_TERMS, lang) })}</p> : null}
          <div className="library__summary">
            <p className="library__count" role="status">
              {t('count', { total: formatNumber(result.total, lang) })}
            </p>
            {anyFacet ? (
              <a className="library__skip" href="#filters">
                {t('filtersTitle')}
              </a>
            ) : null}
          </div>
          {hasQuery && !result.problem && result.total > 0 ? (
            <nav className="sort-links" aria-label={t('sortLabel')}>
              <span>{t('sortBy')}</span>
              {resourceSorts.map((s) =>
                s === result.sort ? (
                  <strong key={s} aria-current="true">
                    {t(`sort.${s}`)}
                  </strong>
                ) : (
                  <Link key={s} to={sortHref(s)}>
                    {t(`sort.${s}`)}
                  </Link>
                ),
              )}
            </nav>
          ) : null}

          {result.problem ? null : result.rows.length ? (
            <ol className="library__list">
              {result.rows.map((row) => (
                <li key={row.id}>
                  <ResultCard row={row} lang={lang} />
                </li>
              ))}
            </ol>
          ) : result.total > 0 ? (
            <p>
              {t('emptyPage')} <Link to={sortHref(result.sort)}>{t('firstPage')}</Link>
            </p>
          ) : hasQuery || filtered ? (
            <div className="notice">
              <p>{t('empty')}</p>
              <p>{t('emptyHint')}</p>
            </div>
          ) : (
            <p className="notice">{t('emptyLibrary')}</p>
          )}
          <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
        </section>

        {anyFacet || filtered ? (
          <aside className="library__facets" id="filters" aria-labelledby="filters-title" tabIndex={-1}>
            <h2 id="filters-title">{t('filtersTitle')}</h2>
            {filtered ? (
              <p>
                <Link to={clearHref}>{t('clearFilters')}</Link>
              </p>
            ) : null}
            {resourceFacets.map((key) =>
              result.facets[key].length ? (
                <FacetGroup
                  key={key}
                  id={`facet-${key}`}
                  title={t(`facets.${key}`)}
                  selectedLabel={t('selected')}
                  compact={key === 'year'}
                  items={result.facets[key].map((f) => ({
                    label: facetLabel(key, f.value),
                    count: formatNumber(f.count, lang),
                    href: toggleHref(lang, query, key, f.value),
                    selected: (query[key] as (string | number)[]).includes(f.value),
                  }))}
                />
              ) : null,
            )}
          </aside>
        ) : null}
      </div>
    </div>
  )
}

function ResultCard({ row, lang }: { row: ResourceSearchRow; lang: Language }) {
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
