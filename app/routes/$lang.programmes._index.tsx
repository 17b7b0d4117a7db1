import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { programmeKinds, type ProgrammeKind } from '~/utils/vocabulary'
import { ProgrammeCard } from '~/features/programmes/programme-card'
import { listProgrammes } from '~/features/programmes/programme.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { ProgrammeQuerySchema } from '~/features/programmes/schemas'
import styles from '~/styles/programmes.css?url'
import { firstValues } from '~/utils/query-string'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { kind } = ProgrammeQuerySchema.parse(firstValues(new URL(request.url).searchParams))
  const user = getUser(request)
  const canManage = hasRole(user, 'coordinator')
  // Coordinators also see retired programmes (marked), to bring them back.
  const programmes = listProgrammes({ includeRetired: canManage })
  // The catalogue in the coordinators' order; the filter keeps one kind.
  const shown = kind ? programmes.filter((p) => p.kind === kind) : programmes
  return {
    lang,
    kind: kind ?? null,
    programmes: shown,
    canManage,
    isVisitor: !user,
    title: pageTitle(lang, 'catalogue.title', 'programmes'),
    ...pageHead(lang, { key: 'head.programmes' }),
  }
}

export const handle = { i18n: ['library', 'programmes'] }

export default function Programmes() {
  const { lang, kind, programmes, canManage, isVisitor } = useLoaderData<typeof loader>()
  const { t } = useTranslation('programmes')
  const filterLink = (k: ProgrammeKind | null, label: string) => (
    <Link
      to={k ? `/${lang}/programmes?kind=${k}` : `/${lang}/programmes`}
      aria-current={k === kind ? 'page' : undefined}
    >
      {label}
    </Link>
  )
  return (
    <div className="page programmes">
      <h1>{t('catalogue.title')}</h1>
      <p className="lead">{t('catalogue.lead')}</p>
      {isVisitor ? <p className="muted">{t('catalogue.signInNote')}</p> : null}
      {canManage ? (
        <p>
          <Link className="button" to={`/${lang}/programmes/new`}>
            {t('catalogue.add')}
          </Link>
        </p>
      ) : null}

      <nav aria-label={t('catalogue.filterLabel')} className="programme-filter">
        <ul>
          <li>{filterLink(null, t('catalogue.all'))}</li>
          {programmeKinds.map((k) => (
            <li key={k}>{filterLink(k, t(`kinds.${k}`))}</li>
          ))}
        </ul>
      </nav>

      {programmes.length === 0 ? (
        <p className="programme-empty">{t(kind ? 'catalogue.empty' : 'catalogue.none')}</p>
      ) : (
        <ul className="programme-list">
          {programmes.map((p) => (
            <li key={p.id}>
              <ProgrammeCard programme={p} lang={lang} headingLevel={2} showKind />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
