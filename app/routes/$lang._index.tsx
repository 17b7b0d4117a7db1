import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { MeetingCard } from '~/features/meetings/meeting-card'
import { ResourceCard } from '~/features/library/resource-card'
import { listNextMeetings } from '~/features/meetings/meeting.server'
import { listLatestResources } from '~/features/library/resource.server'
import { getSiteStats } from '~/features/home/stats.server'
import { surveysToAnswerNotice } from '~/features/surveys'
import { SurveysToAnswer } from '~/features/surveys/components/answer-pending'
import { getUser } from '~/utils/auth.server'
import { formatNumber } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import { getFixedT } from '~/utils/i18n.server'
import meetingStyles from '~/styles/meetings.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: meetingStyles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const t = getFixedT(lang)
  const user = getUser(request)
  return {
    lang,
    stats: getSiteStats(),
    latest: listLatestResources(user, 4),
    nextMeetings: listNextMeetings(user && { id: user.id, role: user.role, parliamentId: user.parliamentId }, 3),
    surveysToAnswer: surveysToAnswerNotice(lang, user),
    title: `${t('shell.siteName')} · ${t('shell.tagline')}`,
    ...pageHead(lang),
  }
}

export const handle = { i18n: ['library', 'meetings'] }

export default function Home() {
  const { lang, stats, latest, nextMeetings, surveysToAnswer } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['common', 'library', 'meetings'])
  const figures = [
    { key: 'parliaments', value: stats.parliaments, to: `/${lang}/parliaments` },
    { key: 'members', value: stats.members, to: `/${lang}/parliaments` },
    { key: 'resources', value: stats.resources, to: `/${lang}/resources` },
    { key: 'upcomingMeetings', value: stats.upcomingMeetings, to: `/${lang}/meetings` },
  ] as const
  return (
    <div className="page">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p>
          <Link className="button" to={`/${lang}/about`}>
            {t('home.learnMore')}
          </Link>
        </p>
      </section>
      <SurveysToAnswer notice={surveysToAnswer} />
      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('home.figuresTitle')}</h2>
        <ul className="figures">
          {figures.map((f) => (
            <li key={f.key} className="figure">
              <Link to={f.to}>
                <span className="figure__value" data-testid={`count-${f.key}`}>
                  {formatNumber(f.value, lang)}
                </span>
                <span className="figure__label">{t(`home.figures.${f.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="next-meetings-title">
        <h2 id="next-meetings-title">{t('home.title', { ns: 'meetings' })}</h2>
        {nextMeetings.length ? (
          <ul className="meeting-list">
            {nextMeetings.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} lang={lang} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('home.none', { ns: 'meetings' })}</p>
        )}
        <p>
          <Link to={`/${lang}/meetings`}>{t('home.all', { ns: 'meetings' })}</Link>
        </p>
      </section>
      {latest.length ? (
        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t('home.latestResources')}</h2>
          <ul className="resource-cards">
            {latest.map((r) => (
              <li key={r.id}>
                <ResourceCard resource={r} lang={lang} />
              </li>
            ))}
          </ul>
          <p>
            <Link to={`/${lang}/resources`}>{t('home.allResources')}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="support-title">
        <h2 id="support-title">{t('home.supportTitle')}</h2>
        <ul className="cards">
          {(
            [
              ['programmes', 'programmes'],
              ['womenYouth', 'women-youth'],
              ['partners', 'partners'],
            ] as const
          ).map(([key, path]) => (
            <li key={key} className="card">
              <h3>
                <Link to={`/${lang}/${path}`}>{t(`home.support.${key}.title`)}</Link>
              </h3>
              <p>{t(`home.support.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('home.rolesTitle')}</h2>
        <ul className="cards">
          {(['public', 'members', 'coordinators'] as const).map((role) => (
            <li key={role} className="card">
              <h3>{t(`home.roles.${role}.title`)}</h3>
              <p>{t(`home.roles.${role}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
