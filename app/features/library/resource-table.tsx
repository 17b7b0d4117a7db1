import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import type { Language } from '~/utils/i18n'

type Row = { id: number; type: string; titleEn: string; titleAr: string }

/** A column after the title and the type: its header and what each row shows in it. */
export type ResourceColumn<R> = { header: string; cell: (r: R) => ReactNode; dir?: 'auto' }

/**
 * A table of resources (a user's own, the review queue): each row's title links to its page, with the badges the
 * page adds, then its type and the page's own columns.
 */
export function ResourceTable<R extends Row>({
  lang,
  rows,
  columns,
  badges,
}: {
  lang: Language
  rows: R[]
  columns: ResourceColumn<R>[]
  badges?: (r: R) => ReactNode
}) {
  const { t } = useTranslation('library')
  return (
    <div className="table-wrap">
      <table className="resource-table">
        <thead>
          <tr>
            <th scope="col">{t('mine.titleColumn')}</th>
            <th scope="col">{t('page.type')}</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/${lang}/resources/${r.id}`}>
                  <BilingualText en={r.titleEn} ar={r.titleAr} lang={lang} />
                </Link>
                {badges?.(r)}
              </th>
              <td>{t(`types.${r.type}`)}</td>
              {columns.map((c) => (
                <td key={c.header} dir={c.dir}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The top of a page that lists resources: the way back to the library, its title and what it lists. */
export function ResourceListHeading({ lang, title, lead }: { lang: Language; title: string; lead: string }) {
  const { t } = useTranslation('library')
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/${lang}/resources`}>{t('page.library')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
    </>
  )
}
