// The library: a search of its resources in Arabic and English, with facets to filter the results (facets.tsx),
// each result a card (result-card.tsx), and the Atom feed of the same filters.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Pagination } from '~/components/pagination'
import { searchResources } from '~/features/search/search.server'
import { getUser } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { pageHead, pageTitle } from '~/utils/page.server'
import { titleMeta } from '~/utils/meta'
import { searchWasShortened } from '~/utils/query-string'
import { parseResourceSearch } from '~/features/search/schemas'
import {
  hasResourceFilters,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  resourceFacets,
  resourceSearchParams,
  resourceSorts,
  type ResourceSort,
} from '~/features/search/search-params'
import styles from '~/styles/library.css?url'
import { GetForm } from '~/components/get-form'
import { SaveSearch } from '~/features/notifications/components/save-search'
import { LibraryFacets } from './facets'
import { ResultCard } from './result-card'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [
        ...titleMeta(args),
        // The Atom feed of the same filters, for feed readers that look for it.
        {
          tagName: 'link',
          rel: 'alternate',
          type: 'application/atom+xml',
          href: args.data.feedHref,
          title: args.data.feedTitle,
        },
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
    ...pageHead(lang, { key: 'head.resources' }),
  }
}

export const handle = { i18n: ['library', 'network', 'alerts'] }

export default function Library() {
  const { lang, query, result, filtered, canShare, feedHref } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['library', 'common', 'network'])
  const hasQuery = Boolean(query.q.trim())
  const sortHref = (sort: string) => {
    const params = resourceSearchParams({ ...query, sort: sort as ResourceSort })
    return `/${lang}/resources?${params}`
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

      <SaveSearch lang={lang} scope="resources" signedIn={canShare} />
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
          <LibraryFacets lang={lang} query={query} facets={result.facets} filtered={filtered} />
        ) : null}
      </div>
    </div>
  )
}
