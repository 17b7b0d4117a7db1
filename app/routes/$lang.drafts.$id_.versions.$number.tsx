// One saved version of a draft, read-only: who saved it, when and why, its downloads, and its whole text in both
// languages side by side (issue 15 §4). A number that is not a saved version of this draft is a 404.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { VersionExports } from '~/features/drafts/components/version-exports'
import { VersionText } from '~/features/drafts/components/version-text'
import { requireVisibleDraft } from '~/features/drafts/guards.server'
import { getVersion, listVersions } from '~/features/drafts/version.server'
import { pickLanguage } from '~/utils/bilingual'
import { formatDate, formatNumber } from '~/utils/format'
import { parseId } from '~/utils/ids'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import styles from '~/styles/drafts-versions.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const handle = { i18n: ['drafts'] }

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { draft } = requireVisibleDraft(request, params.id)
  const version = getVersion(draft.id, parseId(params.number))
  if (!version) throw new Response('Not Found', { status: 404 })
  const createdBy = listVersions(draft.id).find((v) => v.number === version.number)?.createdBy ?? null
  const s = version.snapshot
  return {
    lang,
    draft: { id: draft.id },
    version: {
      number: version.number,
      note: version.note,
      createdAt: version.createdAt.toISOString(),
      createdBy,
      provisionCount: version.provisionCount,
    },
    draftTitle: pickLanguage({ en: s.titles.en, ar: s.titles.ar }, lang),
    languages: s.languages,
    provisions: s.provisions,
    previous: version.number > 1 ? version.number - 1 : null,
    title: pageTitle(lang, 'versions.versionPageTitle', 'drafts', { n: version.number, id: draft.id }),
  }
}

export default function DraftVersionPage() {
  const { lang, draft, version, draftTitle, languages, provisions, previous } = useLoaderData<typeof loader>()
  const { t } = useTranslation('drafts')
  const base = `/${lang}/drafts/${draft.id}`
  return (
    <div className="page draft-version-page">
      <p className="breadcrumb">
        <Link to={`${base}/versions`}>{t('versions.allVersions')}</Link>
      </p>
      <h1 dir="auto">{t('versions.versionTitle', { n: version.number, title: draftTitle.text })}</h1>
      <p className="notice">{t('versions.frozen')}</p>
      <section className="version-section" aria-labelledby="version-facts">
        <h2 id="version-facts">{t('versions.facts')}</h2>
        <dl className="version-facts">
          <dt>{t('versions.savedAt')}</dt>
          <dd>
            <time dateTime={version.createdAt}>
              {t('versions.utc', { time: formatDate(new Date(version.createdAt), lang, 'dateTime') })}
            </time>
          </dd>
          <dt>{t('versions.savedByLabel')}</dt>
          <dd>
            <bdi>{version.createdBy ?? t('versions.formerAccount')}</bdi>
          </dd>
          <dt>{t('versions.noteLabel')}</dt>
          <dd dir="auto">{version.note || t('versions.noNote')}</dd>
          <dt>{t('versions.provisionCount')}</dt>
          <dd>{formatNumber(version.provisionCount, lang)}</dd>
        </dl>
        {previous ? (
          <p>
            <Link to={`${base}/compare?from=${previous}&to=${version.number}`}>
              {t('versions.compareWithPrevious', { n: previous })}
            </Link>
          </p>
        ) : null}
      </section>
      <section className="version-section" aria-labelledby="version-exports">
        <h2 id="version-exports">{t('exports.ofVersion', { n: version.number })}</h2>
        <VersionExports draftId={draft.id} version={version.number} languages={languages} />
      </section>
      <section className="version-section" aria-labelledby="version-text">
        <h2 id="version-text">{t('versions.text')}</h2>
        <VersionText provisions={provisions} languages={languages} lang={lang} />
      </section>
    </div>
  )
}
