import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { genders, positions } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { FilterSelect } from '~/components/filter-select'
import { NetworkHeader } from '~/features/network/network-nav'
import { Pagination } from '~/components/pagination'
import { MEMBERS_PAGE_SIZE, searchMembers } from '~/features/network/member.server'
import { listParliamentOptions } from '~/features/network/parliament.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { MemberQuerySchema } from '~/features/network/member-schemas'
import { readListQuery } from '~/utils/query-string'
import { ListSearch } from '~/features/network/components/list-search'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const user = getUser(request)
  const { query, shortened } = readListQuery(new URL(request.url).searchParams, MemberQuerySchema)
  const { rows, total } = searchMembers(query, Boolean(user), lang)
  return {
    lang,
    query,
    shortened,
    rows,
    total,
    pageSize: MEMBERS_PAGE_SIZE,
    parliaments: listParliamentOptions(lang, { inNetworkOnly: true }),
    signedIn: Boolean(user),
    canAdd: hasRole(user, 'coordinator'),
    title: pageTitle(lang, 'list.title', 'members'),
    ...pageHead(lang, { key: 'head.members' }),
  }
}

export const handle = { i18n: ['members', 'network'] }

export default function Members() {
  const { lang, query, shortened, rows, total, pageSize, parliaments, signedIn, canAdd } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation(['members', 'network', 'common'])
  return (
    <div className="page">
      <NetworkHeader lang={lang} title={t('list.title')} lead={t('list.lead')} />
      {signedIn ? null : <p className="notice">{t('list.visitorNote')}</p>}
      {canAdd ? (
        <p>
          <Link className="button" to={`/${lang}/members/new`}>
            {t('list.add')}
          </Link>{' '}
          <Link className="button button--quiet" to={`/${lang}/members/import`}>
            {t('import.link')}
          </Link>
        </p>
      ) : null}
      <ListSearch
        formLabel={t('list.searchLabel')}
        searchLabel={t('list.search')}
        applyLabel={t('directory.apply', { ns: 'network' })}
        q={query.q}
        shortened={shortened}
        lang={lang}
      >
        <FilterSelect
          name="parliament"
          label={t('list.parliament')}
          value={query.parliament}
          allLabel={t('directory.all', { ns: 'network' })}
          options={parliaments.map((p) => ({
            value: p.id,
            label: lang === 'ar' ? p.nameAr || p.nameEn : p.nameEn || p.nameAr,
          }))}
        />
        <FilterSelect
          name="position"
          label={t('list.position')}
          value={query.position}
          allLabel={t('directory.all', { ns: 'network' })}
          options={positions.map((p) => ({ value: p, label: t(`positions.${p}`, { ns: 'network' }) }))}
        />
        <FilterSelect
          name="gender"
          label={t('list.gender')}
          value={query.gender}
          allLabel={t('directory.all', { ns: 'network' })}
          options={genders.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
        />
        <div className="field field--check">
          <input id="focal" name="focal" type="checkbox" value="1" defaultChecked={query.focal} />
          <label htmlFor="focal">{t('list.focalOnly')}</label>
        </div>
      </ListSearch>
      <p className="muted" role="status">
        {t('directory.count', { ns: 'network', total: formatNumber(total, lang) })}
      </p>
      {rows.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ul className="member-cards">
          {rows.map((m) => (
            <li key={m.id} className="card">
              <h2 className="card__title">
                <Link to={`/${lang}/members/${m.id}`}>
                  <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                </Link>
              </h2>
              <p className="muted">
                {t(`positions.${m.position}`, { ns: 'network' })} ·{' '}
                <BilingualText en={m.parliamentNameEn} ar={m.parliamentNameAr} lang={lang} />
              </p>
              {m.isFocalPoint ? <span className="badge badge--ok">{t('profile.focalPoint')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} />
      <p className="muted">
        {t('list.download')}{' '}
        <a href="/export/popolo.json" download>
          Popolo (JSON)
        </a>
        {' · '}
        <a href="/export/members.csv" download>
          CSV
        </a>
      </p>
    </div>
  )
}
