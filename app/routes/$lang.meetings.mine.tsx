import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { RegistrationStateBadge } from '~/features/meetings/registration-panel'
import { listMyMeetings } from '~/features/meetings/participants.server'
import { requireUser } from '~/utils/auth.server'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageTitle } from '~/utils/page.server'
import { formatInZone, formatRangeInZone } from '~/utils/zoned-format'
import styles from '~/styles/participation.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  return { lang, ...listMyMeetings(user), title: pageTitle(lang, 'mine.title', 'participation') }
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function When({ m, lang }: { m: { startsAt: Date; endsAt: Date; timeZone: string }; lang: Language }) {
  return <>{formatRangeInZone(new Date(m.startsAt), new Date(m.endsAt), lang, m.timeZone)}</>
}

export const handle = { i18n: ['participation'] }

export default function MyMeetings() {
  const { lang, invitations, upcoming, past } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['participation', 'common'])
  return (
    <div className="page participation-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('nav.meetings', { ns: 'common' })}</Link>
      </p>
      <h1>{t('mine.title')}</h1>
      <p className="lead">{t('mine.lead')}</p>
      <p>
        <Link className="button button--quiet" to={`/${lang}/meetings/feed`}>
          {t('mine.subscribe')}
        </Link>
      </p>

      <section className="participation-section" aria-labelledby="mine-invitations">
        <h2 id="mine-invitations">{t('mine.invitations')}</h2>
        {invitations.length ? (
          <ul className="participation-cards">
            {invitations.map((m) => (
              <li key={m.id} className="participation-card">
                <h3>
                  <Link to={`/${lang}/meetings/${m.id}`}>
                    <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
                  </Link>
                </h3>
                <p>
                  <When m={m} lang={lang} />
                </p>
                <p className="muted">
                  {m.registrationDeadline
                    ? t('mine.deadline', {
                        deadline: formatInZone(new Date(m.registrationDeadline), lang, m.timeZone, 'dateTime'),
                      })
                    : t('mine.noDeadline')}
                </p>
                <p>
                  <Link className="button button--small" to={`/${lang}/meetings/${m.id}/register`}>
                    {t('mine.answer')}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('mine.noInvitations')}</p>
        )}
      </section>

      <RegistrationTable
        id="mine-upcoming"
        title={t('mine.upcoming')}
        empty={t('mine.noUpcoming')}
        rows={upcoming}
        lang={lang}
      />
      <RegistrationTable id="mine-past" title={t('mine.past')} empty={t('mine.noPast')} rows={past} lang={lang} />
    </div>
  )
}

function RegistrationTable({
  id,
  title,
  empty,
  rows,
  lang,
}: {
  id: string
  title: string
  empty: string
  rows: Loaded['upcoming']
  lang: Language
}) {
  const { t } = useTranslation('participation')
  return (
    <section className="participation-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length ? (
        <div className="table-wrap">
          <table className="participation-table">
            <thead>
              <tr>
                <th scope="col">{t('mine.meeting')}</th>
                <th scope="col">{t('mine.when')}</th>
                <th scope="col">{t('mine.state')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/${lang}/meetings/${m.id}`}>
                      <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
                    </Link>
                  </th>
                  <td>
                    <When m={m} lang={lang} />
                  </td>
                  <td>
                    <RegistrationStateBadge state={m.registrationState} />{' '}
                    {['confirmed', 'pending', 'waitlisted'].includes(m.registrationState) ? (
                      <span className="muted">{t(`modes.${m.attendanceMode}`)}</span>
                    ) : null}
                    {m.state === 'cancelled' ? (
                      <span className="badge registration-badge--closed">{t('mine.meetingCancelled')}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{empty}</p>
      )}
    </section>
  )
}
