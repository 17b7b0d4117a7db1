import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { themes } from '~/utils/vocabulary'
import { BilingualText } from '~/components/bilingual-text'
import { FilterSelect } from '~/components/filter-select'
import { groupPartnersByKind, listPartners } from '~/features/partners/partner.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import { PartnerQuerySchema } from '~/features/partners/schemas'
import styles from '~/styles/partners.css?url'
import { GetForm } from '~/components/get-form'
import { firstValues } from '~/utils/query-string'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** The first paragraph of a description, cut at a word near `max` characters. */
function shortText(text: string, max = 220) {
  const first = text.split(/\n\s*\n/)[0]!.trim()
  if ([...first].length <= max) return first
  const cut = [...first].slice(0, max).join('')
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,.;:،؛]+$/u, '')}…`
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const query = PartnerQuerySchema.parse(firstValues(new URL(request.url).searchParams))
  const user = getUser(request)
  const rows = listPartners({ theme: query.focus, lang }).map((p) => {
    const description = pickLanguage({ en: p.descriptionEn, ar: p.descriptionAr }, lang)
    return {
      id: p.id,
      kind: p.kind,
      nameEn: p.nameEn,
      nameAr: p.nameAr,
      acronym: p.acronym,
      summary: { text: shortText(description.text), lang: description.lang },
      themes: p.themes,
    }
  })
  return {
    lang,
    focus: query.focus ?? null,
    groups: groupPartnersByKind(rows),
    total: rows.length,
    canEdit: hasRole(user, 'coordinator'),
    title: pageTitle(lang, 'list.title', 'partners'),
    ...pageHead(lang, { key: 'head.partners' }),
  }
}

export const handle = { i18n: ['library', 'partners'] }

export default function Partners() {
  const { lang, focus, groups, total, canEdit } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['partners', 'library'])
  return (
    <div className="page partners-page">
      <h1>{t('list.title')}</h1>
      <p className="lead">{t('list.lead')}</p>
      {canEdit ? (
        <p>
          <Link className="button" to={`/${lang}/partners/new`}>
            {t('list.add')}
          </Link>
        </p>
      ) : null}
      <GetForm className="filters" aria-label={t('list.filterLabel')}>
        <FilterSelect
          name="focus"
          label={t('list.focus')}
          value={focus ?? undefined}
          allLabel={t('list.allFocus')}
          options={themes.map((v) => ({ value: v, label: t(`themes.${v}`, { ns: 'library' }) }))}
        />
        <button type="submit" className="button">
          {t('list.apply')}
        </button>
      </GetForm>
      {focus ? (
        <p className="filter-scope">
          <span>{t('list.onlyFocus', { focus: t(`themes.${focus}`, { ns: 'library' }) })}</span>
          <Link to={`/${lang}/partners`}>{t('list.showAll')}</Link>
        </p>
      ) : null}
      <p className="muted" role="status">
        {t('list.count', { n: formatNumber(total, lang) })}
      </p>

      {groups.length === 0 ? (
        <p>{focus ? t('list.emptyFocus') : t('list.empty')}</p>
      ) : (
        groups.map((g) => (
          <section key={g.kind} className="partner-group" aria-labelledby={`kind-${g.kind}`}>
            <h2 id={`kind-${g.kind}`}>{t(`kinds.${g.kind}`)}</h2>
            <ul className="partner-list">
              {g.partners.map((p) => {
                const name = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text
                return (
                  <li key={p.id}>
                    <article className="partner-card" aria-labelledby={`partner-${p.id}-name`}>
                      <h3 id={`partner-${p.id}-name`}>
                        <Link to={`/${lang}/partners/${p.id}`}>
                          <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
                        </Link>
                      </h3>
                      {p.acronym ? (
                        <p className="partner-card__acronym" lang={textLanguage(p.acronym, lang)}>
                          <bdi>{p.acronym}</bdi>
                        </p>
                      ) : null}
                      {p.summary.text ? (
                        <p
                          className="partner-card__summary"
                          lang={p.summary.lang}
                          dir={p.summary.lang ? 'auto' : undefined}
                        >
                          {p.summary.text}
                        </p>
                      ) : null}
                      {p.themes.length ? (
                        <ul className="tags" aria-label={t('list.focusOf', { name })}>
                          {p.themes.map((v) => (
                            <li key={v}>{t(`themes.${v}`, { ns: 'library' })}</li>
                          ))}
                        </ul>
                      ) : null}
                    </article>
                  </li>
                )
              })}
            </ul>
          </section>
        ))
      )}
    </div>
  )
}
