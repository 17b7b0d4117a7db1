import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { canEditMechanism, listParliamentMechanisms } from '~/features/network/mechanism.server'
import { listParliamentResources } from '~/features/library/resource.server'
import { listParliamentMeetings } from '~/features/meetings/meeting.server'
import { MeetingCard } from '~/features/meetings/meeting-card'
import { ResourceCard } from '~/features/library/resource-card'
import { listParliamentMembers } from '~/features/network/member.server'
import { MIN_GROUP, getParliamentShares } from '~/features/network/network-stats.server'
import { getParliament } from '~/features/network/parliament.server'
import { getUser, hasRole } from '~/utils/auth.server'
import { pickLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import { formatDate, formatNumber } from '~/utils/format'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { getFixedT } from '~/utils/i18n.server'
import meetingStyles from '~/styles/meetings.css?url'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: meetingStyles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const id = Number(params.id)
  const parliament = Number.isSafeInteger(id) && id > 0 ? getParliament(id) : undefined
  if (!parliament) throw new Response('Not Found', { status: 404 })
  const user = getUser(request)
  const members = listParliamentMembers(parliament.id, Boolean(user))
  const name = pickLanguage({ en: parliament.nameEn, ar: parliament.nameAr }, lang).text
  return {
    lang,
    parliament: {
      id: parliament.id,
      kind: parliament.kind,
      countryCode: parliament.countryCode,
      chamber: parliament.chamber,
      nameEn: parliament.nameEn,
      nameAr: parliament.nameAr,
      region: parliament.region,
      website: parliament.website,
      joinedAt: parliament.joinedAt,
      ipuSeats: parliament.ipuSeats,
      ipuWomen: parliament.ipuWomen,
      ipuAsOf: parliament.ipuAsOf,
    },
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
  }
}

function percent(part: number, whole: number, lang: Language) {
  return whole > 0 ? share(part / whole, lang) : '—'
}

function share(value: number | null, lang: Language) {
  return value == null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value)
}

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

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">{t('profile.figuresTitle')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('profile.figure')}</th>
                <th scope="col">{t('profile.network')}</th>
                <th scope="col">
                  {t('profile.ipu', { date: p.ipuAsOf ? formatDate(new Date(`${p.ipuAsOf}T00:00:00Z`), lang) : '—' })}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('profile.members')}</th>
                <td>{formatNumber(shares.total, lang)}</td>
                <td>{p.ipuSeats != null ? formatNumber(p.ipuSeats, lang) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{t('profile.womenShare')}</th>
                <td data-testid="women-share">{share(shares.womenShare, lang)}</td>
                <td>{p.ipuSeats && p.ipuWomen != null ? percent(p.ipuWomen, p.ipuSeats, lang) : '—'}</td>
              </tr>
              {([30, 40, 45] as const).map((age) => (
                <tr key={age}>
                  <th scope="row">{t(`profile.under${age}`)}</th>
                  <td>{share(shares.youthShares[age], lang)}</td>
                  <td>—</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {shares.total > 0 && (shares.womenShare == null || shares.youthShares[30] == null) ? (
          <p className="muted">{t('profile.smallGroupNote', { min: formatNumber(minGroup, lang) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="focal-title">
        <h2 id="focal-title">{t('profile.focalPoints')}</h2>
        {focalPoints.length === 0 ? (
          <p className="muted">{t('profile.noFocalPoints')}</p>
        ) : (
          <MemberList members={focalPoints} lang={lang} />
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('profile.membersTitle')}</h2>
        {members.length === 0 ? (
          <p className="muted">{t('profile.noMembers')}</p>
        ) : (
          <MemberList members={members} lang={lang} />
        )}
      </section>

      <section aria-labelledby="mechanisms-title">
        <h2 id="mechanisms-title">{t('profile.mechanisms')}</h2>
        {canAddMechanism ? (
          <p>
            <Link className="button button--quiet" to={`/${lang}/mechanisms/new?parliament=${p.id}`}>
              {t('profile.addMechanism')}
            </Link>
          </p>
        ) : null}
        {mechanisms.length === 0 ? (
          <p className="muted">{t('profile.noMechanisms')}</p>
        ) : (
          <>
            <p>
              <Link to={`/${lang}/mechanisms?parliament=${p.id}`}>{t('profile.allMechanisms')}</Link>
            </p>
            <ul className="cards">
              {mechanisms.map((m) => (
                <li key={m.id} className="card">
                  <h3>
                    <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                  </h3>
                  <p className="muted">
                    {t(`mechanismKinds.${m.kind}`)}
                    {m.year ? ` · ${m.year}` : ''}
                  </p>
                  <p>
                    <BilingualText en={m.descriptionEn} ar={m.descriptionAr} lang={lang} />
                  </p>
                  {m.pillars.length ? (
                    <ul className="tags" aria-label={t('profile.pillars')}>
                      {m.pillars.map((n) => (
                        <li key={n}>{t(`pillarsShort.${n}`)}</li>
                      ))}
                    </ul>
                  ) : null}
                  {m.url ? (
                    <p>
                      <a href={m.url} rel="noreferrer">
                        {t('profile.mechanismLink')}
                      </a>
                    </p>
                  ) : null}
                  {canAddMechanism ? (
                    <p>
                      <Link to={`/${lang}/mechanisms/${m.id}/edit`}>
                        {t('profile.edit')}
                        <span className="visually-hidden">
                          {' '}
                          <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
                        </span>
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
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

function MemberList({
  members,
  lang,
}: {
  members: { id: number; nameEn: string; nameAr: string; position: string }[]
  lang: Language
}) {
  const { t } = useTranslation('network')
  return (
    <ul className="member-list">
      {members.map((m) => (
        <li key={m.id}>
          <Link to={`/${lang}/members/${m.id}`}>
            <BilingualText en={m.nameEn} ar={m.nameAr} lang={lang} />
          </Link>{' '}
          <span className="muted">· {t(`positions.${m.position}`)}</span>
        </li>
      ))}
    </ul>
  )
}
