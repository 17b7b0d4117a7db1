import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { parliamentKinds } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { FilterSelect } from '~/components/filter-select'
import { NetworkHeader } from '~/features/network/network-nav'
import { Pagination } from '~/components/pagination'
import { DIRECTORY_PAGE_SIZE, listParliamentCountries, searchParliaments } from '~/features/network/parliament.server'
import { hasRole, getUser } from '~/utils/auth.server'
import { countryName, countryOptions } from '~/utils/countries'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { DirectoryQuerySchema } from '~/features/network/parliament-schemas'
import { parliamentSorts } from '~/features/network/parliament-sorts'
import { boundedSearch, readListQuery } from '~/utils/query-string'
import { ListSearch, PlaceFilters } from '~/features/network/components/list-search'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { query, shortened } = readListQuery(new URL(request.url).searchParams, DirectoryQuerySchema)
  const { rows, total } = searchParliaments(query, lang)
  return {
    lang,
    query,
    shortened,
    rows,
    total,
    pageSize: DIRECTORY_PAGE_SIZE,
    countries: countryOptions(listParliamentCountries(), lang),
    canEdit: hasRole(getUser(request), 'coordinator'),
    title: pageTitle(lang, 'directory.title', 'network'),
    ...pageHead(lang, { key: 'head.parliaments' }),
  }
}

export const handle = { i18n: ['network'] }

export default function Directory() {
  const { lang, query, shortened, rows, total, pageSize, countries, canEdit } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['network', 'common'])
  const location = useLocation()
  const sortHref = (sort: string) => {
    const p = new URLSearchParams(boundedSearch(location.search))
    p.set('sort', sort)
    p.delete('page')
    return `${location.pathname}?${p}`
  }
  return (
    <div className="page">
      <NetworkHeader lang={lang} title={t('directory.title')} lead={t('directory.lead')} />
      {canEdit ? (
        <p>
          <Link className="button" to={`/${lang}/parliaments/new`}>
            {t('directory.add')}
          </Link>
        </p>
      ) : null}
      <ListSearch
        formLabel={t('directory.searchLabel')}
        searchLabel={t('directory.search')}
        applyLabel={t('directory.apply')}
        q={query.q}
        shortened={shortened}
        lang={lang}
      >
        <FilterSelect
          name="kind"
          label={t('directory.kind')}
          value={query.kind}
          allLabel={t('directory.all')}
          options={parliamentKinds.map((k) => ({ value: k, label: t(`parliamentKinds.${k}`, { ns: 'common' }) }))}
        />
        <PlaceFilters
          regionLabel={t('directory.region')}
          countryLabel={t('directory.country')}
          allLabel={t('directory.all')}
          region={query.region}
          country={query.country}
          countries={countries}
        />
        <div className="field field--check">
          <input id="network" name="network" type="checkbox" value="1" defaultChecked={query.network} />
          <label htmlFor="network">{t('directory.networkOnly')}</label>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
      </ListSearch>

      <p className="muted" role="status">
        {t('directory.count', { total: formatNumber(total, lang) })}
      </p>
      <nav className="sort-links" aria-label={t('directory.sortLabel')}>
        <span>{t('directory.sortBy')}</span>
        {parliamentSorts.map((s) =>
          s === query.sort ? (
            <strong key={s} aria-current="true">
              {t(`directory.sort.${s}`)}
            </strong>
          ) : (
            <Link key={s} to={sortHref(s)}>
              {t(`directory.sort.${s}`)}
            </Link>
          ),
        )}
      </nav>

      {rows.length === 0 ? (
        <p>{t('directory.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('directory.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.name')}</th>
                <th scope="col">{t('directory.kind')}</th>
                <th scope="col">{t('directory.country')}</th>
                <th scope="col">{t('directory.region')}</th>
                <th scope="col">{t('directory.members')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/${lang}/parliaments/${p.id}`}>
                      <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                    </Link>
                    {p.joinedAt ? <span className="badge badge--ok">{t('directory.inNetwork')}</span> : null}
                  </th>
                  <td>
                    {t(`parliamentKinds.${p.kind}`, { ns: 'common' })}
                    {p.chamber ? <span className="muted"> · {t(`chambers.${p.chamber}`)}</span> : null}
                  </td>
                  <td>{p.countryCode ? countryName(p.countryCode, lang) : '—'}</td>
                  <td>{t(`regions.${p.region}`, { ns: 'common' })}</td>
                  <td>{formatNumber(p.memberCount, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  )
}
