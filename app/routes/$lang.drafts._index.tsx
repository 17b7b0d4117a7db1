import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { FilterSelect } from '~/components/filter-select'
import { GetForm } from '~/components/get-form'
import { Pagination } from '~/components/pagination'
import { canCreateDraft } from '~/features/drafts/access.server'
import { DraftCards, pluralKey } from '~/features/drafts/components/list-cards'
import { DRAFTS_PAGE_SIZE, listDrafts, readDraftListFilter } from '~/features/drafts/list.server'
import { draftKinds } from '~/features/drafts/snapshot'
import { draftStages } from '~/features/drafts/vocabulary'
import { getUser } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-list.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const user = getUser(request)
  const filter = readDraftListFilter(new URL(request.url).searchParams)
  const { rows, total, page } = listDrafts(user, filter)
  return {
    lang,
    stage: filter.stage ?? null,
    kind: filter.kind ?? null,
    page,
    pageSize: DRAFTS_PAGE_SIZE,
    rows,
    total,
    isVisitor: !user,
    canCreate: canCreateDraft(user),
    title: pageTitle(lang, 'list.title', 'drafts'),
    ...pageHead(lang, { key: 'head.drafts' }),
  }
}

export const handle = { i18n: ['drafts'] }

export default function Drafts() {
  const { lang, stage, kind, page, pageSize, rows, total, isVisitor, canCreate } = useLoaderData<typeof loader>()
  const { t } = useTranslation('drafts')
  const filtered = Boolean(stage || kind)
  return (
    <div className="page drafts-list">
      <h1>{t('list.title')}</h1>
      <p className="lead">{isVisitor ? t('list.leadVisitor') : t('list.lead')}</p>
      {canCreate ? (
        <p>
          <Link className="button" to={`/${lang}/drafts/new`}>
            {t('list.new')}
          </Link>
        </p>
      ) : null}
      <GetForm className="filters" aria-label={t('list.filtersLabel')}>
        <FilterSelect
          name="stage"
          label={t('list.stage')}
          value={stage ?? undefined}
          allLabel={t('list.allStages')}
          options={draftStages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        />
        <FilterSelect
          name="kind"
          label={t('list.kind')}
          value={kind ?? undefined}
          allLabel={t('list.allKinds')}
          options={draftKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <button type="submit" className="button button--small">
          {t('list.filter')}
        </button>
      </GetForm>
      <p className="muted">{t(`list.count.${pluralKey(total, lang)}`, { n: formatNumber(total, lang) })}</p>
      {rows.length ? (
        <DraftCards drafts={rows} lang={lang} />
      ) : filtered ? (
        <p>
          {t('list.emptyFiltered')} <Link to={`/${lang}/drafts`}>{t('list.clearFilters')}</Link>
        </p>
      ) : (
        <p>{canCreate ? t('list.emptyCoordinator') : t('list.empty')}</p>
      )}
      <Pagination page={page} total={total} pageSize={pageSize} />
    </div>
  )
}
