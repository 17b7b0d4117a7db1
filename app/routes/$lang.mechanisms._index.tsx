import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { mechanismKinds, pillars } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { FilterSelect } from '~/components/filter-select'
import { NetworkHeader } from '~/features/network/network-nav'
import { Pagination } from '~/components/pagination'
import { canEditMechanism } from '~/features/network/access.server'
import { listMechanismCountries, MECHANISM_PAGE_SIZE, searchMechanisms } from '~/features/network/mechanism.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { getUser } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { countryName, countryOptions } from '~/utils/countries'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { MechanismQuerySchema } from '~/features/network/mechanism-schemas'
import styles from '~/styles/mechanisms.css?url'
import { readListQuery } from '~/utils/query-string'
import { ListSearch, PlaceFilters } from '~/features/network/components/list-search'
import { SaveSearch } from '~/features/notifications/components/save-search'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { query, shortened } = readListQuery(new URL(request.url).searchParams, MechanismQuerySchema)
  const user = getUser(request)
  const { rows, total } = searchMechanisms(query, lang)
  return {
    lang,
    query,
    shortened,
    rows: rows.map((m) => ({ ...m, canEdit: canEditMechanism(user, m) })),
    total,
    pageSize: MECHANISM_PAGE_SIZE,
    countries: countryOptions(listMechanismCountries(), lang),
    // The list narrowed to one parliament (where a save leads): named, with a way back to all.
    scope: query.parliament ? (getParliamentName(query.parliament) ?? null) : null,
    // Anyone signed in sees the way in; the form explains itself to a member with no parliament.
    canAdd: Boolean(user),
    title: pageTitle(lang, 'list.title', 'mechanisms'),
    ...pageHead(lang, { key: 'head.mechanisms' }),
  }
}

export const handle = { i18n: ['mechanisms', 'network', 'alerts'] }

export default function Mechanisms() {
  const { lang, query, shortened, rows, total, pageSize, countries, scope, canAdd } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['mechanisms', 'network', 'common'])
  const allHref = (() => {
    const p = new URLSearchParams()
    for (const key of ['q', 'kind', 'pillar', 'region', 'country'] as const) {
      const v = query[key]
      if (v) p.set(key, String(v))
    }
    const search = p.toString()
    return `/${lang}/mechanisms${search ? `?${search}` : ''}`
  })()
  return (
    <div className="page">
      <NetworkHeader lang={lang} title={t('list.title')} lead={t('list.lead')} />
      {canAdd ? (
        <p>
          <Link className="button" to={`/${lang}/mechanisms/new`}>
            {t('list.add')}
          </Link>
        </p>
      ) : null}
      <SaveSearch lang={lang} scope="mechanisms" signedIn={canAdd} />
      <ListSearch
        formLabel={t('list.searchLabel')}
        searchLabel={t('list.search')}
        applyLabel={t('list.apply')}
        q={query.q}
        shortened={shortened}
        lang={lang}
      >
        <FilterSelect
          name="kind"
          label={t('list.kind')}
          value={query.kind}
          allLabel={t('list.all')}
          options={mechanismKinds.map((k) => ({ value: k, label: t(`mechanismKinds.${k}`, { ns: 'network' }) }))}
        />
        <FilterSelect
          name="pillar"
          label={t('list.pillar')}
          value={query.pillar}
          allLabel={t('list.all')}
          options={pillars.map((n) => ({ value: n, label: t(`pillarsShort.${n}`, { ns: 'network' }) }))}
        />
        <PlaceFilters
          regionLabel={t('list.region')}
          countryLabel={t('list.country')}
          allLabel={t('list.all')}
          region={query.region}
          country={query.country}
          countries={countries}
        />
        {scope ? <input type="hidden" name="parliament" value={scope.id} /> : null}
      </ListSearch>

      {scope ? (
        <p className="filter-scope">
          <span>
            {t('list.onlyParliament', { name: pickLanguage({ en: scope.nameEn, ar: scope.nameAr }, lang).text })}
          </span>
          <Link to={allHref}>{t('list.showAll')}</Link>
        </p>
      ) : null}
      <p className="muted" role="status">
        {t('list.count', { total: formatNumber(total, lang) })}
      </p>

      {rows.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="mechanism-list">
          {rows.map((m) => {
            const name = pickLanguage({ en: m.nameEn, ar: m.nameAr }, lang).text
            return (
              <li key={m.id} id={`mechanism-${m.id}`}>
                <article className="mechanism-card" aria-labelledby={`mechanism-${m.id}-name`}>
                  <h2 id={`mechanism-${m.id}-name`}>
                    <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                  </h2>
                  <p className="muted">
                    {t(`mechanismKinds.${m.kind}`, { ns: 'network' })}
                    {m.year ? ` · ${t('list.year', { year: m.year })}` : null}
                  </p>
                  <p>
                    <Link to={`/${lang}/parliaments/${m.parliamentId}`}>
                      <BilingualText en={m.parliamentNameEn} ar={m.parliamentNameAr} lang={lang} />
                    </Link>
                    <span className="muted">
                      {' · '}
                      {m.countryCode ? countryName(m.countryCode, lang) : t(`regions.${m.region}`, { ns: 'common' })}
                    </span>
                  </p>
                  {m.descriptionEn || m.descriptionAr ? (
                    <p className="mechanism-card__description">
                      <BilingualText en={m.descriptionEn} ar={m.descriptionAr} lang={lang} />
                    </p>
                  ) : null}
                  {m.pillars.length ? (
                    <ul className="tags" aria-label={t('list.pillars')}>
                      {m.pillars.map((n) => (
                        <li key={n}>{t(`pillarsShort.${n}`, { ns: 'network' })}</li>
                      ))}
                    </ul>
                  ) : null}
                  {m.url ? (
                    <p>
                      {t('list.link')}:{' '}
                      <a href={m.url} rel="noreferrer">
                        <bdi dir="ltr">{m.url.replace(/^https?:\/\//, '').replace(/\/$/, '')}</bdi>
                      </a>
                    </p>
                  ) : null}
                  {m.canEdit ? (
                    <p className="mechanism-card__actions">
                      <Link
                        className="button button--quiet button--small"
                        to={`/${lang}/mechanisms/${m.id}/edit`}
                        aria-label={t('list.editLabel', { name })}
                      >
                        {t('list.edit')}
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            )
          })}
        </ul>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} />
    </div>
  )
}
