// Two texts of a draft compared provision by provision (issue 15 §4): ?from=<version>&to=<version|current>. Missing
// or malformed choices answer 400 with the form to choose again; a version this draft does not have is a 404.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { compareSnapshots } from '~/features/drafts/compare'
import { CompareLegend, CompareList, CompareSummary, compareView } from '~/features/drafts/components/compare-view'
import { VersionCompareForm } from '~/features/drafts/components/version-list'
import { requireVisibleDraft } from '~/features/drafts/guards.server'
import { listVersions } from '~/features/drafts/version.server'
import { snapshotOf } from '~/features/drafts/version-snapshot.server'
import { pickLanguage } from '~/utils/bilingual'
import { readId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-versions.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['drafts'] }

const notFound = () => new Response('Not Found', { status: 404 })

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { draft } = requireVisibleDraft(request, params.id)
  const search = new URL(request.url).searchParams
  const from = readId(search.get('from'))
  const toParam = search.get('to')
  const to = toParam === 'current' ? 'current' : readId(toParam)
  const numbers = listVersions(draft.id).map((v) => v.number)
  const head = {
    lang,
    draft: { id: draft.id, title: pickLanguage({ en: draft.titleEn, ar: draft.titleAr }, lang) },
    numbers,
    title: pageTitle(lang, 'compare.pageTitle', 'drafts', { id: draft.id }),
  }
  if (from === null || to === null) {
    return data({ ...head, problem: numbers.length ? 'badParams' : 'notEnough', result: null } as const, {
      status: numbers.length ? 400 : 200,
    })
  }
  const older = snapshotOf(draft.id, from)
  const newer = snapshotOf(draft.id, to)
  if (!older || !newer) throw notFound()
  const comparison = compareSnapshots(older, newer)
  return data({
    ...head,
    problem: null,
    result: { from, to, ...compareView(comparison) },
  })
}

export default function DraftComparePage() {
  const { lang, draft, numbers, problem, result } = useLoaderData<typeof loader>()
  const { t } = useTranslation('drafts')
  // The serialized loader data widens 'current' to a string.
  const to = result ? (result.to === 'current' ? 'current' : Number(result.to)) : undefined
  const name = (v: number | 'current') => (v === 'current' ? t('compare.current') : t('compare.versionN', { n: v }))
  return (
    <div className="page draft-compare-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/drafts/${draft.id}/versions`}>{t('versions.allVersions')}</Link>
      </p>
      <h1 dir="auto">{t('compare.title', { title: draft.title.text })}</h1>
      {result ? (
        <>
          <p className="compare-heading">{t('compare.heading', { from: name(result.from), to: name(to!) })}</p>
          <CompareSummary lang={lang} counts={result.counts} />
          <CompareLegend />
          <CompareList entries={result.entries} lang={lang} />
        </>
      ) : (
        <p className="notice" role="status">
          {t(`compare.${problem}`)}
        </p>
      )}
      <VersionCompareForm lang={lang} draftId={draft.id} numbers={numbers} from={result?.from} to={to} />
    </div>
  )
}
