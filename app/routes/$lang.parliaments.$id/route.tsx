import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { canEditMechanism } from '~/features/network/access.server'
import { requireParliament } from '~/features/network/guards.server'
import { listParliamentMechanisms } from '~/features/network/mechanism.server'
import { listParliamentResources } from '~/features/library/resource.server'
import { listParliamentMeetings } from '~/features/meetings/meeting.server'
import { MeetingCard } from '~/features/meetings/meeting-card'
import { ResourceCard } from '~/features/library/resource-card'
import { listParliamentMembers } from '~/features/network/member.server'
import { MIN_GROUP, getParliamentShares } from '~/features/network/network-stats.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import { formatDate } from '~/utils/format'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import { getFixedT } from '~/utils/i18n.server'
import meetingStyles from '~/styles/meetings.css?url'
import { FiguresPanel, MechanismsPanel, PeoplePanel } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: meetingStyles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const parliament = requireParliament(params.id)
  const user = getUser(request)
  const members = listParliamentMembers(parliament.id, Boolean(user))
  const name = pickLanguage({ en: parliament.nameEn, ar: parliament.nameAr }, lang).text
  return {
    lang,
    parliament,
    members: members.filter((m) => !m.isFocalPoint),
    focalPoints: members.filter((m) => m.isFocalPoint),
    // Over the profiles this viewer may see, with no share of a group too small to hide anyone's gender or age.
    shares: (({ members: total, womenShare, youthShares }) => ({ total, womenShare, youthShares }))(
      getParliamentShares(parliament.id, Boolean(user)),
    ),
    minGroup: MIN_GROUP,
    mechanisms: listParliamentMechanisms(parliament.id),
    resources: listParliamentResources(parliament.id, user),
    meetings: listParliamentMeetings(
      parliament.id,
      user && { id: user.id, role: user.role, parliamentId: user.parliamentId },
    ),
    canEdit: hasRole(user, 'coordinator'),
    canAddMechanism: canEditMechanism(user, { parliamentId: parliament.id }),
    title: `${name} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(lang, { key: 'head.parliament', values: { name } }),
  }
}

export const handle = { i18n: ['library', 'meetings', 'network'] }

export default function ParliamentPage() {
  const {
    lang,
    parliament: p,
    members,
    focalPoints,
    shares,
    minGroup,
    mechanisms,
    resources,
    meetings,
    canEdit,
    canAddMechanism,
  } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['network', 'common', 'meetings'])
  const otherName = lang === 'ar' ? p.nameEn : p.nameAr
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={`/${lang}/parliaments`}>{t('directory.title')}</Link>
      </p>
      <h1>
        <BilingualText en={p.nameEn} ar={p.nameAr} lang={lang} />
      </h1>
      {otherName && (lang === 'ar' ? p.nameAr : p.nameEn) ? (
        <p className="lead">
          <bdi lang={lang === 'ar' ? 'en' : 'ar'}>{otherName}</bdi>
        </p>
      ) : null}
      {canEdit ? (
        <p>
          <Link className="button button--quiet" to={`/${lang}/parliaments/${p.id}/edit`}>
            {t('profile.edit')}
          </Link>
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('directory.kind')}</dt>
          <dd>
            {t(`parliamentKinds.${p.kind}`, { ns: 'common' })}
            {p.chamber ? ` · ${t(`chambers.${p.chamber}`)}` : ''}
          </dd>
        </div>
        {p.countryCode ? (
          <div>
            <dt>{t('directory.country')}</dt>
            <dd>{countryName(p.countryCode, lang)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('directory.region')}</dt>
          <dd>{t(`regions.${p.region}`, { ns: 'common' })}</dd>
        </div>
        <div>
          <dt>{t('profile.website')}</dt>
          <dd>
            {p.website ? (
              <a href={p.website} rel="noreferrer">
                <bdi dir="ltr">{p.website.replace(/^https?:\/\//, '')}</bdi>
              </a>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>{t('profile.joined')}</dt>
          <dd>{p.joinedAt ? formatDate(new Date(`${p.joinedAt}T00:00:00Z`), lang) : t('profile.notJoined')}</dd>
        </div>
      </dl>

      <FiguresPanel p={p} shares={shares} minGroup={minGroup} lang={lang} />
      <PeoplePanel
        id="focal-title"
        title={t('profile.focalPoints')}
        empty={t('profile.noFocalPoints')}
        members={focalPoints}
        lang={lang}
      />
      <PeoplePanel
        id="members-title"
        title={t('profile.membersTitle')}
        empty={t('profile.noMembers')}
        members={members}
        lang={lang}
      />
      <MechanismsPanel parliamentId={p.id} mechanisms={mechanisms} canEdit={canAddMechanism} lang={lang} />
      {meetings.length ? (
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t('parliament.title', { ns: 'meetings' })}</h2>
          <ul className="meeting-list">
            {meetings.map((m) => (
              <li key={m.id}>
                <MeetingCard meeting={m} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {resources.length ? (
        <section aria-labelledby="resources-title">
          <h2 id="resources-title">{t('profile.resources')}</h2>
          <ul className="resource-cards">
            {resources.map((r) => (
              <li key={r.id}>
                <ResourceCard resource={r} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
