import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { canEditMember } from '~/features/network/access.server'
import { requireVisibleMember } from '~/features/network/guards.server'
import { pickLanguage } from '~/utils/bilingual'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'

export const meta = titleMeta

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, profile, userId } = requireVisibleMember(request, params.id)
  const name = pickLanguage({ en: profile.nameEn, ar: profile.nameAr }, lang).text
  return {
    lang,
    profile,
    canEdit: canEditMember(user, { userId }),
    title: `${name} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(lang, {
      key: 'head.member',
      values: {
        name,
        parliament: pickLanguage({ en: profile.parliamentNameEn, ar: profile.parliamentNameAr }, lang).text,
      },
    }),
  }
}

export const handle = { i18n: ['members', 'network'] }

export default function MemberProfile() {
  const { lang, profile: m, canEdit } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['members', 'network'])
  const languageNames = new Intl.DisplayNames(lang, { type: 'language' })
  return (
    <div className="page prose">
      <p className="breadcrumb">
        <Link to={`/${lang}/members`}>{t('list.title')}</Link>
      </p>
      {m.photo ? (
        <img className="avatar avatar--large" src={`/photos/${m.photo}/256`} alt="" width={160} height={160} />
      ) : null}
      <h1>
        <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
      </h1>
      {m.nameEn && m.nameAr ? (
        <p className="lead">
          <bdi lang={lang === 'ar' ? 'en' : 'ar'}>{lang === 'ar' ? m.nameEn : m.nameAr}</bdi>
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <Link className="button button--quiet" to={`/${lang}/members/${m.id}/edit`}>
            {t('profile.edit')}
          </Link>
        </p>
      ) : null}
      {m.visibility === 'members' ? <p className="notice">{t('profile.membersOnly')}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('profile.parliament')}</dt>
          <dd>
            <Link to={`/${lang}/parliaments/${m.parliamentId}`}>
              <BilingualText en={m.parliamentNameEn} ar={m.parliamentNameAr} lang={lang} />
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('profile.position')}</dt>
          <dd>
            {t(`positions.${m.position}`, { ns: 'network' })}
            {m.isFocalPoint ? <span className="badge badge--ok">{t('profile.focalPoint')}</span> : null}
          </dd>
        </div>
        {m.groupName ? (
          <div>
            <dt>{t('profile.group')}</dt>
            <dd dir="auto">{m.groupName}</dd>
          </div>
        ) : null}
        {m.committees ? (
          <div>
            <dt>{t('profile.committees')}</dt>
            <dd dir="auto">{m.committees}</dd>
          </div>
        ) : null}
        {m.languages ? (
          <div>
            <dt>{t('profile.languages')}</dt>
            <dd>
              {m.languages
                .split(',')
                .map((code) => {
                  try {
                    return languageNames.of(code) ?? code
                  } catch {
                    return code
                  }
                })
                .join(lang === 'ar' ? '، ' : ', ')}
            </dd>
          </div>
        ) : null}
      </dl>
      {m.bioEn || m.bioAr ? (
        <section aria-labelledby="bio-title">
          <h2 id="bio-title">{t('profile.biography')}</h2>
          <p className="bio">
            <BilingualText en={m.bioEn} ar={m.bioAr} lang={lang} />
          </p>
        </section>
      ) : null}
      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('profile.contact')}</h2>
        {m.contact ? (
          m.contact.email || m.contact.phone || m.contact.website ? (
            <ul className="contact" data-testid="contact-details">
              {m.contact.email ? (
                <li>
                  <a href={`mailto:${m.contact.email}`}>
                    <bdi dir="ltr">{m.contact.email}</bdi>
                  </a>
                </li>
              ) : null}
              {m.contact.phone ? (
                <li>
                  <bdi dir="ltr">{m.contact.phone}</bdi>
                </li>
              ) : null}
              {m.contact.website ? (
                <li>
                  <a href={m.contact.website} rel="noreferrer">
                    <bdi dir="ltr">{m.contact.website.replace(/^https?:\/\//, '')}</bdi>
                  </a>
                </li>
              ) : null}
            </ul>
          ) : (
            <p className="muted">{t('profile.noContact')}</p>
          )
        ) : (
          <p className="muted">
            <Link to={`/${lang}/login?redirectTo=${encodeURIComponent(`/${lang}/members/${m.id}`)}`}>
              {t('profile.signInForContact')}
            </Link>
          </p>
        )}
      </section>
    </div>
  )
}
