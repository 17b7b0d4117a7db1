// A coordinator's view of a meeting's participants, grouped by parliament: approve, decline or cancel a
// registration, mark attendance, see the waitlist, message everyone. What the page posts is handled in
// intents.server.ts; its sections are in panels.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { FormError } from '~/components/status-message'
import { errorKey } from '~/features/meetings/errors'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import { MeetingBreadcrumb } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { listParticipants, listWaitlist, type ParticipantRow } from '~/features/meetings/participants.server'
import { pickLanguage } from '~/utils/bilingual'
import type { Language } from '~/utils/i18n'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import styles from '~/styles/participation.css?url'
import { runParticipantsIntent } from './intents.server'
import { MessageForm, ParticipantGroups, Waitlist } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export type ParticipantGroup = { key: string; nameEn: string; nameAr: string; rows: ParticipantRow[] }

/** The participants by parliament, the groups sorted by the name in the page's language (no parliament last). */
function groupByParliament(participants: ParticipantRow[], lang: Language) {
  const groups = new Map<string, ParticipantGroup>()
  for (const p of participants) {
    const key = String(p.parliamentId ?? 'none')
    if (!groups.has(key))
      groups.set(key, { key, nameEn: p.parliamentNameEn ?? '', nameAr: p.parliamentNameAr ?? '', rows: [] })
    groups.get(key)!.rows.push(p)
  }
  const name = (g: ParticipantGroup) => pickLanguage({ en: g.nameEn, ar: g.nameAr }, lang).text
  return [...groups.values()].sort((a, b) =>
    a.key === 'none' ? 1 : b.key === 'none' ? -1 : name(a).localeCompare(name(b), lang),
  )
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m } = requireManagedMeeting(request, params.id)
  const participants = listParticipants(m.id)
  const countOf = (...states: string[]) => participants.filter((p) => states.includes(p.state)).length
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr, capacity: m.capacity, timeZone: m.timeZone },
    groups: groupByParliament(participants, lang),
    counts: {
      confirmed: countOf('confirmed'),
      pending: countOf('pending'),
      waitlisted: countOf('waitlisted'),
      other: countOf('cancelled', 'declined'),
    },
    waitlist: listWaitlist(m.id),
    title: meetingPageTitle(m, lang, 'participants.title', 'participation'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting } = requireManagedMeeting(request, params.id)
  return runParticipantsIntent(lang, user, meeting, await request.formData())
}

export const handle = { i18n: ['agenda', 'meetings', 'participation'] }

export default function ParticipantsPage() {
  const { lang, meeting: m, groups, counts, waitlist } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation(['participation', 'common'])
  return (
    <div className="page participation-page">
      <MeetingBreadcrumb lang={lang} meeting={m} />
      <h1>
        {t('participants.title')}: <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </h1>
      <p className="lead">
        {m.capacity === null ? t('participants.noCapacity') : t('participants.capacity', { capacity: m.capacity })}
        {' · '}
        {t('participants.summary', counts)}
      </p>
      <p className="participation-links">
        <a href={`/meetings/${m.id}/participants.csv`} download>
          {t('participants.export')}
        </a>
        <Link to={`/${lang}/meetings/${m.id}/invitations`}>{t('participants.invitations')}</Link>
      </p>
      <FormError>{actionData?.refused ? t(errorKey(actionData.refused)) : null}</FormError>

      {groups.length ? (
        <ParticipantGroups lang={lang} groups={groups} hasConfirmed={counts.confirmed > 0} />
      ) : (
        <p>{t('participants.none')}</p>
      )}
      <Waitlist lang={lang} waitlist={waitlist} timeZone={m.timeZone} />
      <MessageForm lastResult={actionData?.result} />
    </div>
  )
}
