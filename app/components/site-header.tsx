import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Role } from '~/utils/vocabulary'
import type { Language } from '~/utils/i18n'
import { LanguageSwitch } from './language-switch'
import { boundedSearch } from '~/utils/query-string'

type HeaderUser = { id: number; name: string; role: Role; hasParliament: boolean; unread?: number } | null

export function SiteHeader({ lang, user }: { lang: Language; user: HeaderUser }) {
  const { t } = useTranslation('common')
  const location = useLocation()
  const canInvite = user?.role === 'coordinator' || user?.role === 'admin'
  // "Network" is the hub of several pages (figures, directory, members, mechanisms): it stays marked on each.
  const inNetwork = /^\/(en|ar)\/(network|parliaments|members|mechanisms)(\/|$)/.test(location.pathname)
  const nav = [
    { to: `/${lang}/network`, label: t('nav.network'), active: inNetwork },
    { to: `/${lang}/resources`, label: t('nav.resources') },
    { to: `/${lang}/meetings`, label: t('nav.meetings') },
    { to: `/${lang}/drafts`, label: t('nav.drafts') },
    { to: `/${lang}/surveys`, label: t('nav.surveys') },
    { to: `/${lang}/groups`, label: t('nav.groups') },
    { to: `/${lang}/programmes`, label: t('nav.programmes') },
    { to: `/${lang}/women-youth`, label: t('nav.womenYouth') },
    { to: `/${lang}/partners`, label: t('nav.partners') },
    { to: `/${lang}/about`, label: t('nav.about') },
  ]
  return (
    <header className="site-header">
      <div className="site-header__top">
        <Link to={`/${lang}`} className="brand">
          <span className="brand__mark" aria-hidden="true">
            ◉
          </span>
          <span className="brand__text">
            <span className="brand__name">{t('shell.siteName')}</span>
            <span className="brand__tagline">{t('shell.tagline')}</span>
          </span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch lang={lang} />
          {user ? null : (
            <Link
              className="button button--small"
              to={`/${lang}/login?redirectTo=${encodeURIComponent(location.pathname + boundedSearch(location.search))}`}
            >
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          {nav.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                className={({ isActive }) => (isActive || ('active' in item && item.active) ? 'active' : '')}
              >
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        {user ? (
          <ul className="site-nav__account" aria-label={t('nav.accountLabel')}>
            <li>
              <NavLink to={`/${lang}/resources/mine`}>{t('nav.myResources')}</NavLink>
            </li>
            <li>
              <NavLink to={`/${lang}/meetings/mine`}>{t('nav.myMeetings')}</NavLink>
            </li>
            {user.hasParliament || canInvite ? (
              <li>
                <NavLink to={`/${lang}/requests`}>{t('nav.requests')}</NavLink>
              </li>
            ) : null}
            {canInvite ? (
              <li>
                <NavLink to={`/${lang}/coordination`}>{t('nav.coordination')}</NavLink>
              </li>
            ) : null}
            {canInvite ? (
              <li>
                <NavLink to={`/${lang}/resources/review`}>{t('nav.review')}</NavLink>
              </li>
            ) : null}
            {canInvite ? (
              <li>
                <NavLink to={`/${lang}/invitations/new`}>{t('nav.invite')}</NavLink>
              </li>
            ) : null}
            {user.role === 'admin' ? (
              <li>
                <NavLink to={`/${lang}/admin`}>{t('nav.admin')}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink
                to={`/${lang}/notifications`}
                aria-label={
                  user.unread ? t('notificationsBadge.label', { count: user.unread }) : t('notificationsBadge.none')
                }
              >
                {t('notificationsBadge.none')}
                {user.unread ? (
                  <span className="notification-badge" aria-hidden="true">
                    {' '}
                    <bdi>{user.unread > 99 ? '99+' : user.unread}</bdi>
                  </span>
                ) : null}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/${lang}/account`}>{user.name}</NavLink>
            </li>
            <li>
              <Form method="post" action={`/${lang}/logout`}>
                <button type="submit" className="link-button">
                  {t('nav.signOut')}
                </button>
              </Form>
            </li>
          </ul>
        ) : null}
      </nav>
    </header>
  )
}
