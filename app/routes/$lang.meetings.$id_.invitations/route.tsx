// A coordinator invites parliaments (all their accounts) and member accounts to a meeting, and sees who answered.
// What the page posts is handled in intents.server.ts; the table and the two lists are in panels.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { BilingualText } from '~/components/bilingual-text'
import { requireManagedMeeting } from '~/features/meetings/guards.server'
import {
  isInvitationOpen,
  listInvitableParliaments,
  listInvitations,
  searchInvitableUsers,
} from '~/features/meetings/invitations.server'
import { MeetingBreadcrumb } from '~/features/meetings/meeting-nav'
import { meetingPageTitle } from '~/features/meetings/page-title.server'
import { normalizeForSearch } from '~/utils/arabic'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import styles from '~/styles/participation.css?url'
import { runInvitationsIntent } from './intents.server'
import { InvitationsTable, MembersForm, ParliamentsForm } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m } = requireManagedMeeting(request, params.id)
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 100)
  const pq = (url.searchParams.get('pq') ?? '').slice(0, 100)
  return {
    lang,
    meeting: { id: m.id, titleEn: m.titleEn, titleAr: m.titleAr, state: m.state, open: isInvitationOpen(m) },
    ...listInvitations(m.id),
    parliaments: listInvitableParliaments(m.id, lang).map((p) => ({
      ...p,
      search: normalizeForSearch(`${p.nameEn} ${p.nameAr}`),
    })),
    q,
    pq,
    users: searchInvitableUsers(m.id, q),
    title: meetingPageTitle(m, lang, 'invitations.title', 'participation'),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const lang = requireLanguage(params)
  const { user, meeting } = requireManagedMeeting(request, params.id)
  return runInvitationsIntent(lang, user, meeting, await request.formData())
}

export const handle = { i18n: ['agenda', 'participation'] }

export default function InvitationsPage() {
  const { lang, meeting: m, invitations, totals } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['participation', 'common'])
  return (
    <div className="page participation-page">
      <MeetingBreadcrumb lang={lang} meeting={m} />
      <h1>
        {t('invitations.title')}: <BilingualText en={m.titleEn} ar={m.titleAr} lang={lang} />
      </h1>
      <p className="lead">{t('invitations.lead')}</p>
      {m.state === 'draft' ? <p className="notice">{t('invitations.draftNote')}</p> : null}
      {!m.open ? <p className="notice">{t('invitations.closedNote')}</p> : null}
      <p className="participation-links">
        <Link to={`/${lang}/meetings/${m.id}/participants`}>{t('invitations.participants')}</Link>
      </p>

      <section aria-labelledby="current-invitations">
        <h2 id="current-invitations">{t('invitations.current')}</h2>
        {invitations.length ? (
          <>
            <p>{t('invitations.totals', totals)}</p>
            <InvitationsTable lang={lang} invitations={invitations} />
          </>
        ) : (
          <p>{t('invitations.none')}</p>
        )}
      </section>

      {m.open ? (
        <>
          <ParliamentsForm />
          <MembersForm />
        </>
      ) : null}
    </div>
  )
}
