// The women and young parliamentarians' space: its programmes, meetings, resources, participation figures and
// member groups (joined and left through the action).
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '~/utils/zod'
import { memberGroups } from '~/utils/vocabulary'
import { ResourceCard } from '~/features/library/resource-card'
import { joinGroup, leaveGroup, listGroupsForMember } from '~/features/women-youth/member-group.server'
import { MIN_AGE_GROUP } from '~/features/network/network-stats.server'
import { YOUNG_AGE_LIMIT, participationByYear } from '~/features/meetings/participation-stats.server'
import { listSpaceMeetings, listSpaceProgrammes, listSpaceResources } from '~/features/women-youth/women-youth.server'
import { getUser, requireUser } from '~/utils/auth.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead, pageTitle } from '~/utils/page.server'
import meetingStyles from '~/styles/meetings.css?url'
import styles from '~/styles/women-youth.css?url'
import { ParticipationFigures } from './figures'
import { GroupPanel } from './group-panel'
import { SpaceMeetings, SpaceProgrammes } from './sections'

export const meta = titleMeta
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: meetingStyles },
  { rel: 'stylesheet', href: styles },
]

/** The resolutions the space's work rests on: women, peace and security; youth, peace and security. */
const spaceResolutions = ['1325', '2250'] as const

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const user = getUser(request)
  const viewer = user && { id: user.id, role: user.role, parliamentId: user.parliamentId }
  // The groups' lists are for signed-in members: a visitor's page never holds a name from them.
  const groups = user ? listGroupsForMember(user.id, lang) : null
  return {
    lang,
    programmes: listSpaceProgrammes(),
    meetings: listSpaceMeetings(viewer),
    resources: listSpaceResources(user),
    participation: participationByYear(),
    minAgeGroup: MIN_AGE_GROUP,
    youngAge: YOUNG_AGE_LIMIT,
    groups,
    signedIn: Boolean(user),
    title: pageTitle(lang, 'title', 'womenYouth'),
    ...pageHead(lang, { key: 'head.womenYouth' }),
  }
}

const groupField = z.enum(memberGroups)
const GroupActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('join'), group: groupField }),
  z.object({ intent: z.literal('leave'), group: groupField }),
])

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireUser(request)
  const lang = requireLanguage(params)
  const submission = parseWithZod(await request.formData(), { schema: GroupActionSchema })
  if (submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const { intent, group } = submission.value
  if (intent === 'join') joinGroup(user.id, group)
  else leaveGroup(user.id, group)
  return redirectWithFlash(`/${lang}/women-youth#group-${group}`, intent === 'join' ? 'groupJoined' : 'groupLeft')
}

export const handle = { i18n: ['library', 'meetings', 'womenYouth'] }

export default function WomenAndYouth() {
  const { lang, programmes, meetings, resources, participation, minAgeGroup, youngAge, groups } =
    useLoaderData<typeof loader>()
  const { t } = useTranslation(['womenYouth', 'common', 'library'])
  return (
    <div className="page women-youth">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{t('resolutionsIntro')}</p>
      <ul className="women-youth__resolutions">
        {spaceResolutions.map((r) => (
          <li key={r}>
            <Link to={`/${lang}/resources?resolution=${r}`}>{t(`resolutions.${r}`, { ns: 'common' })}</Link>
          </li>
        ))}
      </ul>

      <SpaceProgrammes programmes={programmes} lang={lang} />
      <SpaceMeetings upcoming={meetings.upcoming} past={meetings.past} lang={lang} />

      <section aria-labelledby="wy-resources" className="women-youth__section">
        <h2 id="wy-resources">{t('resources.title')}</h2>
        {resources.length ? (
          <ul className="resource-cards">
            {resources.map((r) => (
              <li key={r.id}>
                <ResourceCard resource={r} lang={lang} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('resources.empty')}</p>
        )}
        <ul className="women-youth__links">
          <li>
            <Link to={`/${lang}/resources?theme=women`}>{t('resources.allWomen')}</Link>
          </li>
          <li>
            <Link to={`/${lang}/resources?theme=youth`}>{t('resources.allYouth')}</Link>
          </li>
        </ul>
      </section>

      <ParticipationFigures rows={participation} lang={lang} minAgeGroup={minAgeGroup} youngAge={youngAge} />

      <section aria-labelledby="wy-groups" className="women-youth__section" id="groups">
        <h2 id="wy-groups">{t('groups.title')}</h2>
        <p>{t('groups.lead')}</p>
        {groups ? (
          <div className="women-youth__groups">
            {memberGroups.map((g) => (
              <GroupPanel key={g} group={g} members={groups.lists[g]} isIn={groups.mine.includes(g)} lang={lang} />
            ))}
          </div>
        ) : (
          <p className="women-youth__sign-in">
            <Link to={`/${lang}/login?redirectTo=${encodeURIComponent(`/${lang}/women-youth`)}`}>
              {t('groups.signIn')}
            </Link>
          </p>
        )}
      </section>
    </div>
  )
}
