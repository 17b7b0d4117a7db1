import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { listPartnerInitiatives } from '~/features/partners/initiatives.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { pickLanguage, textLanguage } from '~/utils/bilingual'
import { formatDate } from '~/utils/format'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import { requirePartner } from '~/features/partners/guards.server'
import { formatInZone } from '~/utils/zoned-format'
import styles from '~/styles/partners.css?url'
import { PartnerInitiatives } from './initiatives'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

/** "13 Dec 2021" or "13 Dec 2021 – 15 Dec 2021", in the meeting's own zone. */
function meetingDays(m: { startsAt: Date; endsAt: Date; timeZone: string }, lang: 'en' | 'ar') {
  const start = formatInZone(m.startsAt, lang, m.timeZone, 'date')
  const end = formatInZone(m.endsAt, lang, m.timeZone, 'date')
  return start === end ? start : `${start} – ${end}`
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const p = requirePartner(params.id)
  const viewer = getUser(request)
  const { meetings, programmes, resources } = listPartnerInitiatives(p.id, viewer)
  const name = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang).text
  return {
    lang,
    partner: p,
    meetings: meetings.map((m) => ({
      id: m.id,
      titleEn: m.titleEn,
      titleAr: m.titleAr,
      format: m.format,
      city: m.city,
      countryCode: m.countryCode,
      visibility: m.visibility,
      state: m.state,
      kind: m.kind,
      startsAt: m.startsAt.toISOString(),
      days: meetingDays(m, lang),
    })),
    programmes,
    resources: resources.map((r) => ({
      ...r,
      date: r.publishedOn ? formatDate(new Date(`${r.publishedOn}T00:00:00Z`), lang) : null,
    })),
    canManage: hasRole(viewer, 'coordinator'),
    title: `${name} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(lang, { en: p.descriptionEn, ar: p.descriptionAr }, { key: 'head.partner', values: { name } }),
  }
}

export const handle = { i18n: ['library', 'meetings', 'partners'] }

export default function PartnerPage() {
  const { lang, partner: p, meetings, programmes, resources, canManage } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['partners', 'library'])
  const name = pickLanguage({ en: p.nameEn, ar: p.nameAr }, lang)
  const description = pickLanguage({ en: p.descriptionEn, ar: p.descriptionAr }, lang)
  return (
    <article className="page partner-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/partners`}>{t('detail.breadcrumb')}</Link>
      </p>
      <h1 lang={name.lang}>{name.text}</h1>
      <p className="badges">
        <span className="badge">{t(`kind.${p.kind}`)}</span>
        {p.acronym ? (
          <span className="badge partner-page__acronym" lang={textLanguage(p.acronym, lang)}>
            <bdi>{p.acronym}</bdi>
          </span>
        ) : null}
      </p>

      {canManage ? (
        <nav className="partner-manage" aria-label={t('detail.manage')}>
          <ul>
            <li>
              <Link to={`/${lang}/partners/${p.id}/edit`}>{t('detail.edit')}</Link>
            </li>
            <li>
              <Link to={`/${lang}/partners/${p.id}/initiatives`}>{t('detail.manageInitiatives')}</Link>
            </li>
          </ul>
        </nav>
      ) : null}

      {description.text ? (
        <p
          className="partner-page__description prose"
          lang={description.lang}
          dir={description.lang ? 'auto' : undefined}
        >
          {description.text}
        </p>
      ) : null}

      <dl className="facts">
        {p.themes.length ? (
          <div>
            <dt>{t('detail.focus')}</dt>
            <dd>
              <ul className="tags partner-page__tags">
                {p.themes.map((v) => (
                  <li key={v}>
                    <Link to={`/${lang}/partners?focus=${v}`}>{t(`themes.${v}`, { ns: 'library' })}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {p.website ? (
          <div>
            <dt>{t('detail.website')}</dt>
            <dd>
              <a href={p.website} rel="noreferrer">
                <bdi dir="ltr">{p.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</bdi>
              </a>
            </dd>
          </div>
        ) : null}
      </dl>

      <PartnerInitiatives lang={lang} meetings={meetings} programmes={programmes} resources={resources} />
    </article>
  )
}
