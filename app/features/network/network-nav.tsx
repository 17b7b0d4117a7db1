import { NavLink } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Language } from '~/utils/i18n'

/** The sections of the network area, shown at the top of each of its pages. */
export function NetworkNav({ lang }: { lang: Language }) {
  const { t } = useTranslation('network')
  const links = [
    { to: `/${lang}/network`, label: t('nav.overview'), end: true },
    { to: `/${lang}/parliaments`, label: t('nav.parliaments') },
    { to: `/${lang}/members`, label: t('nav.members') },
    { to: `/${lang}/mechanisms`, label: t('nav.mechanisms') },
  ]
  return (
    <nav className="tabs" aria-label={t('nav.label')}>
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  )
}

/** The top of a page of the network area: its sections, then the page's title and lead. */
export function NetworkHeader({ lang, title, lead }: { lang: Language; title: string; lead: string }) {
  return (
    <>
      <NetworkNav lang={lang} />
      <h1>{title}</h1>
      <p className="lead">{lead}</p>
    </>
  )
}
