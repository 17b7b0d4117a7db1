import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { requestStates, type RequestState } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { Pagination } from '~/components/pagination'
import { RequestStateBadge } from '~/features/requests/request-progress'
import { pickLanguage } from '~/utils/bilingual'
import { canManageRequests } from '~/features/requests/access.server'
import { listRequests, REQUESTS_PAGE_SIZE } from '~/features/requests/request.server'
import { getParliamentName } from '~/features/network/parliament.server'
import { requireUser } from '~/utils/auth.server'
import { formatDate, formatNumber } from '~/utils/format'
import { readPage, requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/requests.css?url'
import { GetForm } from '~/components/get-form'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const url = new URL(request.url)
  const stateParam = url.searchParams.get('state')
  const state = requestStates.find((s) => s === stateParam) ?? null
  const page = readPage(request)
  const parliament = user.parliamentId ? getParliamentName(user.parliamentId) : undefined
  return {
    lang,
    state,
    page,
    isCoordinator: canManageRequests(user),
    parliament: parliament ? { en: parliament.nameEn, ar: parliament.nameAr } : null,
    ...listRequests(user, { state, page }),
    pageSize: REQUESTS_PAGE_SIZE,
    title: pageTitle(lang, 'list.title', 'requests'),
  }
}

export const handle = { i18n: ['requests'] }

export default function Requests() {
  const { lang, state, page, pageSize, isCoordinator, parliament, rows, total } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['requests', 'common'])
  return (
    <div className="page request-page">
      <h1>{t('list.title')}</h1>
      <p className="lead">
        {isCoordinator
          ? t('list.leadCoordinator')
          : t('list.leadMember', { parliament: parliament ? pickLanguage(parliament, lang).text : '' })}
      </p>
      <p className="button-row">
        {parliament ? (
          <Link className="button" to={`/${lang}/requests/new`}>
            {t('list.new')}
          </Link>
        ) : null}
        <Link className="button button--quiet" to={`/${lang}/programmes`}>
          {t('list.catalogue')}
        </Link>
        {isCoordinator ? (
          <Link className="button button--quiet" to={`/${lang}/coordination`}>
            {t('list.dashboard')}
          </Link>
        ) : null}
      </p>
      <GetForm className="filters">
        <div className="field">
          <label htmlFor="request-state">{t('list.state')}</label>
          <select id="request-state" name="state" defaultValue={state ?? ''}>
            <option value="">{t('list.allStates')}</option>
            {requestStates.map((s: RequestState) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--small">
          {t('list.filter')}
        </button>
      </GetForm>
      <p className="muted">
        {t(`list.count.${new Intl.PluralRules(lang).select(total)}`, { n: formatNumber(total, lang) })}
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table className="request-table">
            <thead>
              <tr>
                <th scope="col">{t('list.subject')}</th>
                {isCoordinator ? <th scope="col">{t('list.parliament')}</th> : null}
                <th scope="col">{t('list.state')}</th>
                <th scope="col">{t('list.submitted')}</th>
                <th scope="col">{t('list.requester')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/${lang}/requests/${r.id}`} dir="auto">
                      {r.subject}
                    </Link>
                    <div className="muted">{t(`kinds.${r.kind}`)}</div>
                  </td>
                  {isCoordinator ? (
                    <td>
                      <BilingualText en={r.parliamentNameEn} ar={r.parliamentNameAr} lang={lang} />
                    </td>
                  ) : null}
                  <td>
                    <RequestStateBadge state={r.state} />
                  </td>
                  <td>{formatDate(new Date(r.submittedAt), lang)}</td>
                  <td dir="auto">{r.requesterName ?? t('page.formerAccount')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{state ? t('list.emptyFiltered') : t('list.empty')}</p>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} />
    </div>
  )
}
