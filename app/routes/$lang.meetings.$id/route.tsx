// A meeting's page: its facts, description, outcome, agenda and documents, the viewer's registration box, and
// a coordinator's links and moves. What the page posts is handled in intents.server.ts; its parts in panels.tsx.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { canManageMeeting } from '~/features/meetings/access.server'
import { getAgenda } from '~/features/meetings/agenda.server'
import { listMeetingDrafts } from '~/features/meetings/agenda-drafts.server'
import { MeetingDrafts } from '~/features/meetings/meeting-drafts'
import { listMeetingDocuments } from '~/features/meetings/documents.server'
import { requireVisibleManagedMeeting, requireVisibleMeeting } from '~/features/meetings/guards.server'
import { agendaStylesheet, MeetingAgenda } from '~/features/meetings/meeting-agenda'
import { MeetingBadges } from '~/features/meetings/meeting-card'
import { MeetingDocuments } from '~/features/meetings/meeting-documents'
import { canMoveMeeting, listMeetingThemes } from '~/features/meetings/meeting.server'
import { getParticipation, isConfirmedParticipant } from '~/features/meetings/participants.server'
import { RegistrationPanel } from '~/features/meetings/registration-panel'
import { listPartnersOfMeeting } from '~/features/partners/partner.server'
import { pickLanguage } from '~/utils/bilingual'
import { countryName } from '~/utils/countries'
import { getFixedT } from '~/utils/i18n.server'
import { requireLanguage } from '~/utils/lang.server'
import { titleMeta } from '~/utils/meta'
import { pageHead } from '~/utils/page.server'
import { formatInZone, formatRangeInZone, zoneOffsetLabel } from '~/utils/zoned-format'
import styles from '~/styles/meetings.css?url'
import participationStyles from '~/styles/participation.css?url'
import { runMeetingIntent } from './intents.server'
import { ManagePanel, MeetingFacts, Prose } from './panels'

export const meta = titleMeta
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  agendaStylesheet,
  { rel: 'stylesheet', href: participationStyles },
]

export function loader({ params, request }: LoaderFunctionArgs) {
  const lang = requireLanguage(params)
  const { meeting: m, viewer } = requireVisibleMeeting(request, params.id)
  const canManage = canManageMeeting(viewer)
  // The link to join online is for confirmed participants and coordinators only: never sent to anyone else.
  const showOnline = Boolean(m.onlineUrl && (canManage || (viewer && isConfirmedParticipant(m.id, viewer.id))))
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang).text
  return {
    lang,
    partners: listPartnersOfMeeting(m.id, lang),
    themes: listMeetingThemes(m.id),
    meeting: {
      id: m.id,
      kind: m.kind,
      format: m.format,
      state: m.state,
      visibility: m.visibility,
      titleEn: m.titleEn,
      titleAr: m.titleAr,
      descriptionEn: m.descriptionEn,
      descriptionAr: m.descriptionAr,
      city: m.city,
      country: m.countryCode ? countryName(m.countryCode, lang) : '',
      address: m.address,
      hosts: m.hosts
        .split('\n')
        .map((h) => h.trim())
        .filter(Boolean),
      timeZone: m.timeZone,
      capacity: m.capacity,
      outcomeEn: m.outcomePublishedAt ? m.outcomeEn : '',
      outcomeAr: m.outcomePublishedAt ? m.outcomeAr : '',
      hasOnline: m.format !== 'in_person',
    },
    when: formatRangeInZone(m.startsAt, m.endsAt, lang, m.timeZone),
    zone: `${m.timeZone}, ${zoneOffsetLabel(m.startsAt, m.timeZone)}`,
    deadline: m.registrationDeadline ? formatInZone(m.registrationDeadline, lang, m.timeZone) : null,
    onlineUrl: showOnline ? m.onlineUrl : null,
    agenda: getAgenda(m.id, viewer),
    drafts: listMeetingDrafts(m.id, viewer),
    documents: listMeetingDocuments(m.id, viewer),
    participation: m.state === 'draft' ? null : getParticipation(m.id, viewer),
    canManage,
    moves: canManage
      ? (['published', 'completed', 'cancelled'] as const).filter((to) => canMoveMeeting(m.state, to))
      : [],
    title: `${title} · ${getFixedT(lang)('shell.siteName')}`,
    ...pageHead(lang, { en: m.descriptionEn, ar: m.descriptionAr }, { key: 'head.meeting', values: { title } }),
  }
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, meeting } = requireVisibleManagedMeeting(request, params.id)
  const lang = requireLanguage(params)
  return runMeetingIntent(lang, user, meeting, await request.formData())
}

export const handle = { i18n: ['agenda', 'library', 'meetings', 'participation', 'drafts'] }

export default function MeetingPage() {
  const {
    lang,
    meeting: m,
    agenda,
    drafts,
    documents,
    participation,
    canManage,
    moves,
  } = useLoaderData<typeof loader>()
  const { t } = useTranslation(['meetings', 'library'])
  const title = pickLanguage({ en: m.titleEn, ar: m.titleAr }, lang)
  return (
    <article className="page meeting-page">
      <p className="breadcrumb">
        <Link to={`/${lang}/meetings`}>{t('detail.breadcrumb')}</Link>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <MeetingBadges meeting={m} withFormat />
      {m.state === 'draft' ? <p className="notice">{t('detail.draftNotice')}</p> : null}
      {m.state === 'cancelled' ? <p className="notice notice--warning">{t('detail.cancelledNotice')}</p> : null}

      {canManage ? <ManagePanel base={`/${lang}/meetings/${m.id}`} moves={moves} /> : null}

      <div className="meeting-page__layout">
        <div className="meeting-page__main">
          <MeetingFacts />
          <p>
            <a
              href={`/meetings/${m.id}/calendar.ics?lang=${lang}`}
              className="button button--quiet button--small"
              download
            >
              {t('detail.downloadIcs')}
            </a>
          </p>
          <Prose
            id="about-heading"
            title={t('detail.description')}
            text={pickLanguage({ en: m.descriptionEn, ar: m.descriptionAr }, lang)}
          />
          <Prose
            id="outcome-heading"
            className="meeting-outcome"
            title={t('detail.outcomeTitle')}
            text={pickLanguage({ en: m.outcomeEn, ar: m.outcomeAr }, lang)}
          />
          {agenda.length ? <MeetingAgenda agenda={agenda} timeZone={m.timeZone} lang={lang} /> : null}
          <MeetingDrafts drafts={drafts} lang={lang} />
          <MeetingDocuments documents={documents} lang={lang} />
        </div>
        {participation ? (
          <aside className="meeting-page__aside">
            <RegistrationPanel participation={participation} meetingId={m.id} lang={lang} />
          </aside>
        ) : null}
      </div>
    </article>
  )
}
